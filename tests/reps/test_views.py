"""The reps pages through the test client: grants, refusals (404), forms that keep what was
typed, the notice letter's audit row, the CSV, and the home page's invitation."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from commonplace.people.enums import MembershipStatus
from commonplace.reps.enums import UlrFunction
from commonplace.reps.models import JoinInvitation, RepInvitation, TimeEntry
from tests.factories.access import RoleGrantFactory
from tests.factories.people import PersonFactory
from tests.factories.reps import (
    JoinInvitationFactory,
    RepAppointmentFactory,
    RepInvitationFactory,
    TimeEntryFactory,
    TrainingRecordFactory,
)

from .conftest import member

pytestmark = pytest.mark.django_db


def test_ulr_logs_time_on_their_phone_page(client, ulr, appointment):
    client.force_login(ulr.account)
    today = timezone.localdate()
    response = client.post(
        "/reps/time/add/",
        {
            "appointment": appointment.pk,
            "on": today.isoformat(),
            "minutes": "90",
            "function": UlrFunction.INFORMATION_ADVICE,
            "paid_facility_time": "on",
            "events_run": "0",
            "learners_supported": "2",
            "note": "Two colleagues asked about maths.",
        },
    )
    assert response.status_code == 302
    entry = TimeEntry.objects.get()
    assert (entry.minutes, entry.paid_facility_time, entry.learners_supported) == (90, True, 2)
    page = client.get("/reps/")
    assert b"Two colleagues asked about maths." in page.content
    assert b"1.5" in page.content  # hours this year


def test_time_form_keeps_what_was_typed_on_an_error(client, ulr, appointment):
    client.force_login(ulr.account)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        "/reps/time/add/",
        {
            "appointment": appointment.pk,
            "on": tomorrow.isoformat(),
            "minutes": "60",
            "function": UlrFunction.PROMOTING,
            "events_run": "1",
            "learners_supported": "0",
            "note": "Stall in the canteen",
        },
    )
    assert response.status_code == 400
    assert b"The date cannot be in the future." in response.content
    assert b"Stall in the canteen" in response.content
    assert not TimeEntry.objects.exists()


def test_a_ulr_cannot_delete_or_see_another_ulrs_time(client, ulr, appointment, place):
    other = member(place.workplace, "other-ulr@example.org")
    RoleGrantFactory(user=other.account, role=Role.ULR, unit=place.branch)
    entry = TimeEntryFactory(appointment=appointment, note="Private note")
    client.force_login(other.account)
    assert client.get(f"/reps/time/{entry.pk}/delete/").status_code == 404
    assert client.post(f"/reps/time/{entry.pk}/delete/").status_code == 404
    assert b"Private note" not in client.get("/reps/").content
    assert TimeEntry.objects.filter(pk=entry.pk).exists()


def test_coordinator_sees_the_branch_ulrs_with_a_lapsing_flag(client, coordinator, appointment):
    appointment.notice_given_on = timezone.localdate() - timedelta(days=170)
    appointment.save()
    client.force_login(coordinator)
    response = client.get("/reps/branch/")
    assert response.status_code == 200
    assert b"Carys Jenkins" in response.content
    assert b"Training due within 30 days" in response.content
    assert b"No activity for 60 days" in response.content


def test_branch_view_of_another_branch_shows_nothing_of_this_one(
    client, other_coordinator, appointment, place
):
    client.force_login(other_coordinator)
    response = client.get("/reps/branch/", {"unit": place.branch.pk})  # not theirs: ignored
    assert response.status_code == 200
    assert b"Carys Jenkins" not in response.content


def test_learner_gets_404_for_the_branch_view_and_organising(client, place):
    learner = member(place.workplace, "learner@example.org")
    client.force_login(learner.account)
    assert client.get("/reps/branch/").status_code == 404
    assert client.get("/reps/organising/").status_code == 404
    assert client.get("/reps/facility-time/").status_code == 404


def test_branch_view_query_count_does_not_grow_with_ulrs(client, coordinator, place):
    def add_ulr(n):
        person = member(place.workplace, f"u{n}@example.org")
        RoleGrantFactory(user=person.account, role=Role.ULR, unit=place.branch)
        TimeEntryFactory(
            appointment=RepAppointmentFactory(
                person=person, unit=place.workplace, employer=place.employer
            ),
            on=timezone.localdate(),
        )

    add_ulr(0)
    client.force_login(coordinator)
    client.get("/reps/branch/")
    with CaptureQueriesContext(connection) as one:
        client.get("/reps/branch/")
    add_ulr(1)
    add_ulr(2)
    with CaptureQueriesContext(connection) as three:
        client.get("/reps/branch/")
    assert len(three) == len(one)


def test_coordinator_invites_a_member_who_accepts_on_their_home_page(client, coordinator, place):
    invitee = member(place.workplace, "newulr@example.org", membership_number="M1234567")
    client.force_login(coordinator)
    response = client.post(
        f"/reps/invitations/add/?unit={place.branch.pk}",
        {"member": "m1234567", "unit": place.workplace.pk, "employer": place.employer.pk},
    )
    assert response.status_code == 302
    invitation = RepInvitation.objects.get(person=invitee)

    client.force_login(invitee.account)
    home = client.get("/")
    assert b"You are invited to become a union learning rep" in home.content
    response = client.post(f"/reps/invitations/{invitation.pk}/respond/", {"accept": "1"})
    assert response.status_code == 302
    assert invitee.account.role_grants.filter(role=Role.ULR).exists()
    assert b"Cardiff General" in client.get("/reps/").content


def test_invitation_form_error_keeps_the_typed_member(client, coordinator, place):
    client.force_login(coordinator)
    response = client.post(
        "/reps/invitations/add/",
        {"member": "nobody@example.org", "unit": place.workplace.pk, "employer": place.employer.pk},
    )
    assert response.status_code == 400
    assert b"nobody@example.org" in response.content
    assert not RepInvitation.objects.exists()


def test_someone_elses_invitation_is_404(client, coordinator, place):
    invitation = RepInvitationFactory(person=member(place.workplace, "x@example.org"))
    client.force_login(coordinator)
    assert (
        client.post(f"/reps/invitations/{invitation.pk}/respond/", {"accept": "1"}).status_code
        == 404
    )


def test_notice_letter_names_everyone_and_is_audited(client, coordinator, appointment):
    client.force_login(coordinator)
    response = client.get(f"/reps/appointments/{appointment.pk}/notice/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Carys Jenkins" in text
    assert "Cardiff NHS Trust" in text
    assert "Union A" in text
    assert "analyse learning or training needs" in text
    assert "within six months of the date of this notice" in text
    assert (
        AuditEvent.objects.filter(
            action="reps.notice.viewed", subject_id=str(appointment.pk)
        ).count()
        == 1
    )


def test_notice_letter_refused_to_another_branch(client, other_coordinator, appointment):
    client.force_login(other_coordinator)
    assert client.get(f"/reps/appointments/{appointment.pk}/notice/").status_code == 404


def test_coordinator_records_the_written_notice(client, coordinator, appointment):
    client.force_login(coordinator)
    response = client.post(
        f"/reps/appointments/{appointment.pk}/edit/",
        {"notice_given_on": "2026-02-01", "training_course": "", "trained_on": ""},
    )
    assert response.status_code == 302
    appointment.refresh_from_db()
    assert appointment.notice_given_on == date(2026, 2, 1)


def test_facility_time_csv_downloads(client, coordinator, appointment):
    TimeEntryFactory(appointment=appointment, on=date(2026, 5, 1), minutes=60)
    client.force_login(coordinator)
    response = client.get("/reps/facility-time.csv", {"year": "2026"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "facility-time-2026-27.csv" in response["Content-Disposition"]
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("financial_year,employer,relevant_union_officials")
    assert lines[1].startswith("2026-27,Cardiff NHS Trust,1,")


def test_organising_page_suppresses_small_numbers(client, organiser, place):
    JoinInvitationFactory(person=PersonFactory(home_unit=place.workplace))
    client.force_login(organiser)
    response = client.get("/reps/organising/")
    assert response.status_code == 200
    assert b"Figures by branch" in response.content
    assert b"fewer than 5" in response.content
    assert b"Cardiff Health branch" in response.content


def test_ulr_records_an_invitation_to_join_and_the_joining(client, ulr, coordinator, place):
    learner = PersonFactory(
        home_unit=place.workplace,
        status=MembershipStatus.NON_MEMBER,
        membership_number="",
        given_name="Zofia",
        family_name="Nowak",
    )
    client.force_login(ulr.account)
    form = client.get("/reps/organising/join/add/")
    assert b"Zofia Nowak" in form.content
    today = timezone.localdate()
    response = client.post(
        "/reps/organising/join/add/", {"person": learner.pk, "invited_on": today.isoformat()}
    )
    assert response.status_code == 302
    invitation = JoinInvitation.objects.get(person=learner)
    client.force_login(coordinator)
    response = client.post(
        f"/reps/organising/join/{invitation.pk}/",
        {"outcome": "joined", "joined_on": today.isoformat()},
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.status == MembershipStatus.MEMBER


def test_join_form_refuses_a_person_out_of_scope(client, ulr, place):
    stranger = PersonFactory(home_unit=place.other_workplace, status=MembershipStatus.NON_MEMBER)
    client.force_login(ulr.account)
    response = client.post(
        "/reps/organising/join/add/",
        {"person": stranger.pk, "invited_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 400  # not among the choices
    assert not JoinInvitation.objects.exists()


def test_coordinator_sees_the_ulrs_training_record_on_the_appointment(
    client, coordinator, other_coordinator, appointment
):
    TrainingRecordFactory(person=appointment.person, title="Supporting learners with maths")
    client.force_login(coordinator)
    response = client.get(f"/reps/appointments/{appointment.pk}/edit/")
    assert b"Supporting learners with maths" in response.content
    client.force_login(other_coordinator)
    assert client.get(f"/reps/appointments/{appointment.pk}/edit/").status_code == 404
