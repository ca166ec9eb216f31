"""The LRS pages for people: staff statements and clients, and a learner's own record."""

import base64
import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from commonplace.lrs.enums import Scope
from commonplace.lrs.models import LrsClient
from commonplace.lrs.selectors import lrs_client_authenticate, statements_actor_for_user
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.lrs import SECRET, LrsClientFactory, StatementFactory, account_agent
from tests.factories.organisation import BranchFactory, UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@pytest.fixture
def union():
    return UnionFactory(name="Union A")


@pytest.fixture
def other_union():
    return UnionFactory(name="Union B")


@pytest.fixture
def staff(union):
    return RoleGrantFactory(role=Role.STAFF, unit=union).user


@pytest.fixture
def learner():
    return RoleGrantFactory(role=Role.LEARNER).user


@pytest.fixture
def lms(union):
    return LrsClientFactory(union=union, name="Union A Moodle")


@pytest.fixture
def other_lms(other_union):
    return LrsClientFactory(union=other_union, name="Union B Moodle")


# The staff pages: grants


def test_staff_see_their_unions_statements_newest_first(client, staff, lms, other_lms):
    older = StatementFactory(client=lms, name="Older course", minutes_ago=10)
    newer = StatementFactory(client=lms, name="Newer course", minutes_ago=1)
    StatementFactory(client=other_lms, name="Union B course")
    client.force_login(staff)

    response = client.get("/lrs/statements/")

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.statement for row in rows] == [newer, older]
    assert b"Union B course" not in response.content


def test_statement_list_filters_by_agent_verb_activity_registration_and_day(client, staff, lms):
    registration = uuid.uuid4()
    wanted = StatementFactory(
        client=lms,
        actor={"mbox": "mailto:ann@example.org"},
        verb="http://adlnet.gov/expapi/verbs/passed",
        activity="https://example.org/a/1",
        registration=registration,
    )
    StatementFactory(client=lms, actor={"mbox": "mailto:ann@example.org"})
    StatementFactory(client=lms, actor={"mbox": "mailto:bob@example.org"})
    old = StatementFactory(client=lms, minutes_ago=60 * 24 * 10)
    client.force_login(staff)

    def found(**params):
        response = client.get("/lrs/statements/", params)
        assert response.status_code == 200
        return {row.statement for row in response.context["rows"]}

    assert wanted in found(agent="ann@example.org")
    assert len(found(agent="ann@example.org")) == 2
    assert found(agent="mailto:ann@example.org", verb=wanted.verb_id) == {wanted}
    assert found(activity="https://example.org/a/1") == {wanted}
    assert found(registration=str(registration)) == {wanted}
    today = timezone.localdate()
    assert old not in found(since=(today - timedelta(days=1)).isoformat())
    assert found(until=(today - timedelta(days=5)).isoformat()) == {old}
    assert found(agent="nobody-in-particular") == set()


def test_agent_filter_by_email_finds_the_platforms_account_agent(client, staff, lms, union):
    member = UserFactory(email="carys@example.org")
    mine = StatementFactory(client=lms, actor=account_agent(member))
    client.force_login(staff)

    response = client.get("/lrs/statements/", {"agent": "carys@example.org"})

    assert [row.statement for row in response.context["rows"]] == [mine]


