"""Writes of the reps app: appointments and the training condition, the ULR's time log and
training record, ULR invitations, and the organising-through-learning records.

Every write is atomic, checks who may make it (`may_at` / `may` over the policy table, or that
the record is the actor's own), validates its dates, and is audited. Free text (notes) never
enters an audit row. Accepting a ULR invitation grants the ULR role through
`access.services.grant_create`; a learner who joins becomes a member through
`people.services.person_update`; completing ULR training is an xAPI `completed` statement.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.selectors import grants_active_for, may, may_at
from commonplace.access.services import grant_create
from commonplace.audit.services import audit_record
from commonplace.core.site import site_url
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record
from commonplace.people.enums import MembershipStatus
from commonplace.people.selectors import person_of_user
from commonplace.people.services import person_update

from .enums import InvitationStatus, JoinOutcome, RepsAuditAction, UlrFunction
from .errors import (
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
    TextRequiredError,
    TimeEntryInvalidError,
)
from .models import (
    ActivistRecord,
    JoinInvitation,
    Progression,
    RepAppointment,
    RepInvitation,
    TimeEntry,
    TrainingRecord,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import Employer, OrgUnit
    from commonplace.pathways.models import Pathway
    from commonplace.people.models import Person

NOTE_MAX = 1000
TEXT_MAX = 200


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _check_not_future(*days: date | None, today: date) -> None:
    if any(day is not None and day > today for day in days):
        raise DateInFutureError()


def _check_at(actor: User | AnonymousUser | None, kind: str, action: str, unit: OrgUnit) -> None:
    if actor is not None and not may_at(user=actor, kind=kind, action=action, unit_path=unit.path):
        raise NotInScopeError()


def _check_training(training_course: str, trained_on: date | None) -> None:
    if bool(training_course.strip()) != (trained_on is not None):
        raise AppointmentDatesError()


# --- appointments ------------------------------------------------------------------------------


@transaction.atomic
def appointment_create(
    *,
    actor: User | AnonymousUser | None,
    person: Person,
    unit: OrgUnit,
    employer: Employer,
    starts_on: date,
    notice_given_on: date | None = None,
    training_course: str = "",
    trained_on: date | None = None,
    invited_by: User | None = None,
    today: date | None = None,
) -> RepAppointment:
    """Record a person's appointment as ULR at `unit` with `employer` (actor None: the
    invitation's acceptance or the demo builder).

    Without a training date, ULR training already in the person's training record (a ULR
    training pathway completed before, say) meets the training condition.

    Effects: writes RepAppointment; audit `reps.appointment.created`.
    Raises: NotInScopeError; DateInFutureError; AppointmentDatesError; AppointmentExistsError.
    """
    today = _today(today)
    _check_at(actor, "reps.repappointment", "add", unit)
    _check_not_future(starts_on, notice_given_on, trained_on, today=today)
    _check_training(training_course, trained_on)
    if RepAppointment.objects.filter(
        person=person, unit=unit, employer=employer, ends_on__isnull=True
    ).exists():
        raise AppointmentExistsError()
    if trained_on is None:
        # ULR training done before the appointment (a ULR training pathway, or a course in
        # their training record) already meets the condition.
        done = (
            TrainingRecord.objects.filter(person=person, is_ulr_training=True)
            .order_by("-completed_on", "-pk")
            .first()
        )
        if done is not None:
            training_course, trained_on = done.title, done.completed_on
    appointment = RepAppointment.objects.create(
        person=person,
        unit=unit,
        employer=employer,
        starts_on=starts_on,
        notice_given_on=notice_given_on,
        training_course=training_course.strip()[:TEXT_MAX],
        trained_on=trained_on,
        invited_by=invited_by,
    )
    audit_record(actor=actor, action=RepsAuditAction.APPOINTMENT_CREATED, subject=appointment)
    return appointment


APPOINTMENT_FIELDS = {"notice_given_on", "training_course", "trained_on", "ends_on"}


@transaction.atomic
def appointment_update(
    *,
    actor: User | AnonymousUser,
    appointment: RepAppointment,
    changes: dict[str, object],
    today: date | None = None,
) -> list[str]:
    """Record the written notice, the training, or the end of an appointment; returns the
    names of the fields that changed.

    Effects: writes RepAppointment; audit `reps.appointment.changed` (field names).
    Raises: NotInScopeError; DateInFutureError; AppointmentDatesError; ValueError on a field
    that is not editable here.
    """
    unknown = set(changes) - APPOINTMENT_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not may(user=actor, kind="reps.repappointment", action="change", obj=appointment):
        raise NotInScopeError()
    current = RepAppointment.objects.select_for_update().get(pk=appointment.pk)
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, changes[name])
    current.training_course = current.training_course.strip()[:TEXT_MAX]
    _check_not_future(
        current.notice_given_on, current.trained_on, current.ends_on, today=_today(today)
    )
    _check_training(current.training_course, current.trained_on)
    if current.ends_on is not None and current.ends_on < current.starts_on:
        raise AppointmentDatesError()
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor,
            action=RepsAuditAction.APPOINTMENT_CHANGED,
            subject=current,
            changes=changed,
        )
    return sorted(changed)


def notice_view_record(*, actor: User | AnonymousUser, appointment: RepAppointment) -> None:
    """Record that someone opened an appointment's notice letter (it names the member).

    Effects: audit `reps.notice.viewed`.
    """
    audit_record(actor=actor, action=RepsAuditAction.NOTICE_VIEWED, subject=appointment)


# --- the ULR's time log and training -------------------------------------------------------------


@transaction.atomic
def time_entry_add(
    *,
    actor: User,
    appointment: RepAppointment,
    on: date,
    minutes: int,
    function: str,
    paid_facility_time: bool = False,
    events_run: int = 0,
    learners_supported: int = 0,
    note: str = "",
    today: date | None = None,
) -> TimeEntry:
    """Log time the ULR spent on one statutory function, on one day, for one appointment.

    Effects: writes TimeEntry; audit `reps.time.logged` (never the note).
    Raises: NotYourAppointmentError; AppointmentEndedError; TimeEntryInvalidError.
    """
    today = _today(today)
    if appointment.person.account_id != actor.pk:
        raise NotYourAppointmentError()
    if appointment.ends_on is not None and on > appointment.ends_on:
        raise AppointmentEndedError()
    if not (1 <= minutes <= 24 * 60) or on > today or function not in UlrFunction.values:
        raise TimeEntryInvalidError()
    if events_run < 0 or learners_supported < 0 or events_run > 100 or learners_supported > 500:
        raise TimeEntryInvalidError()
    entry = TimeEntry.objects.create(
        appointment=appointment,
        on=on,
        minutes=minutes,
        function=function,
        paid_facility_time=paid_facility_time,
        events_run=events_run,
        learners_supported=learners_supported,
        note=note.strip()[:NOTE_MAX],
    )
    audit_record(actor=actor, action=RepsAuditAction.TIME_LOGGED, subject=appointment)
    return entry


@transaction.atomic
def time_entry_delete(*, actor: User, entry: TimeEntry) -> None:
    """Remove one of the ULR's own time entries (a mistake).

    Effects: deletes TimeEntry; audit `reps.time.deleted` on the appointment.
    Raises: NotYourAppointmentError.
    """
    appointment = entry.appointment
    if appointment.person.account_id != actor.pk:
        raise NotYourAppointmentError()
    entry.delete()
    audit_record(actor=actor, action=RepsAuditAction.TIME_DELETED, subject=appointment)


def training_activity_id(record: TrainingRecord) -> str:
    """The xAPI activity id of a course in a ULR's training record."""
    return site_url(f"/reps/training/{record.pk}")


