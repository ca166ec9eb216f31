"""The platform's own statements are stored under a client of the member's union (decision
0185), so that union's staff see them on the LRS pages and no other union's staff do."""

import pytest

from commonplace.access.enums import Role
from commonplace.core.errors import DomainError
from commonplace.lrs import vocabulary
from commonplace.lrs.errors import BadRequest
from commonplace.lrs.models import LrsClient, Statement
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services import lrs_client_deactivate
from commonplace.lrs.services.statements import platform_authority, statement_record
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def _member_of(union):
    person = PersonFactory(account=UserFactory(), home_unit=WorkplaceFactory(parent=union))
    assert person.union == union
    return person.account


def _record(user, activity: str) -> str:
    return statement_record(
        actor=statements_actor_for_user(user),
        verb=vocabulary.COMPLETED,
        activity_id=f"https://example.org/pages/{activity}",
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": activity.replace("-", " ").capitalize()},
    )


def test_a_members_statement_is_seen_by_their_unions_staff_only(client):
    union_a, union_b = UnionFactory(name="Union A"), UnionFactory(name="Union B")
    member = _member_of(union_a)
    statement_id = _record(member, "safe-lifting")
    _record(member, "second-page")
    staff_a = RoleGrantFactory(role=Role.STAFF, unit=union_a).user
    staff_b = RoleGrantFactory(role=Role.STAFF, unit=union_b).user

    stored = Statement.objects.get(statement_id=statement_id)
    platform = LrsClient.objects.get(union=union_a)  # one client for both statements
    assert stored.client == platform
    assert platform.scopes == []  # its key opens nothing over HTTP
    assert stored.data["authority"] == platform_authority()

    client.force_login(staff_a)
    assert "Safe lifting" in client.get("/lrs/statements/").text
    assert client.get(f"/lrs/statements/{stored.pk}/").status_code == 200
    client.force_login(staff_b)
    assert "Safe lifting" not in client.get("/lrs/statements/").text
    assert client.get(f"/lrs/statements/{stored.pk}/").status_code == 404


def test_a_statement_about_someone_without_a_person_has_no_client():
    statement_id = _record(UserFactory(), "x")
    assert Statement.objects.get(statement_id=statement_id).client is None


def test_the_platform_client_cannot_be_deactivated():
    union = UnionFactory()
    _record(_member_of(union), "y")
    platform = LrsClient.objects.get(union=union)
    with pytest.raises(DomainError):
        lrs_client_deactivate(actor=None, client=platform)
    platform.refresh_from_db()
    assert platform.is_active


def test_the_client_page_offers_no_deactivation_of_the_platform_client_and_refuses_one(client):
    union = UnionFactory()
    _record(_member_of(union), "z")
    platform = LrsClient.objects.get(union=union)
    client.force_login(RoleGrantFactory(role=Role.STAFF, unit=union).user)

    page = client.get("/lrs/clients/").text.replace("&#x27;", "'")
    assert "Commonplace (the platform's own records)" in page
    assert f"/lrs/clients/{platform.pk}/deactivate/" not in page
    response = client.post(f"/lrs/clients/{platform.pk}/deactivate/", follow=True)
    assert "cannot be deactivated" in response.text.replace("&#x27;", "'")
    platform.refresh_from_db()
    assert platform.is_active


def test_a_statement_recorded_in_process_holding_nul_is_refused_and_not_stored():
    user = _member_of(UnionFactory())
    with pytest.raises(BadRequest, match="NUL character"):
        statement_record(
            actor=statements_actor_for_user(user),
            verb=vocabulary.COMPLETED,
            activity_id="https://example.org/pages/nul",
            activity_type=vocabulary.ActivityType.LESSON,
            activity_name={"en": "A\x00B"},
        )
    assert not Statement.objects.exists()
