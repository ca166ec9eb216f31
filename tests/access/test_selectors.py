import pytest
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.selectors import visible_to
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import BranchFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_ulr_sees_people_below_their_branch_and_not_the_next_branch():
    branch = BranchFactory()
    sibling = BranchFactory(parent=branch.parent)
    mine = PersonFactory(home_unit=WorkplaceFactory(parent=branch))
    other = PersonFactory(home_unit=WorkplaceFactory(parent=sibling))
    grant = RoleGrantFactory(role=Role.ULR, unit=branch)

    visible = set(visible_to(user=grant.user, kind="people.person"))

    assert mine in visible
    assert other not in visible


def test_revoked_grant_sees_nothing():
    branch = BranchFactory()
    PersonFactory(home_unit=WorkplaceFactory(parent=branch))
    grant = RoleGrantFactory(role=Role.ULR, unit=branch, revoked_at=timezone.now())

    assert list(visible_to(user=grant.user, kind="people.person")) == []
