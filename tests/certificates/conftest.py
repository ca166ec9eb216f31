import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from tests.factories.accounts import UserFactory
from tests.factories.organisation import BranchFactory, RegionFactory, UnionFactory
from tests.factories.people import PersonFactory


@pytest.fixture
def union(db):
    return UnionFactory(name="Union of Learning Workers")


@pytest.fixture
def branch(union):
    return BranchFactory(parent=RegionFactory(parent=union), name="Cardiff Hospitals")


def person_with_account(unit, email: str, given: str = "Ceri", family: str = "Morgan"):
    user = UserFactory(email=email, display_name=f"{given} {family}")
    PersonFactory(home_unit=unit, account=user, given_name=given, family_name=family)
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=unit)
    return user


@pytest.fixture
def learner(branch):
    return person_with_account(branch, "ceri.morgan@example.org")


@pytest.fixture
def other_learner(branch):
    return person_with_account(branch, "alex.jones@example.org", "Alex", "Jones")
