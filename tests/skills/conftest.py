import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.skills.enums import CheckQuestionKind, CheckStatus
from tests.factories.accounts import UserFactory
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory
from tests.factories.skills import (
    BandFactory,
    CheckOptionFactory,
    CheckQuestionFactory,
    SectionFactory,
    SkillsCheckFactory,
)


def build_check(*, owner_unit, status=CheckStatus.PUBLISHED, title="Everyday skills"):
    """A check with two sections.

    Reading: two single-choice questions scoring 0-2 each (range 0-4), bands 0-1, 2-3, 4.
    Confidence: one 1-5 scale (range 1-5), bands 1-2, 3-5.
    Returns (check, {"reading": section, "confidence": section}, options by question, bands).
    """
    check = SkillsCheckFactory(owner_unit=owner_unit, status=status, title=title)
    reading = SectionFactory(skills_check=check, order=1, title="Reading")
    options = {}
    for n in (1, 2):
        question = CheckQuestionFactory(section=reading, order=n, text=f"Reading {n}?")
        options[question.pk] = [
            CheckOptionFactory(question=question, text=text, score=score)
            for text, score in (("Not yet", 0), ("Sometimes", 1), ("Easily", 2))
        ]
    resource = ResourceFactory(owner_unit=owner_unit, title="Reading at work")
    starting = BandFactory(section=reading, min_score=0, max_score=1, name="Getting started")
    starting.resources.set([resource])
    BandFactory(section=reading, min_score=2, max_score=3, name="Entry level 3")
    BandFactory(section=reading, min_score=4, max_score=4, name="Level 1")
    confidence = SectionFactory(skills_check=check, order=2, title="Confidence")
    scale = CheckQuestionFactory(
        section=confidence, kind=CheckQuestionKind.SCALE, text="How confident are you?"
    )
    BandFactory(section=confidence, min_score=1, max_score=2, name="Building confidence")
    BandFactory(section=confidence, min_score=3, max_score=5, name="Confident")
    return check, {"reading": reading, "confidence": confidence, "scale": scale}, options, resource


def answers_for(options, scale, *, reading_scores=(0, 0), confidence=3):
    """Answers choosing the option with each given score in the reading questions."""
    answers = {}
    for (question_pk, opts), score in zip(options.items(), reading_scores, strict=True):
        answers[question_pk] = str(next(o.pk for o in opts if o.score == score))
    answers[scale.pk] = str(confidence)
    return answers


@pytest.fixture
def union(db):
    return UnionFactory(name="Union A")


@pytest.fixture
def branch(union):
    return BranchFactory(parent=RegionFactory(parent=union), name="Branch A")


@pytest.fixture
def workplace(branch):
    return WorkplaceFactory(parent=branch, name="Depot A")


def account_at(unit, role=Role.LEARNER, email=None):
    """An account with a person at `unit` holding a learner grant (and `role` there)."""
    user = UserFactory(**({"email": email} if email else {}))
    PersonFactory(home_unit=unit, account=user)
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=unit)
    if role != Role.LEARNER:
        RoleGrant.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def learner(workplace):
    return account_at(workplace, email="learner@a.test")


@pytest.fixture
def ulr(branch):
    return account_at(branch, Role.ULR, email="ulr@a.test")
