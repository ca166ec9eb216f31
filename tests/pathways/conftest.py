import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.enums import QuestionKind
from commonplace.pathways.enums import StepKind
from commonplace.pathways.services import step_add
from tests.factories.accounts import UserFactory
from tests.factories.assessment import ChoiceFactory, QuestionFactory, QuizFactory
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.pathways import PathwayFactory
from tests.factories.people import PersonFactory


def _person(unit, email, role=Role.LEARNER, role_unit=None):
    user = UserFactory(email=email)
    PersonFactory(home_unit=unit, account=user)
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=unit)
    if role != Role.LEARNER:
        RoleGrant.objects.create(user=user, role=role, unit=role_unit or unit)
    return user


@pytest.fixture
def union(db):
    return UnionFactory(name="Union A")


@pytest.fixture
def region(union):
    return RegionFactory(parent=union)


@pytest.fixture
def workplace(region):
    return WorkplaceFactory(parent=BranchFactory(parent=region))


@pytest.fixture
def learner(workplace):
    return _person(workplace, "learner@a.test")


@pytest.fixture
def other_learner(workplace):
    return _person(workplace, "colleague@a.test")


@pytest.fixture
def staff(union, workplace):
    return _person(workplace, "staff@a.test", Role.STAFF, union)


@pytest.fixture
def region_staff(region, workplace):
    return _person(workplace, "region-staff@a.test", Role.STAFF, region)


@pytest.fixture
def outsider(db):
    """A learner of another union."""
    other = UnionFactory(name="Union B")
    return _person(
        WorkplaceFactory(parent=BranchFactory(parent=RegionFactory(parent=other))),
        "outsider@b.test",
    )


def passable_quiz(union, slug="pathway-quiz"):
    """A published quiz of one single-choice question; returns (quiz, right responses)."""
    quiz = QuizFactory(owner_unit=union, slug=slug, title="Check your knowledge", pass_mark=100)
    question = QuestionFactory(quiz=quiz, kind=QuestionKind.SINGLE, text="Who is the union?")
    right = ChoiceFactory(question=question, text="We are", is_correct=True)
    ChoiceFactory(question=question, text="The head office")
    return quiz, {question.pk: str(right.pk)}


def build_pathway(union, *, resources=2, quiz=None, optional=0, **fields):
    """A published pathway of `resources` required resource steps (then the quiz step, then
    `optional` optional resource steps), built through the services."""
    pathway = PathwayFactory(owner_unit=union, **fields)
    for i in range(resources):
        resource = ResourceFactory(owner_unit=union, title=f"Reading {i + 1}")
        step_add(
            actor=None,
            pathway=pathway,
            fields={"title": f"Read {i + 1}", "kind": StepKind.RESOURCE, "resource": resource},
        )
    if quiz is not None:
        step_add(
            actor=None,
            pathway=pathway,
            fields={"title": "Take the quiz", "kind": StepKind.QUIZ, "quiz": quiz},
        )
    for i in range(optional):
        resource = ResourceFactory(owner_unit=union, title=f"Extra {i + 1}")
        step_add(
            actor=None,
            pathway=pathway,
            fields={
                "title": f"Extra {i + 1}",
                "kind": StepKind.RESOURCE,
                "resource": resource,
                "required": False,
            },
        )
    return pathway