@transaction.atomic
def training_record_add(
    *,
    actor: User,
    person: Person,
    title: str,
    completed_on: date,
    provider: str = "",
    certificate_reference: str = "",
    is_ulr_training: bool = False,
    today: date | None = None,
) -> TrainingRecord:
    """Add a course to the person's own training record. ULR training also meets the training
    condition of each of their open appointments that has none yet.

    Effects: writes TrainingRecord (and RepAppointment.trained_on/training_course); audit
    `reps.training.recorded` (and `reps.appointment.changed`); xAPI `completed` for the course.
    Raises: NotInScopeError when the person is not the actor; DateInFutureError;
    TextRequiredError without a title.
    """
    if person.account_id != actor.pk:
        raise NotInScopeError()
    _check_not_future(completed_on, today=_today(today))
    if not title.strip():
        raise TextRequiredError()
    record = TrainingRecord.objects.create(
        person=person,
        title=title.strip()[:TEXT_MAX],
        provider=provider.strip()[:TEXT_MAX],
        completed_on=completed_on,
        certificate_reference=certificate_reference.strip()[:100],
        is_ulr_training=is_ulr_training,
    )
    audit_record(actor=actor, action=RepsAuditAction.TRAINING_RECORDED, subject=record)
    if is_ulr_training:
        _appointments_trained(actor=actor, record=record)
    statement_record(
        actor=statements_actor_for_user(actor),
        verb=vocabulary.COMPLETED,
        activity_id=training_activity_id(record),
        activity_type=vocabulary.ActivityType.COURSE,
        activity_name={"en": record.title},
        result={"completion": True},
    )
    return record


