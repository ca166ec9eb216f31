import pytest

from commonplace.access.enums import Role
from commonplace.people.enums import MembershipStatus
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import BranchFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_get_the_landing_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Create an account" in response.content.decode()


def test_learner_home_shows_their_branch_workplace_and_next_steps(client):
    user = UserFactory()
    workplace = WorkplaceFactory(name="Cardiff General Hospital")
    PersonFactory(account=user, home_unit=workplace, workplace=workplace, branch=workplace.parent)
    RoleGrantFactory(user=user, role=Role.LEARNER, unit=workplace)
    client.force_login(user)

    page = client.get("/").content.decode()

    assert "Cardiff General Hospital" in page
    assert workplace.parent.name in page
    assert "Answer the equality monitoring questions" in page
    assert "People" not in [item.label for item in client.get("/").context["navigation"]]


def test_non_member_is_invited_to_join(client):
    user = UserFactory()
    PersonFactory(account=user, status=MembershipStatus.NON_MEMBER)
    client.force_login(user)

    assert "how to join" in client.get("/").content.decode()


def test_ulr_home_counts_the_people_they_support_and_shows_the_people_menu(client):
    branch = BranchFactory()
    grant = RoleGrantFactory(role=Role.ULR, unit=branch)
    PersonFactory.create_batch(3, home_unit=WorkplaceFactory(parent=branch))
    PersonFactory(home_unit=WorkplaceFactory())  # elsewhere
    client.force_login(grant.user)

    response = client.get("/")

    assert "3 people you can support" in response.content.decode()
    assert "People" in [item.label for item in response.context["navigation"]]
    assert "Audit log" not in [item.label for item in response.context["navigation"]]


def test_administrator_sees_roles_and_audit_in_the_menu(client):
    grant = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=BranchFactory().union)
    client.force_login(grant.user)

    labels = [item.label for item in client.get("/").context["navigation"]]

    assert {"Organisation", "Roles", "Audit log"} <= set(labels)
