import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.enums import QuestionKind
from tests.factories.accounts import UserFactory
from tests.factories.assessment import ChoiceFactory, QuestionFactory, QuizFactory
from tests.factories.organisation import BranchFactory, RegionFactory, UnionFactory
from tests.factories.people import PersonFactory


def build_quiz(**quiz_fields):
    """A quiz with one question of every kind; returns (quiz, {kind: question}, right answers)."""
    quiz = QuizFactory(**quiz_fields)
    q = {}
    right = {}
    single = QuestionFactory(quiz=quiz, kind=QuestionKind.SINGLE, order=1)
    yes, no = ChoiceFactory(question=single, is_correct=True), ChoiceFactory(question=single)
    q["single"], right[single.pk] = single, str(yes.pk)
    multiple = QuestionFactory(quiz=quiz, kind=QuestionKind.MULTIPLE, order=2)
    m1 = ChoiceFactory(question=multiple, is_correct=True)
    m2 = ChoiceFactory(question=multiple, is_correct=True)
    ChoiceFactory(question=multiple)
    q["multiple"], right[multiple.pk] = multiple, [str(m1.pk), str(m2.pk)]
    truth = QuestionFactory(quiz=quiz, kind=QuestionKind.TRUE_FALSE, order=3, answer_true=False)
    q["true_false"], right[truth.pk] = truth, "false"
    short = QuestionFactory(
        quiz=quiz, kind=QuestionKind.SHORT_TEXT, order=4, accepted_answers=["Two-factor", "2FA"]
    )
    q["short_text"], right[short.pk] = short, "  two-FACTOR "
    matching = QuestionFactory(quiz=quiz, kind=QuestionKind.MATCHING, order=5)
    pairs = [ChoiceFactory(question=matching, text=f"P{i}", match_text=f"T{i}") for i in range(3)]
    q["matching"], right[matching.pk] = matching, {str(c.pk): str(c.pk) for c in pairs}
    ordering = QuestionFactory(quiz=quiz, kind=QuestionKind.ORDERING, order=6)
    items = [ChoiceFactory(question=ordering, position=p) for p in (2, 1, 3)]
    q["ordering"], right[ordering.pk] = ordering, {str(c.pk): str(c.position) for c in items}
    return quiz, q, right, {"single_wrong": no, "pairs": pairs, "items": items, "multi": (m1, m2)}


@pytest.fixture
def union(db):
    return UnionFactory(name="Union A")


@pytest.fixture
def learner(union):
    branch = BranchFactory(parent=RegionFactory(parent=union))
    user = UserFactory(email="learner@a.test")
    PersonFactory(home_unit=branch, account=user)
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=branch)
    return user


# The project tests' fixtures (`place`) live beside them.
from .projects import place  # noqa: E402, F401