def _appointments_trained(*, actor: User | None, record: TrainingRecord) -> None:
    """ULR training meets the training condition of each of the person's open appointments
    that has none recorded yet."""
    for appointment in RepAppointment.objects.select_for_update().filter(
        person=record.person, ends_on__isnull=True, trained_on__isnull=True
    ):
        appointment.trained_on = record.completed_on
        appointment.training_course = record.title
        appointment.save(update_fields=["trained_on", "training_course", "updated_at"])
        audit_record(
            actor=actor,
            action=RepsAuditAction.APPOINTMENT_CHANGED,
            subject=appointment,
            changes=["trained_on", "training_course"],
        )


@transaction.atomic
def training_record_from_pathway(
    *, user: User, pathway: Pathway, completed_at: datetime | None
) -> TrainingRecord | None:
    """Record a completed pathway that meets the ULR training condition in the person's own
    training record (named and linked), once; it meets the training condition of their open
    appointments that have none yet. Called by the receiver of `pathway_completed`; returns
    None, writing nothing, for any other pathway, a user with no profile, or a pathway already
    recorded for them. No xAPI statement: the pathway's own `completed` is the record.

    Effects: writes TrainingRecord (and RepAppointment.trained_on/training_course); audit
    `reps.training.recorded` (and `reps.appointment.changed`), actor the person.
    """
    if not pathway.meets_ulr_training:
        return None
    person = person_of_user(user=user)
    if person is None:
        return None
    if TrainingRecord.objects.filter(person=person, pathway=pathway).exists():
        return None
    completed_on = timezone.localdate(completed_at) if completed_at else timezone.localdate()
    record = TrainingRecord.objects.create(
        person=person,
        title=pathway.title[:TEXT_MAX],
        provider=(pathway.owner_unit.union or pathway.owner_unit).name[:TEXT_MAX],
        completed_on=completed_on,
        is_ulr_training=True,
        pathway=pathway,
    )
    audit_record(
        actor=user, action=RepsAuditAction.TRAINING_RECORDED, subject=record, changes=["pathway"]
    )
    _appointments_trained(actor=user, record=record)
    return record


# --- recruiting ULRs -----------------------------------------------------------------------------


