import pytest

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory


def _learner(union):
    workplace = WorkplaceFactory(parent__parent__parent=union)
    user = RoleGrantFactory(role=Role.LEARNER, unit=workplace).user
    PersonFactory(home_unit=workplace, account=user)
    return user


@pytest.fixture
def union(db):
    return UnionFactory(name="Union A")


@pytest.fixture
def learner(union):
    return _learner(union)


@pytest.fixture
def other_learner(union):
    """Another learner of the same union and workplace tree."""
    return _learner(union)


@pytest.fixture
def outsider(db):
    return _learner(UnionFactory(name="Union B"))
