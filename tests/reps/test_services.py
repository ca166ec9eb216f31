"""Writes of the reps app: who may, what is checked, what is written and audited."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.lrs.selectors import statements_of_user
from commonplace.people.enums import MembershipStatus
from commonplace.reps.enums import InvitationStatus, JoinOutcome, UlrFunction
from commonplace.reps.errors import (
    AppointmentDatesError,
    AppointmentEndedError,
    AppointmentExistsError,
    DateInFutureError,
    InvitationAnsweredError,
    InvitationExistsError,
    InviteeNotEligibleError,
    JoinedIsFinalError,
    JoinInvitationExistsError,
    JoinOutcomeError,
    NotANonMemberError,
    NotInScopeError,
    NotYourAppointmentError,
    TimeEntryInvalidError,
)
from commonplace.reps.models import RepAppointment, TimeEntry
from commonplace.reps.services import (
    appointment_create,
    appointment_update,
    join_invitation_create,
    join_outcome_record,
    rep_invitation_accept,
    rep_invitation_create,
    rep_invitation_decline,
    time_entry_add,
    time_entry_delete,
    training_record_add,
)
from tests.factories.people import PersonFactory
from tests.factories.reps import JoinInvitationFactory, TimeEntryFactory

from .conftest import member

TODAY = date(2026, 11, 20)


def test_coordinator_records_an_appointment_in_their_branch(coordinator, ulr, place):
    appointment = appointment_create(
        actor=coordinator,
        person=ulr,
        unit=place.workplace,
        employer=place.employer,
        starts_on=date(2026, 9, 1),
        notice_given_on=date(2026, 9, 3),
        today=TODAY,
    )
    assert appointment.notice_given_on == date(2026, 9, 3)
    assert AuditEvent.objects.filter(
        action="reps.appointment.created", subject_id=str(appointment.pk)
    ).exists()


def test_appointment_is_refused_outside_the_branch(other_coordinator, ulr, place):
    with pytest.raises(NotInScopeError):
        appointment_create(
            actor=other_coordinator,
            person=ulr,
            unit=place.workplace,
            employer=place.employer,
            starts_on=date(2026, 9, 1),
            today=TODAY,
        )
    assert not RepAppointment.objects.exists()


def test_appointment_checks_dates_training_and_duplicates(coordinator, ulr, place):
    base = {
        "actor": coordinator,
        "person": ulr,
        "unit": place.workplace,
        "employer": place.employer,
        "today": TODAY,
    }
    with pytest.raises(DateInFutureError):
        appointment_create(**base, starts_on=TODAY + timedelta(days=1))
    with pytest.raises(AppointmentDatesError):
        appointment_create(**base, starts_on=TODAY, trained_on=TODAY)  # a date, no course
    appointment_create(**base, starts_on=TODAY)
    with pytest.raises(AppointmentExistsError):
        appointment_create(**base, starts_on=TODAY)


def test_appointment_update_records_notice_and_training(coordinator, appointment):
    changed = appointment_update(
        actor=coordinator,
        appointment=appointment,
        changes={
            "notice_given_on": date(2026, 2, 1),
            "training_course": "TUC ULR stage 1",
            "trained_on": date(2026, 4, 2),
        },
        today=TODAY,
    )
    appointment.refresh_from_db()
    assert changed == ["notice_given_on", "trained_on", "training_course"]
    assert appointment.trained_on == date(2026, 4, 2)
    event = AuditEvent.objects.get(action="reps.appointment.changed")
    assert set(event.changes) == {"notice_given_on", "trained_on", "training_course"}


def test_appointment_update_refused_to_another_branch(other_coordinator, appointment):
    with pytest.raises(NotInScopeError):
        appointment_update(
            actor=other_coordinator,
            appointment=appointment,
            changes={"notice_given_on": date(2026, 2, 1)},
            today=TODAY,
        )


def test_ulr_logs_time_against_their_appointment(ulr, appointment):
    entry = time_entry_add(
        actor=ulr.account,
        appointment=appointment,
        on=TODAY,
        minutes=90,
        function=UlrFunction.ARRANGING,
        paid_facility_time=True,
        learners_supported=3,
        note="Booked three people on the maths course.",
        today=TODAY,
    )
    assert (entry.minutes, entry.paid_facility_time, entry.learners_supported) == (90, True, 3)
    event = AuditEvent.objects.get(action="reps.time.logged")
    assert "maths" not in str(event.changes)  # the note never enters the audit log


def test_time_is_refused_on_someone_elses_appointment(coordinator, appointment):
    with pytest.raises(NotYourAppointmentError):
        time_entry_add(
            actor=coordinator,
            appointment=appointment,
            on=TODAY,
            minutes=30,
            function=UlrFunction.PROMOTING,
            today=TODAY,
        )
    assert not TimeEntry.objects.exists()


@pytest.mark.parametrize(
    ("minutes", "on", "function"),
    [
        (0, TODAY, UlrFunction.PROMOTING),
        (24 * 60 + 1, TODAY, UlrFunction.PROMOTING),
        (30, TODAY + timedelta(days=1), UlrFunction.PROMOTING),
        (30, TODAY, "negotiating_pay"),
    ],
)
def test_time_entry_is_validated(ulr, appointment, minutes, on, function):
    with pytest.raises(TimeEntryInvalidError):
        time_entry_add(
            actor=ulr.account,
            appointment=appointment,
            on=on,
            minutes=minutes,
            function=function,
            today=TODAY,
        )


def test_time_cannot_be_logged_after_the_appointment_ended(ulr, appointment):
    appointment.ends_on = date(2026, 6, 30)
    appointment.save()
    with pytest.raises(AppointmentEndedError):
        time_entry_add(
            actor=ulr.account,
            appointment=appointment,
            on=date(2026, 7, 1),
            minutes=30,
            function=UlrFunction.PROMOTING,
            today=TODAY,
        )


def test_only_the_ulr_deletes_their_entry(ulr, coordinator, appointment):
    entry = TimeEntryFactory(appointment=appointment)
    with pytest.raises(NotYourAppointmentError):
        time_entry_delete(actor=coordinator, entry=entry)
    time_entry_delete(actor=ulr.account, entry=entry)
    assert not TimeEntry.objects.exists()


def test_ulr_training_meets_the_condition_and_is_an_xapi_statement(ulr, appointment):
    record = training_record_add(
        actor=ulr.account,
        person=ulr,
        title="ULR stage 1 (TUC Education)",
        provider="TUC Education",
        completed_on=date(2026, 3, 10),
        is_ulr_training=True,
        today=TODAY,
    )
    appointment.refresh_from_db()
    assert appointment.trained_on == date(2026, 3, 10)
    assert appointment.training_course == "ULR stage 1 (TUC Education)"
    statement = statements_of_user(user=ulr.account).get()
    assert statement.verb_id == "http://adlnet.gov/expapi/verbs/completed"
    assert statement.activity_id.endswith(f"/reps/training/{record.pk}")


def test_training_record_is_only_for_oneself(coordinator, ulr):
    with pytest.raises(NotInScopeError):
        training_record_add(
            actor=coordinator, person=ulr, title="Course", completed_on=TODAY, today=TODAY
        )


# --- recruiting a ULR ---


def test_invitation_accepted_appoints_and_grants_the_ulr_role(coordinator, place):
    invitee = member(place.workplace, "new@example.org")
    invitation = rep_invitation_create(
        actor=coordinator, person=invitee, unit=place.workplace, employer=place.employer
    )
    assert invitation.status == InvitationStatus.PENDING

    appointment = rep_invitation_accept(actor=invitee.account, invitation=invitation, today=TODAY)

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert (appointment.person, appointment.unit, appointment.starts_on) == (
        invitee,
        place.workplace,
        TODAY,
    )
    assert appointment.invited_by == coordinator
    grant = RoleGrant.objects.get(user=invitee.account, role=Role.ULR)
    assert grant.unit == place.workplace
    assert grant.revoked_at is None
    assert AuditEvent.objects.filter(action="access.grant.created").exists()
    with pytest.raises(InvitationAnsweredError):
        rep_invitation_accept(actor=invitee.account, invitation=invitation, today=TODAY)


def test_invitation_declined_grants_nothing(coordinator, place):
    invitee = member(place.workplace, "new@example.org")
    invitation = rep_invitation_create(
        actor=coordinator, person=invitee, unit=place.workplace, employer=place.employer
    )
    rep_invitation_decline(actor=invitee.account, invitation=invitation)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not RoleGrant.objects.filter(user=invitee.account, role=Role.ULR).exists()
    assert not RepAppointment.objects.filter(person=invitee).exists()


def test_only_the_invitee_answers(coordinator, place):
    invitee = member(place.workplace, "new@example.org")
    invitation = rep_invitation_create(
        actor=coordinator, person=invitee, unit=place.workplace, employer=place.employer
    )
    with pytest.raises(NotInScopeError):
        rep_invitation_accept(actor=coordinator, invitation=invitation, today=TODAY)


def test_invitation_is_checked(coordinator, other_coordinator, place):
    invitee = member(place.workplace, "new@example.org")
    with pytest.raises(NotInScopeError):
        rep_invitation_create(
            actor=other_coordinator, person=invitee, unit=place.workplace, employer=place.employer
        )
    no_account = PersonFactory(home_unit=place.workplace)
    with pytest.raises(InviteeNotEligibleError):
        rep_invitation_create(
            actor=coordinator, person=no_account, unit=place.workplace, employer=place.employer
        )
    rep_invitation_create(
        actor=coordinator, person=invitee, unit=place.workplace, employer=place.employer
    )
    with pytest.raises(InvitationExistsError):
        rep_invitation_create(
            actor=coordinator, person=invitee, unit=place.branch, employer=place.employer
        )


# --- organising ---


def test_join_invitation_only_for_non_members(ulr, place):
    learner = PersonFactory(home_unit=place.workplace, status=MembershipStatus.NON_MEMBER)
    invitation = join_invitation_create(
        actor=ulr.account, person=learner, invited_on=TODAY, today=TODAY
    )
    assert invitation.outcome == JoinOutcome.PENDING
    with pytest.raises(JoinInvitationExistsError):
        join_invitation_create(actor=ulr.account, person=learner, invited_on=TODAY, today=TODAY)
    with pytest.raises(NotANonMemberError):
        join_invitation_create(
            actor=ulr.account,
            person=PersonFactory(home_unit=place.workplace),
            invited_on=TODAY,
            today=TODAY,
        )


def test_join_invitation_refused_outside_scope(ulr, place):
    learner = PersonFactory(home_unit=place.other_workplace, status=MembershipStatus.NON_MEMBER)
    with pytest.raises(NotInScopeError):
        join_invitation_create(actor=ulr.account, person=learner, invited_on=TODAY, today=TODAY)


def test_joining_makes_the_learner_a_member_through_people(coordinator, place):
    learner = PersonFactory(
        home_unit=place.workplace, status=MembershipStatus.NON_MEMBER, membership_number=""
    )
    invitation = JoinInvitationFactory(person=learner, invited_on=date(2026, 5, 1))
    join_outcome_record(
        actor=coordinator,
        invitation=invitation,
        outcome=JoinOutcome.JOINED,
        joined_on=date(2026, 6, 1),
        today=TODAY,
    )
    learner.refresh_from_db()
    assert learner.status == MembershipStatus.MEMBER
    assert learner.joined_on == date(2026, 6, 1)
    assert AuditEvent.objects.filter(action="people.person.changed").exists()
    with pytest.raises(JoinedIsFinalError):
        join_outcome_record(
            actor=coordinator, invitation=invitation, outcome=JoinOutcome.DECLINED, today=TODAY
        )


@pytest.mark.parametrize(
    ("outcome", "joined_on"),
    [
        (JoinOutcome.JOINED, None),
        (JoinOutcome.JOINED, date(2026, 4, 30)),  # before the invitation
        (JoinOutcome.JOINED, TODAY + timedelta(days=1)),
        (JoinOutcome.DECLINED, date(2026, 6, 1)),
    ],
)
def test_join_outcome_dates_are_checked(coordinator, place, outcome, joined_on):
    learner = PersonFactory(home_unit=place.workplace, status=MembershipStatus.NON_MEMBER)
    invitation = JoinInvitationFactory(person=learner, invited_on=date(2026, 5, 1))
    with pytest.raises(JoinOutcomeError):
        join_outcome_record(
            actor=coordinator,
            invitation=invitation,
            outcome=outcome,
            joined_on=joined_on,
            today=TODAY,
        )
    learner.refresh_from_db()
    assert learner.status == MembershipStatus.NON_MEMBER


def test_join_outcome_refused_to_another_branch(other_coordinator, place):
    learner = PersonFactory(home_unit=place.workplace, status=MembershipStatus.NON_MEMBER)
    invitation = JoinInvitationFactory(person=learner)
    with pytest.raises(NotInScopeError):
        join_outcome_record(
            actor=other_coordinator,
            invitation=invitation,
            outcome=JoinOutcome.NO_REPLY,
            today=timezone.localdate(),
        )