def test_htmx_request_gets_only_the_results(client, staff, lms):
    StatementFactory(client=lms)
    client.force_login(staff)

    response = client.get("/lrs/statements/", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert b'id="results"' in response.content
    assert b"<html" not in response.content


def test_statement_list_query_count_does_not_grow_with_rows(
    client, staff, lms, django_assert_max_num_queries
):
    client.force_login(staff)
    StatementFactory(client=lms)
    with django_assert_max_num_queries(12) as one:
        client.get("/lrs/statements/")
    StatementFactory.create_batch(2, client=lms)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get("/lrs/statements/")


def test_statement_detail_shows_a_summary_and_the_json_and_is_audited(client, staff, lms):
    statement = StatementFactory(
        client=lms,
        name="Safe lifting",
        actor={"name": "Ann Jones", "mbox": "mailto:ann@example.org"},
        result={"success": True, "completion": True, "score": {"scaled": 0.85}},
    )
    client.force_login(staff)

    response = client.get(f"/lrs/statements/{statement.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Safe lifting" in page
    assert "Ann Jones" in page
    assert "Successful" in page
    assert "Score: 85%" in page
    assert "Union A Moodle" in page
    assert "<pre" in page
    assert str(statement.statement_id) in page
    events = AuditEvent.objects.filter(action="lrs.statement.viewed", subject_id=str(statement.pk))
    assert events.count() == 1
    assert events.get().union_id == lms.union_id


def test_voided_statement_is_marked(client, staff, lms):
    statement = StatementFactory(client=lms, voided=True)
    client.force_login(staff)

    response = client.get(f"/lrs/statements/{statement.pk}/")

    assert "This statement was voided" in response.content.decode()


def test_administrator_sees_clients_of_their_union_only(client, union, lms, other_lms):
    admin = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=union).user
    client.force_login(admin)

    response = client.get("/lrs/clients/")

    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [lms]
    assert b"Union B Moodle" not in response.content


# The staff pages: refusals


@pytest.mark.parametrize(
    "path",
    ["/lrs/statements/", "/lrs/clients/", "/lrs/clients/add/"],
)
def test_learner_gets_404_for_the_staff_pages(client, learner, path):
    client.force_login(learner)

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("role", [Role.ULR, Role.COORDINATOR, Role.BRANCH_OFFICER, Role.ORGANISER])
def test_roles_without_an_lrs_rule_get_404(client, union, role, lms):
    statement = StatementFactory(client=lms)
    user = RoleGrantFactory(role=role, unit=union).user
    client.force_login(user)

    assert client.get("/lrs/statements/").status_code == 404
    assert client.get(f"/lrs/statements/{statement.pk}/").status_code == 404
    assert client.get(f"/lrs/clients/{lms.pk}/deactivate/").status_code == 404


def test_staff_of_union_a_get_404_for_union_bs_statement_and_client(client, staff, other_lms):
    statement = StatementFactory(client=other_lms)
    client.force_login(staff)

    assert client.get(f"/lrs/statements/{statement.pk}/").status_code == 404
    assert client.get(f"/lrs/clients/{other_lms.pk}/deactivate/").status_code == 404
    assert client.post(f"/lrs/clients/{other_lms.pk}/deactivate/").status_code == 404
    other_lms.refresh_from_db()
    assert other_lms.is_active
    assert not AuditEvent.objects.filter(action="lrs.statement.viewed").exists()


def test_staff_below_the_union_do_not_see_the_unions_statements(client, union, lms):
    statement = StatementFactory(client=lms)
    region_staff = RoleGrantFactory(role=Role.STAFF, unit=BranchFactory().parent).user
    client.force_login(region_staff)

    response = client.get("/lrs/statements/")

    assert response.status_code == 200  # they hold the rule, somewhere else
    assert list(response.context["rows"]) == []
    assert client.get(f"/lrs/statements/{statement.pk}/").status_code == 404


def test_federation_wide_client_statements_need_a_federation_grant(client, staff):
    statement = StatementFactory(client=LrsClientFactory(union=None))
    client.force_login(staff)
    assert client.get(f"/lrs/statements/{statement.pk}/").status_code == 404

    federation = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=None).user
    client.force_login(federation)
    assert client.get(f"/lrs/statements/{statement.pk}/").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for path in ("/lrs/statements/", "/lrs/clients/", "/lrs/mine/", "/lrs/mine/statements.json"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


# Clients: create and deactivate


def test_create_client_shows_the_secret_once_and_it_authenticates(client, staff, union):
    client.force_login(staff)
    form = client.get("/lrs/clients/add/")
    assert form.status_code == 200
    assert list(form.context["form"].fields["union"].queryset) == [union]

    response = client.post(
        "/lrs/clients/add/",
        {"name": "Union A Moodle", "scopes": [Scope.STATEMENTS_WRITE], "union": union.pk},
    )

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    created = LrsClient.objects.get(name="Union A Moodle")
    secret = response.context["secret"]
    page = response.content.decode()
    assert secret in page
    assert created.key in page
    assert created.union == union
    assert created.scopes == [Scope.STATEMENTS_WRITE]
    assert secret not in created.secret_digest
    assert lrs_client_authenticate(authorization=basic(created.key, secret)) == created
    assert AuditEvent.objects.filter(action="lrs.client.created", union=union).count() == 1
    # Never again: the list and the deactivation page show the key, not the secret.
    assert secret not in client.get("/lrs/clients/").content.decode()
    assert secret not in client.get(f"/lrs/clients/{created.pk}/deactivate/").content.decode()


def test_create_client_refuses_another_unions_place_and_an_empty_form(client, staff, other_union):
    client.force_login(staff)

    response = client.post(
        "/lrs/clients/add/",
        {"name": "Sneaky", "scopes": [Scope.ALL], "union": other_union.pk},
    )
    assert response.status_code == 200
    assert "union" in response.context["form"].errors

    empty = client.post("/lrs/clients/add/", {})
    assert set(empty.context["form"].errors) == {"name", "scopes", "union"}
    assert "There is a problem" in empty.content.decode()
    assert not LrsClient.objects.exists()


def test_only_a_federation_grant_may_add_a_federation_wide_client(client, staff):
    client.force_login(staff)
    assert client.get("/lrs/clients/add/").context["form"].fields["union"].required

    federation = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=None).user
    client.force_login(federation)
    response = client.post("/lrs/clients/add/", {"name": "Shared", "scopes": [Scope.ALL]})
    assert response.status_code == 200
    assert LrsClient.objects.get(name="Shared").union is None