@transaction.atomic
def rep_invitation_create(
    *, actor: User, person: Person, unit: OrgUnit, employer: Employer
) -> RepInvitation:
    """Invite a member of the branch to become a ULR at `unit`, with `employer`.

    Effects: writes RepInvitation; audit `reps.invitation.created`.
    Raises: NotInScopeError (the place or the member is outside the actor's branch);
    InviteeNotEligibleError (not a member, or no account); InvitationExistsError;
    AppointmentExistsError.
    """
    _check_at(actor, "reps.repinvitation", "add", unit)
    _check_at(actor, "reps.repinvitation", "add", person.home_unit)
    if person.account_id is None or person.status != MembershipStatus.MEMBER:
        raise InviteeNotEligibleError()
    if RepInvitation.objects.filter(person=person, status=InvitationStatus.PENDING).exists():
        raise InvitationExistsError()
    if RepAppointment.objects.filter(
        person=person, unit=unit, employer=employer, ends_on__isnull=True
    ).exists():
        raise AppointmentExistsError()
    invitation = RepInvitation.objects.create(
        person=person, unit=unit, employer=employer, invited_by=actor
    )
    audit_record(actor=actor, action=RepsAuditAction.INVITATION_CREATED, subject=invitation)
    return invitation


def _invitation_answerable(actor: User, invitation: RepInvitation) -> RepInvitation:
    current = (
        RepInvitation.objects.select_for_update().select_related("person").get(pk=invitation.pk)
    )
    if current.person.account_id != actor.pk:
        raise NotInScopeError()
    if current.status != InvitationStatus.PENDING:
        raise InvitationAnsweredError()
    return current


@transaction.atomic
def rep_invitation_accept(
    *, actor: User, invitation: RepInvitation, today: date | None = None
) -> RepAppointment:
    """The member accepts: they are appointed ULR at the place (training to be done within six
    months of the written notice, which the co-ordinator records) and hold the ULR role there.

    Effects: writes RepInvitation.status, RepAppointment, RoleGrant (through
    `access.services.grant_create`, self-service); audit `reps.invitation.accepted`,
    `reps.appointment.created`, `access.grant.created`.
    Raises: NotInScopeError (not theirs); InvitationAnsweredError.
    """
    today = _today(today)
    current = _invitation_answerable(actor, invitation)
    current.status = InvitationStatus.ACCEPTED
    current.answered_at = timezone.now()
    current.save(update_fields=["status", "answered_at", "updated_at"])
    audit_record(actor=actor, action=RepsAuditAction.INVITATION_ACCEPTED, subject=current)
    appointment = appointment_create(
        actor=None,
        person=current.person,
        unit=current.unit,
        employer=current.employer,
        starts_on=today,
        invited_by=current.invited_by,
        today=today,
    )
    holds_already = any(
        grant.role == Role.ULR and grant.unit_id == current.unit_id
        for grant in grants_active_for(user=actor)
    )
    if not holds_already:
        grant_create(actor=None, user=actor, role=Role.ULR, unit=current.unit, starts_on=today)
    return appointment


@transaction.atomic
def rep_invitation_decline(*, actor: User, invitation: RepInvitation) -> RepInvitation:
    """The member declines the invitation.

    Effects: writes RepInvitation.status; audit `reps.invitation.declined`.
    Raises: NotInScopeError; InvitationAnsweredError.
    """
    current = _invitation_answerable(actor, invitation)
    current.status = InvitationStatus.DECLINED
    current.answered_at = timezone.now()
    current.save(update_fields=["status", "answered_at", "updated_at"])
    audit_record(actor=actor, action=RepsAuditAction.INVITATION_DECLINED, subject=current)
    return current


# --- organising through learning ------------------------------------------------------------------


@transaction.atomic
def join_invitation_create(
    *, actor: User | None, person: Person, invited_on: date, today: date | None = None
) -> JoinInvitation:
    """Record that a non-member learner was invited to join the union.

    Effects: writes JoinInvitation; audit `reps.join.invited`.
    Raises: NotInScopeError; NotANonMemberError; JoinInvitationExistsError; DateInFutureError.
    """
    _check_at(actor, "reps.joininvitation", "add", person.home_unit)
    _check_not_future(invited_on, today=_today(today))
    if person.status == MembershipStatus.MEMBER:
        raise NotANonMemberError()
    if JoinInvitation.objects.filter(person=person, outcome=JoinOutcome.PENDING).exists():
        raise JoinInvitationExistsError()
    invitation = JoinInvitation.objects.create(
        person=person, invited_by=actor, invited_on=invited_on
    )
    audit_record(actor=actor, action=RepsAuditAction.JOIN_INVITED, subject=invitation)
    return invitation


