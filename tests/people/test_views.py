import pytest
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import EqualityAnswers
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import BranchFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def branch():
    return BranchFactory()


@pytest.fixture
def officer(branch):
    return RoleGrantFactory(role=Role.BRANCH_OFFICER, unit=branch).user


def test_viewing_a_member_page_writes_exactly_one_audit_row(client, branch, officer):
    person = PersonFactory(home_unit=WorkplaceFactory(parent=branch))
    client.force_login(officer)

    response = client.get(f"/people/{person.pk}/", REMOTE_ADDR="10.1.2.3")

    assert response.status_code == 200
    events = AuditEvent.objects.filter(action="people.person.viewed", person=person)
    assert events.count() == 1
    event = events.get()
    assert (event.actor, event.ip_address, event.interface) == (officer, "10.1.2.3", "web")


def test_viewing_ones_own_record_is_not_audited(client):
    user = UserFactory()
    person = PersonFactory(account=user)
    RoleGrantFactory(user=user, role=Role.LEARNER, unit=person.home_unit)
    client.force_login(user)

    assert client.get("/me/").status_code == 200
    assert not AuditEvent.objects.filter(person=person, action="people.person.viewed").exists()


def test_officer_of_branch_a_gets_404_for_a_person_of_branch_b(client, branch, officer):
    other = PersonFactory(home_unit=WorkplaceFactory(parent=BranchFactory(parent=branch.parent)))
    client.force_login(officer)

    assert client.get(f"/people/{other.pk}/").status_code == 404
    assert client.get(f"/people/{other.pk}/edit/").status_code == 404
    assert not AuditEvent.objects.filter(person=other).exists()


def test_revoked_role_is_refused_on_the_very_next_request(client, branch):
    grant = RoleGrantFactory(role=Role.ULR, unit=branch)
    person = PersonFactory(home_unit=WorkplaceFactory(parent=branch))
    client.force_login(grant.user)
    assert client.get(f"/people/{person.pk}/").status_code == 200

    grant.revoked_at = timezone.now()
    grant.save()

    assert client.get(f"/people/{person.pk}/").status_code == 404


def test_people_list_shows_only_the_scope_and_keeps_its_query_count(
    client, branch, officer, django_assert_max_num_queries
):
    workplace = WorkplaceFactory(parent=branch)
    PersonFactory(home_unit=workplace)
    outsider = PersonFactory(home_unit=WorkplaceFactory(parent=BranchFactory()))
    client.force_login(officer)
    client.get("/people/")  # warm the session
    with django_assert_max_num_queries(12) as one:
        first = client.get("/people/")
    PersonFactory.create_batch(2, home_unit=workplace)
    with django_assert_max_num_queries(len(one.captured_queries)):
        third = client.get("/people/")

    assert (
        outsider.family_name not in third.content.decode()
        or outsider.given_name not in third.content.decode()
    )
    assert first.context["page"].paginator.count == 1
    assert third.context["page"].paginator.count == 3


def test_people_search_matches_names_and_membership_numbers(client, branch, officer):
    workplace = WorkplaceFactory(parent=branch)
    PersonFactory(
        home_unit=workplace, given_name="Nia", family_name="Rees", membership_number="A123"
    )
    PersonFactory(home_unit=workplace, given_name="Tom", family_name="Evans")
    client.force_login(officer)

    assert client.get("/people/?q=rees").context["page"].paginator.count == 1
    assert client.get("/people/?q=A123").context["page"].paginator.count == 1
    assert client.get("/people/?q=nobody").context["page"].paginator.count == 0


def test_people_search_filters_by_membership_status_with_the_name(client, branch, officer):
    workplace = WorkplaceFactory(parent=branch)
    PersonFactory(home_unit=workplace, family_name="Rees", status=MembershipStatus.MEMBER)
    PersonFactory(home_unit=workplace, family_name="Rees", status=MembershipStatus.NON_MEMBER)
    PersonFactory(home_unit=workplace, family_name="Evans", status=MembershipStatus.NON_MEMBER)
    client.force_login(officer)

    both = client.get("/people/?q=rees&status=non_member").context["page"]

    assert both.paginator.count == 1
    assert both.object_list[0].status == MembershipStatus.NON_MEMBER
    assert client.get("/people/?status=non_member").context["page"].paginator.count == 2


def test_officer_edits_a_record_and_the_audit_names_only_the_fields(client, branch, officer):
    person = PersonFactory(home_unit=WorkplaceFactory(parent=branch), job_title="Porter")
    client.force_login(officer)
    data = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "email": "",
        "phone": "",
        "status": "member",
        "joined_on": "",
        "lapsed_on": "",
        "job_title": "Senior porter",
        "working_pattern": "",
    }

    response = client.post(f"/people/{person.pk}/edit/", data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.job_title == "Senior porter"
    event = AuditEvent.objects.get(action="people.person.changed", person=person)
    assert event.changes == ["job_title"]
    assert "Senior porter" not in str(event.__dict__)


def test_lapsed_without_a_date_is_refused_and_nothing_is_saved(client, branch, officer):
    person = PersonFactory(home_unit=WorkplaceFactory(parent=branch), job_title="Porter")
    client.force_login(officer)
    data = {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "email": "",
        "phone": "",
        "status": "lapsed",
        "joined_on": "",
        "lapsed_on": "",
        "job_title": "Cook",
        "working_pattern": "",
    }

    response = client.post(f"/people/{person.pk}/edit/", data)

    assert response.status_code == 200
    assert "lapsed" in response.content.decode()
    person.refresh_from_db()
    assert (person.status, person.job_title) == ("member", "Porter")


def test_ulr_may_view_but_not_edit(client, branch):
    ulr = RoleGrantFactory(role=Role.ULR, unit=branch).user
    person = PersonFactory(home_unit=WorkplaceFactory(parent=branch))
    client.force_login(ulr)

    assert client.get(f"/people/{person.pk}/").status_code == 200
    assert client.get(f"/people/{person.pk}/edit/").status_code == 404


def test_equality_answers_are_saved_for_the_person_and_never_logged(client):
    user = UserFactory()
    person = PersonFactory(account=user)
    RoleGrantFactory(user=user, role=Role.LEARNER, unit=person.home_unit)
    client.force_login(user)

    response = client.post("/me/equality/", {"sex": "female", "disability": "prefer_not"})

    assert response.status_code == 302
    answers = EqualityAnswers.objects.get(person=person)
    assert (answers.sex, answers.disability, answers.ethnicity) == ("female", "prefer_not", "")
    event = AuditEvent.objects.get(action="people.equality.changed")
    assert "female" not in str(event.changes)


def test_equality_summary_hides_numbers_under_five(client, branch):
    staff = RoleGrantFactory(role=Role.STAFF, unit=branch).user
    workplace = WorkplaceFactory(parent=branch)
    for _ in range(6):
        EqualityAnswers.objects.create(person=PersonFactory(home_unit=workplace), sex="female")
    for _ in range(2):
        EqualityAnswers.objects.create(person=PersonFactory(home_unit=workplace), sex="male")
    client.force_login(staff)

    response = client.get(f"/people/equality/?unit={branch.pk}")

    rows = dict(response.context["tables"][0][1])
    assert rows == {"Female": 6, "Male": None}
    assert "fewer than 5" in response.content.decode()


def test_learner_cannot_open_the_equality_summary(client):
    user = UserFactory()
    RoleGrantFactory(user=user, role=Role.LEARNER)
    client.force_login(user)

    assert client.get("/people/equality/").status_code == 404