def test_deactivation_asks_first_then_refuses_the_next_authentication(client, staff, lms):
    authorization = basic(lms.key, SECRET)
    assert lrs_client_authenticate(authorization=authorization) == lms
    client.force_login(staff)

    confirm = client.get(f"/lrs/clients/{lms.pk}/deactivate/")
    assert confirm.status_code == 200
    lms.refresh_from_db()
    assert lms.is_active  # a GET changes nothing

    response = client.post(f"/lrs/clients/{lms.pk}/deactivate/")

    assert response.status_code == 302
    assert lrs_client_authenticate(authorization=authorization) is None
    refused = client.get(
        "/xapi/statements",
        headers={"Authorization": authorization, "X-Experience-API-Version": "2.0.0"},
    )
    assert refused.status_code == 401
    assert AuditEvent.objects.filter(action="lrs.client.deactivated").count() == 1
    again = client.post(f"/lrs/clients/{lms.pk}/deactivate/", follow=True)
    assert "already deactivated" in again.content.decode()
    assert AuditEvent.objects.filter(action="lrs.client.deactivated").count() == 1


# My learning record


def test_learner_sees_only_their_own_statements(client, learner, lms, other_lms):
    someone = UserFactory()
    mine = StatementFactory(
        client=lms, actor=account_agent(learner), name="My course", result={"success": True}
    )
    from_elsewhere = StatementFactory(client=other_lms, actor=account_agent(learner))
    StatementFactory(client=lms, actor=account_agent(someone), name="Their course")
    StatementFactory(client=lms, actor={"mbox": f"mailto:{learner.email}"}, name="By email")
    StatementFactory(client=lms, actor=account_agent(learner), name="Voided", voided=True)
    client.force_login(learner)

    response = client.get("/lrs/mine/")

    assert response.status_code == 200
    assert {row.statement for row in response.context["rows"]} == {mine, from_elsewhere}
    page = response.content.decode()
    assert "My course" in page
    assert "Successful" in page
    assert "Their course" not in page
    assert "Voided" not in page
    assert not AuditEvent.objects.filter(action="lrs.statement.viewed").exists()