@transaction.atomic
def join_outcome_record(
    *,
    actor: User | None,
    invitation: JoinInvitation,
    outcome: str,
    joined_on: date | None = None,
    today: date | None = None,
) -> JoinInvitation:
    """Record what came of an invitation to join. Joining makes the person a member (with the
    date they joined) through `people.services.person_update`.

    Effects: writes JoinInvitation (and Person.status/joined_on); audit `reps.join.changed`
    (and `people.person.changed`).
    Raises: NotInScopeError; JoinedIsFinalError; JoinOutcomeError.
    """
    current = (
        JoinInvitation.objects.select_for_update().select_related("person").get(pk=invitation.pk)
    )
    if actor is not None and not may(
        user=actor, kind="reps.joininvitation", action="change", obj=current
    ):
        raise NotInScopeError()
    if current.outcome == JoinOutcome.JOINED:
        raise JoinedIsFinalError()
    if outcome not in JoinOutcome.values:
        raise JoinOutcomeError()
    if outcome == JoinOutcome.JOINED:
        if joined_on is None or joined_on < current.invited_on or joined_on > _today(today):
            raise JoinOutcomeError()
    elif joined_on is not None:
        raise JoinOutcomeError()
    current.outcome, current.joined_on = outcome, joined_on
    current.save(update_fields=["outcome", "joined_on", "updated_at"])
    audit_record(
        actor=actor,
        action=RepsAuditAction.JOIN_CHANGED,
        subject=current,
        changes=["outcome", "joined_on"],
    )
    if outcome == JoinOutcome.JOINED:
        person_update(
            actor=actor,  # type: ignore[arg-type]
            person=current.person,
            changes={"status": MembershipStatus.MEMBER, "joined_on": joined_on, "lapsed_on": None},
        )
    return current


@transaction.atomic
def progression_record(
    *,
    actor: User | None,
    person: Person,
    from_learning: str,
    to_learning: str,
    progressed_on: date,
    today: date | None = None,
) -> Progression:
    """Record that a learner went on to further learning.

    Effects: writes Progression; audit `reps.progression.recorded`.
    Raises: NotInScopeError; DateInFutureError; TextRequiredError without both names.
    """
    _check_at(actor, "reps.progression", "add", person.home_unit)
    _check_not_future(progressed_on, today=_today(today))
    if not from_learning.strip() or not to_learning.strip():
        raise TextRequiredError()
    progression = Progression.objects.create(
        person=person,
        from_learning=from_learning.strip()[:TEXT_MAX],
        to_learning=to_learning.strip()[:TEXT_MAX],
        progressed_on=progressed_on,
        recorded_by=actor,
    )
    audit_record(actor=actor, action=RepsAuditAction.PROGRESSION_RECORDED, subject=progression)
    return progression


@transaction.atomic
def activist_record(
    *,
    actor: User | None,
    person: Person,
    activity: str,
    became_on: date,
    today: date | None = None,
) -> ActivistRecord:
    """Record that a member became an activist (what they took on, and when).

    Effects: writes ActivistRecord; audit `reps.activist.recorded`.
    Raises: NotInScopeError; DateInFutureError; TextRequiredError without an activity.
    """
    _check_at(actor, "reps.activistrecord", "add", person.home_unit)
    _check_not_future(became_on, today=_today(today))
    if not activity.strip():
        raise TextRequiredError()
    record = ActivistRecord.objects.create(
        person=person, activity=activity.strip()[:TEXT_MAX], became_on=became_on, recorded_by=actor
    )
    audit_record(actor=actor, action=RepsAuditAction.ACTIVIST_RECORDED, subject=record)
    return record
