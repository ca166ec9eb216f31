"""Writes of the caseload: entries and consent, conversations, learning plans, referrals.

Every write is transactional and audited (field names only: case notes never enter the audit
log). A write about a part of the learner's story the learner has not agreed to share is
refused (`ConsentMissingError`). A change to a signed plan clears both sign-offs, so the learner
and the ULR sign the plan as it now stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import ngettext

from commonplace.access.selectors import may, may_at
from commonplace.audit.services import audit_record
from commonplace.core.site import site_url
from commonplace.core.tasks import task
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.selectors import notification_recipients_on
from commonplace.notifications.services import notification_send

from .enums import (
    REFERRAL_STATUS_DATES,
    CaseloadAuditAction,
    ConsentAudience,
    ConsentSection,
    ReferralKind,
    ReferralStatus,
)
from .errors import (
    AlreadyInCaseloadError,
    ConsentIncompleteError,
    ConsentMissingError,
    ConversationInFutureError,
    FollowUpBeforeConversationError,
    NotAUlrError,
    NotYourPlanError,
    PartnerNameMissingError,
    PathwayNotOpenToLearnerError,
    PlanEmptyError,
    ReferralTargetMissingError,
)
from .models import CaseloadEntry, Consent, Conversation, Goal, LearningPlan, PlanAction, Referral
from .selectors import entry_of_person, followups_due, pathways_for_plan

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.learning.models import Resource
    from commonplace.pathways.models import Pathway
    from commonplace.people.models import Person


@dataclass(frozen=True)
class ConsentTerms:
    """What the learner agreed to share, with whom, when and how."""

    sections: frozenset[str]
    audience: str
    given_on: date
    method: str
    partner_name: str = ""


def _check_terms(terms: ConsentTerms) -> None:
    if not terms.sections:
        raise ConsentIncompleteError()
    if terms.audience == ConsentAudience.PARTNER and not terms.partner_name.strip():
        raise PartnerNameMissingError()


def _check_lead(*, lead: User, learner: Person) -> None:
    if not may_at(
        user=lead, kind="caseload.caseloadentry", action="add", unit_path=learner.home_unit.path
    ):
        raise NotAUlrError()


def _check_shares(
    entry: CaseloadEntry, section: str, actor: User | AnonymousUser | None = None
) -> None:
    """The learner's consent in force shares `section` with `actor` (their lead ULR, or the
    learning team when they agreed to that; None: the demo builder, as the lead)."""
    consent = entry.consent
    if (
        consent is None
        or consent.withdrawn_at is not None
        or not getattr(consent, f"shares_{section}")
    ):
        raise ConsentMissingError()
    if (
        actor is not None
        and actor.pk != entry.lead_ulr_id
        and consent.audience not in (ConsentAudience.TEAM, ConsentAudience.PARTNER)
    ):
        raise ConsentMissingError()


def _consent_write(
    *, actor: User | AnonymousUser | None, entry: CaseloadEntry, terms: ConsentTerms
) -> Consent:
    consent = Consent.objects.create(
        entry=entry,
        **{f"shares_{s}": s in terms.sections for s in ConsentSection.values},
        audience=terms.audience,
        partner_name=terms.partner_name.strip()
        if terms.audience == ConsentAudience.PARTNER
        else "",
        given_on=terms.given_on,
        method=terms.method,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    entry.consent = consent
    entry.save(update_fields=["consent", "updated_at"])
    audit_record(
        actor=actor,
        action=CaseloadAuditAction.CONSENT_RECORDED,
        subject=entry,
        changes=sorted(terms.sections),
    )
    return consent


@transaction.atomic
def entry_create(
    *,
    actor: User | AnonymousUser | None,
    learner: Person,
    lead_ulr: User,
    terms: ConsentTerms,
    needs: str = "",
) -> CaseloadEntry:
    """Add a learner to the caseload of `lead_ulr`'s branch, with their consent.

    Effects: writes CaseloadEntry and Consent; audit `caseload.entry.created` and
    `caseload.consent.recorded`.
    Raises: AlreadyInCaseloadError; NotAUlrError (the lead is no ULR for the learner's place);
    ConsentIncompleteError; PartnerNameMissingError.
    """
    _check_terms(terms)
    _check_lead(lead=lead_ulr, learner=learner)
    if entry_of_person(person=learner) is not None:
        raise AlreadyInCaseloadError()
    entry = CaseloadEntry.objects.create(
        learner=learner,
        branch_id=learner.branch_id or learner.home_unit_id,
        lead_ulr=lead_ulr,
        needs=needs.strip() if ConsentSection.NEEDS in terms.sections else "",
    )
    audit_record(actor=actor, action=CaseloadAuditAction.ENTRY_CREATED, subject=entry)
    _consent_write(actor=actor, entry=entry, terms=terms)
    return entry


@transaction.atomic
def consent_record(
    *, actor: User | AnonymousUser | None, entry: CaseloadEntry, terms: ConsentTerms
) -> Consent:
    """Record new consent for the learner (the old one stays as history).

    Effects: writes Consent and CaseloadEntry.consent; audit `caseload.consent.recorded`.
    Raises: ConsentIncompleteError; PartnerNameMissingError.
    """
    _check_terms(terms)
    return _consent_write(actor=actor, entry=entry, terms=terms)


@transaction.atomic
def consent_withdraw(*, actor: User | AnonymousUser | None, entry: CaseloadEntry) -> None:
    """The learner withdraws their consent: from now on others see only that they are in the
    caseload. What was recorded stays (the learner still sees it) until erased.

    Effects: writes Consent.withdrawn_at; audit `caseload.consent.withdrawn`.
    """
    consent = entry.consent
    if consent is None or consent.withdrawn_at is not None:
        return
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at", "updated_at"])
    audit_record(actor=actor, action=CaseloadAuditAction.CONSENT_WITHDRAWN, subject=entry)


@transaction.atomic
def entry_reassign(
    *, actor: User | AnonymousUser | None, entry: CaseloadEntry, lead_ulr: User
) -> CaseloadEntry:
    """Give the learner a new lead ULR.

    Effects: writes CaseloadEntry.lead_ulr; audit `caseload.entry.reassigned`.
    Raises: NotAUlrError.
    """
    _check_lead(lead=lead_ulr, learner=entry.learner)
    if entry.lead_ulr_id != lead_ulr.pk:
        entry.lead_ulr = lead_ulr
        entry.save(update_fields=["lead_ulr", "updated_at"])
        audit_record(
            actor=actor,
            action=CaseloadAuditAction.ENTRY_REASSIGNED,
            subject=entry,
            changes=["lead_ulr"],
        )
    return entry


@transaction.atomic
def entry_needs_update(
    *, actor: User | AnonymousUser | None, entry: CaseloadEntry, needs: str
) -> CaseloadEntry:
    """Change what the entry says about the learner's learning needs.

    Effects: writes CaseloadEntry.needs; audit `caseload.entry.changed` (the field name only).
    Raises: ConsentMissingError (needs not shared with the actor).
    """
    _check_shares(entry, ConsentSection.NEEDS, actor)
    if entry.needs != needs.strip():
        entry.needs = needs.strip()
        entry.save(update_fields=["needs", "updated_at"])
        audit_record(
            actor=actor, action=CaseloadAuditAction.ENTRY_CHANGED, subject=entry, changes=["needs"]
        )
    return entry


def entry_view_record(*, actor: User | AnonymousUser, entry: CaseloadEntry) -> None:
    """Record that someone other than the learner opened their story.

    Effects: audit `caseload.entry.viewed` (nothing when the learner views their own).
    """
    if entry.learner.account_id is not None and actor.pk == entry.learner.account_id:
        return
    audit_record(actor=actor, action=CaseloadAuditAction.ENTRY_VIEWED, subject=entry)


@transaction.atomic
def conversation_record(
    *,
    actor: User | AnonymousUser | None,
    entry: CaseloadEntry,
    held_on: date,
    channel: str,
    topics: list[str],
    place: str = "",
    agreed: str = "",
    follow_up_on: date | None = None,
) -> Conversation:
    """Log an advice-and-guidance conversation; it takes up the follow-ups still open.

    Effects: writes Conversation; sets `follow_up_done_on` on the entry's open follow-ups due by
    `held_on`; audit `caseload.conversation.recorded` (never the notes).
    Raises: ConsentMissingError; ConversationInFutureError; FollowUpBeforeConversationError.
    """
    _check_shares(entry, ConsentSection.NEEDS, actor)
    if held_on > timezone.localdate():
        raise ConversationInFutureError()
    if follow_up_on is not None and follow_up_on < held_on:
        raise FollowUpBeforeConversationError()
    Conversation.objects.filter(
        entry=entry, follow_up_done_on__isnull=True, follow_up_on__isnull=False
    ).update(follow_up_done_on=held_on)
    conversation = Conversation.objects.create(
        entry=entry,
        held_on=held_on,
        place=place.strip(),
        channel=channel,
        topics=sorted(set(topics)),
        agreed=agreed.strip(),
        follow_up_on=follow_up_on,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(
        actor=actor, action=CaseloadAuditAction.CONVERSATION_RECORDED, subject=conversation
    )
    return conversation


def _signoffs_clear(plan: LearningPlan) -> list[str]:
    if plan.learner_signed_at is None and plan.ulr_signed_at is None:
        return []
    plan.learner_signed_at = plan.ulr_signed_at = None
    plan.ulr_signed_by = None
    return ["learner_signed_at", "ulr_signed_at", "ulr_signed_by"]


def _plan_changed(
    *, actor: User | AnonymousUser | None, plan: LearningPlan, changes: list[str]
) -> None:
    cleared = _signoffs_clear(plan)
    plan.save(update_fields=[*cleared, "updated_at"])
    audit_record(
        actor=actor, action=CaseloadAuditAction.PLAN_CHANGED, subject=plan, changes=changes
    )


def _check_pathways_open(
    *, actor: User | AnonymousUser | None, entry: CaseloadEntry, pathways: list[Pathway]
) -> None:
    allowed = set(pathways_for_plan(user=actor, entry=entry).values_list("pk", flat=True))
    if any(pathway.pk not in allowed for pathway in pathways):
        raise PathwayNotOpenToLearnerError()


@transaction.atomic
def plan_save(
    *,
    actor: User | AnonymousUser | None,
    entry: CaseloadEntry,
    summary: str,
    courses: str = "",
    resources: list[Resource] | None = None,
    pathways: list[Pathway] | None = None,
) -> LearningPlan:
    """Create the learner's plan, or change what it says and which resources and pathways it
    links. Courses and events outside the platform are named in `courses` (free text) until
    the events app exists.

    Effects: writes LearningPlan (and its resources and pathways); a change clears both
    sign-offs; audit `caseload.plan.created` or `caseload.plan.changed` (field names only).
    Raises: ConsentMissingError; PathwayNotOpenToLearnerError (a pathway the learner, or the
    actor, cannot see, or not published).
    """
    _check_shares(entry, ConsentSection.PLAN, actor)
    if pathways:
        _check_pathways_open(actor=actor, entry=entry, pathways=pathways)
    plan = LearningPlan.objects.select_for_update().filter(entry=entry).first()
    if plan is None:
        plan = LearningPlan.objects.create(
            entry=entry, summary=summary.strip(), courses=courses.strip()
        )
        plan.resources.set(resources or [])
        plan.pathways.set(pathways or [])
        audit_record(actor=actor, action=CaseloadAuditAction.PLAN_CREATED, subject=plan)
        return plan
    changes = [
        name
        for name, value in (("summary", summary.strip()), ("courses", courses.strip()))
        if getattr(plan, name) != value
    ]
    plan.summary, plan.courses = summary.strip(), courses.strip()
    if resources is not None and set(resources) != set(plan.resources.all()):
        plan.resources.set(resources)
        changes.append("resources")
    if pathways is not None and set(pathways) != set(plan.pathways.all()):
        plan.pathways.set(pathways)
        changes.append("pathways")
    if changes:
        plan.save(update_fields=["summary", "courses", "updated_at"])
        _plan_changed(actor=actor, plan=plan, changes=changes)
    return plan


@transaction.atomic
def goal_add(
    *,
    actor: User | AnonymousUser | None,
    plan: LearningPlan,
    text: str,
    target_on: date | None = None,
) -> Goal:
    """Add a goal to the plan.

    Effects: writes Goal; clears both sign-offs; audit `caseload.plan.changed`.
    Raises: ConsentMissingError.
    """
    _check_shares(plan.entry, ConsentSection.PLAN, actor)
    goal = Goal.objects.create(plan=plan, text=text.strip(), target_on=target_on)
    _plan_changed(actor=actor, plan=plan, changes=["goals"])
    return goal


@transaction.atomic
def action_add(
    *,
    actor: User | AnonymousUser | None,
    plan: LearningPlan,
    text: str,
    owner: str,
    due_on: date | None = None,
) -> PlanAction:
    """Add an action (the learner's or the ULR's) to the plan.

    Effects: writes PlanAction; clears both sign-offs; audit `caseload.plan.changed`.
    Raises: ConsentMissingError.
    """
    _check_shares(plan.entry, ConsentSection.PLAN, actor)
    action = PlanAction.objects.create(plan=plan, text=text.strip(), owner=owner, due_on=due_on)
    _plan_changed(actor=actor, plan=plan, changes=["actions"])
    return action


@transaction.atomic
def goal_achieve(*, actor: User | AnonymousUser | None, goal: Goal, on: date) -> Goal:
    """Mark a goal achieved. Achieving a goal is progress, not a change: sign-offs stay.

    Effects: writes Goal.achieved_on; audit `caseload.goal.achieved`; an xAPI `completed`
    statement about the goal (an objective) for a learner with an account.
    Raises: ConsentMissingError.
    """
    entry = goal.plan.entry
    _check_shares(entry, ConsentSection.PLAN, actor)
    if goal.achieved_on is not None:
        return goal
    goal.achieved_on = on
    goal.save(update_fields=["achieved_on", "updated_at"])
    audit_record(actor=actor, action=CaseloadAuditAction.GOAL_ACHIEVED, subject=goal.plan)
    account = entry.learner.account
    if account is not None:
        statement_record(
            actor=statements_actor_for_user(account),
            verb=vocabulary.COMPLETED,
            activity_id=site_url(f"/caseload/goals/{goal.pk}"),
            activity_type=vocabulary.ActivityType.OBJECTIVE,
            activity_name={"en": goal.text},
        )
    return goal


@transaction.atomic
def plan_sign(*, actor: User, plan: LearningPlan, on_paper: bool = False) -> LearningPlan:
    """Sign the plan: the learner signs their own part, a ULR who may sign it theirs. With
    `on_paper`, the ULR records that the learner signed the printed plan (a learner with no
    account signs that way).

    Effects: writes LearningPlan.learner_signed_at, or ulr_signed_at and ulr_signed_by; audit
    `caseload.plan.signed`.
    Raises: PlanEmptyError (no goal yet); NotYourPlanError.
    """
    plan = LearningPlan.objects.select_for_update().select_related("entry__learner").get(pk=plan.pk)
    if not plan.goals.exists():
        raise PlanEmptyError()
    now = timezone.now()
    is_learner = plan.entry.learner.account_id == actor.pk
    if not is_learner and not may(
        user=actor, kind="caseload.learningplan", action="sign", obj=plan
    ):
        raise NotYourPlanError()
    if is_learner or on_paper:
        plan.learner_signed_at = now
        fields = ["learner_signed_at"] + (["on_paper"] if on_paper and not is_learner else [])
    else:
        plan.ulr_signed_at, plan.ulr_signed_by = now, actor
        fields = ["ulr_signed_at", "ulr_signed_by"]
    plan.save(update_fields=[f for f in fields if f != "on_paper"] + ["updated_at"])
    audit_record(actor=actor, action=CaseloadAuditAction.PLAN_SIGNED, subject=plan, changes=fields)
    return plan


@transaction.atomic
def referral_create(
    *,
    actor: User | AnonymousUser | None,
    entry: CaseloadEntry,
    kind: str,
    label: str = "",
    reference: str = "",
    resource: Resource | None = None,
    on: date | None = None,
) -> Referral:
    """Refer the learner to a resource, a pathway (a reference and a label until the pathways
    app links them), an event or course, a provider or other union help.

    Effects: writes Referral (status suggested); audit `caseload.referral.created`.
    Raises: ConsentMissingError; ReferralTargetMissingError (a resource referral without one).
    """
    _check_shares(entry, ConsentSection.PLAN, actor)
    if kind == ReferralKind.RESOURCE:
        if resource is None:
            raise ReferralTargetMissingError()
        reference, label = resource.slug, resource.title
    if not label.strip():
        raise ReferralTargetMissingError()
    referral = Referral.objects.create(
        entry=entry,
        kind=kind,
        reference=reference.strip(),
        label=label.strip(),
        suggested_on=on or timezone.localdate(),
        made_by=actor if actor is not None and actor.is_authenticated else None,
    )
    audit_record(actor=actor, action=CaseloadAuditAction.REFERRAL_CREATED, subject=referral)
    return referral


@transaction.atomic
def referral_status_set(
    *, actor: User | AnonymousUser | None, referral: Referral, status: str, on: date
) -> Referral:
    """Move a referral on (accepted, started, completed, declined) on the date given.

    Effects: writes Referral.status and that status's date; audit `caseload.referral.changed`.
    Raises: ConsentMissingError.
    """
    _check_shares(referral.entry, ConsentSection.PLAN, actor)
    status = ReferralStatus(status)
    if referral.status == status:
        return referral
    date_field = REFERRAL_STATUS_DATES[status]
    referral.status = status
    setattr(referral, date_field, on)
    referral.save(update_fields=["status", date_field, "updated_at"])
    audit_record(
        actor=actor,
        action=CaseloadAuditAction.REFERRAL_CHANGED,
        subject=referral,
        changes=["status", date_field],
    )
    return referral


# --- follow-up reminders ---------------------------------------------------------------------


def _followups_title(count: int) -> str:
    return ngettext("%(count)d follow-up is due", "%(count)d follow-ups are due", count) % {
        "count": count
    }


# Lazy: `notification_send` renders the title in the recipient's language.
_followups_title_lazy = lazy(_followups_title, str)


def followups_remind(*, on: date) -> int:
    """Send each lead ULR ONE notification about their open follow-ups due on `on` or before
    (only while the learner's consent shares needs and conversations: `followups_due`);
    returns how many ULRs were told. Run daily (the `caseload_remind` command); a second run
    the same day sends nothing to a ULR already told that day.

    Effects: per ULR, `notifications.services.notification_send` (kind `followups_due`, a link
    to their follow-ups page; the notifications app audits and emails it), each in its own
    transaction, so one failure does not hold back the others' reminders.
    """
    due: dict[int, tuple[User, int]] = {}
    for conversation in followups_due(on=on):
        lead = conversation.entry.lead_ulr
        if not lead.is_active:
            continue
        _, count = due.get(lead.pk, (lead, 0))
        due[lead.pk] = (lead, count + 1)
    already = notification_recipients_on(
        kind=NotificationKind.FOLLOWUPS_DUE, day=timezone.localdate(), recipient_ids=set(due)
    )
    url = reverse("caseload:followups")
    sent = 0
    for user_id, (lead, count) in sorted(due.items()):
        if user_id in already:
            continue
        notification_send(
            recipient=lead,
            kind=NotificationKind.FOLLOWUPS_DUE,
            title=_followups_title_lazy(count),
            url=url,
        )
        sent += 1
    return sent


@task()
def followups_remind_task(*, on: str) -> int:
    """The background form of `followups_remind` (`on`: an ISO date, a plain JSON value)."""
    return followups_remind(on=date.fromisoformat(on))