def test_learner_downloads_their_statements_as_an_xapi_array(client, learner, lms):
    mine = StatementFactory(client=lms, actor=account_agent(learner))
    StatementFactory(client=lms)
    client.force_login(learner)

    response = client.get("/lrs/mine/statements.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert [statement["id"] for statement in data] == [str(mine.statement_id)]


def test_my_record_in_welsh_picks_the_welsh_name(client, learner, lms):
    StatementFactory(client=lms, actor=account_agent(learner), name="Codi'n ddiogel")
    client.force_login(learner)

    client.cookies["commonplace_language"] = "cy"
    response = client.get("/lrs/mine/")

    assert "Codi&#x27;n ddiogel (cy)" in response.content.decode()
    assert "Fy nghofnod dysgu" in response.content.decode()


def test_the_platforms_agent_for_a_user_is_an_account_on_this_site(settings):
    user = UserFactory()
    assert statements_actor_for_user(user) == {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(user.pk)},
    }


def test_navigation_shows_my_record_to_everyone_and_lrs_pages_to_staff(client, learner, staff):
    client.force_login(learner)
    page = client.get("/lrs/mine/").content.decode()
    assert 'href="/lrs/mine/"' in page
    assert 'href="/lrs/statements/"' not in page

    client.force_login(staff)
    page = client.get("/lrs/statements/").content.decode()
    assert 'href="/lrs/statements/"' in page
    assert 'href="/lrs/clients/"' in page


@pytest.mark.parametrize("path", ["/lrs/mine/", "/lrs/mine/statements.json"])
def test_my_record_goes_through_the_policy(client, learner, staff, path):
    # Everyone holds the learner role, whose own-record rule opens the page; an account
    # without it (here: staff only) is refused like any page the table does not grant.
    client.force_login(learner)
    assert client.get(path).status_code == 200
    client.force_login(staff)
    assert client.get(path).status_code == 404
    client.logout()
    assert client.get(path).status_code == 302


def test_client_list_and_my_record_query_counts_do_not_grow_with_rows(
    client, staff, union, django_assert_max_num_queries
):
    LrsClientFactory(union=union)
    RoleGrantFactory(user=staff, role=Role.LEARNER)  # every account holds it
    StatementFactory(actor=account_agent(staff))
    client.force_login(staff)
    counts = {}
    for path in ("/lrs/clients/", "/lrs/mine/"):
        with django_assert_max_num_queries(15) as queries:
            client.get(path)
        counts[path] = len(queries.captured_queries)
    LrsClientFactory.create_batch(2, union=union)
    StatementFactory.create_batch(2, actor=account_agent(staff))
    for path, count in counts.items():
        with django_assert_max_num_queries(count):
            assert client.get(path).status_code == 200


def test_staff_read_a_members_statements_under_their_name_when_they_may_see_them(
    client, staff, union, other_union, lms, django_assert_max_num_queries
):
    # A member of the union (whom its staff may see) and an account from another union (whom
    # they may not) both appear in statements of the union's client.
    member = PersonFactory(
        account=UserFactory(), home_unit=WorkplaceFactory(parent=BranchFactory(parent=union))
    )
    stranger = PersonFactory(account=UserFactory(), home_unit=WorkplaceFactory(parent=other_union))
    StatementFactory(client=lms, actor=account_agent(member.account), name="Member's course")
    StatementFactory(client=lms, actor=account_agent(stranger.account), name="Stranger's course")
    client.force_login(staff)

    with django_assert_max_num_queries(12) as queries:
        page = client.get("/lrs/statements/").content.decode()

    assert member.display_name in page
    assert stranger.display_name not in page
    assert f"{stranger.account.pk} at" in page  # still the account, as the statement names it
    StatementFactory.create_batch(
        3, client=lms, actor=account_agent(member.account), name="Member's course"
    )
    with django_assert_max_num_queries(len(queries.captured_queries)):
        client.get("/lrs/statements/")
