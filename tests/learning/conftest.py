import pytest

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import RegionFactory, UnionFactory, WorkplaceFactory


@pytest.fixture
def union(db):
    return UnionFactory(name="Union A")


@pytest.fixture
def region(union):
    return RegionFactory(parent=union)


@pytest.fixture
def learner(union):
    workplace = WorkplaceFactory(parent__parent__parent=union)
    return RoleGrantFactory(role=Role.LEARNER, unit=workplace).user


@pytest.fixture
def staff(union):
    return RoleGrantFactory(role=Role.STAFF, unit=union).user


@pytest.fixture
def region_staff(region):
    return RoleGrantFactory(role=Role.STAFF, unit=region).user


@pytest.fixture
def outsider(db):
    """A learner of another union."""
    return RoleGrantFactory(role=Role.LEARNER, unit=WorkplaceFactory()).user
