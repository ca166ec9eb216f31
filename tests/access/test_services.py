import pytest

from commonplace.access.enums import Role
from commonplace.access.errors import GrantError
from commonplace.access.models import RoleGrant
from commonplace.access.selectors import roles_of
from commonplace.access.services import grant_create, grant_revoke
from commonplace.audit.models import AuditEvent
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import BranchFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_administrator_grants_a_role_below_their_place_and_it_is_audited():
    region = RegionFactory()
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=region).user
    member = UserFactory()
    branch = BranchFactory(parent=region)

    grant = grant_create(actor=admin, user=member, role=Role.ULR, unit=branch)

    assert roles_of(user=member) == {Role.ULR}
    assert grant.granted_by == admin
    assert AuditEvent.objects.filter(
        action="access.grant.created", subject_id=str(grant.pk)
    ).exists()


def test_granting_outside_ones_place_is_refused_and_nothing_is_written():
    region = RegionFactory()
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=region).user
    elsewhere = BranchFactory(parent=RegionFactory(parent=region.parent))

    with pytest.raises(GrantError):
        grant_create(actor=admin, user=UserFactory(), role=Role.ULR, unit=elsewhere)
    with pytest.raises(GrantError):
        grant_create(actor=admin, user=UserFactory(), role=Role.ADMINISTRATOR, unit=None)
    assert RoleGrant.objects.count() == 1


def test_a_duplicate_active_grant_is_refused():
    region = RegionFactory()
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=region).user
    member = UserFactory()
    grant_create(actor=admin, user=member, role=Role.ULR, unit=region)

    with pytest.raises(GrantError):
        grant_create(actor=admin, user=member, role=Role.ULR, unit=region)


def test_revoking_takes_the_role_away_and_cannot_be_done_twice():
    grant = RoleGrantFactory(role=Role.ULR)
    admin = UserFactory()

    grant_revoke(actor=admin, grant=grant)

    assert roles_of(user=UserFactory._meta.model.objects.get(pk=grant.user_id)) == set()
    with pytest.raises(GrantError):
        grant_revoke(actor=admin, grant=grant)
    assert AuditEvent.objects.filter(action="access.grant.revoked").count() == 1


def test_roles_page_grant_and_revoke_through_the_ui(client):
    region = RegionFactory()
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=region).user
    member = UserFactory(email="rep@example.org")
    client.force_login(admin)

    response = client.post(
        "/roles/add/", {"email": "REP@example.org", "role": "ulr", "unit": region.pk}
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=member)
    assert client.get("/roles/").status_code == 200
    assert client.post(f"/roles/{grant.pk}/revoke/").status_code == 302
    grant.refresh_from_db()
    assert grant.revoked_at is not None


def test_roles_page_rejects_an_unknown_account_with_a_field_error(client):
    region = RegionFactory()
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=region).user
    client.force_login(admin)

    response = client.post(
        "/roles/add/", {"email": "nobody@example.org", "role": "ulr", "unit": region.pk}
    )

    assert response.status_code == 200
    assert "There is no account with that email address." in response.content.decode()
    assert RoleGrant.objects.count() == 1
