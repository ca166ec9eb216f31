"""Writes of the learning space: informal learning logged, changed and deleted (each recorded
in the LRS, deletions voided there), goals set and achieved, resources saved for later.

Every write is validated here as well as in the forms (a service may be called from anywhere),
runs in one transaction and is audited with field names only.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from commonplace.audit.services import audit_record
from commonplace.learning.selectors import resources_visible_to
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record, statement_void

from .enums import (
    MAX_GOAL,
    MAX_HOURS,
    MAX_REFLECTION,
    MAX_TITLE,
    MAX_URL,
    MIN_HOURS,
    GoalStatus,
    LearningSpaceAuditAction,
)
from .errors import GoalInvalidError, InformalLearningInvalidError, ResourceNotVisibleError
from .models import Goal, InformalLearning, SavedResource, validate_evidence_file
from .selectors import goal_activity_id, informal_activity_id, informal_category_id

if TYPE_CHECKING:
    from commonplace.accounts.models import User

# Checks shared by the forms and the services


def hours_check(value: Any) -> Decimal:
    """Hours as a Decimal between a quarter of an hour and MAX_HOURS, to two places."""
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as error:
        raise InformalLearningInvalidError(_("Enter the hours as a number, like 1.5.")) from error
    if not hours.is_finite() or hours <= 0:
        raise InformalLearningInvalidError(_("The hours must be more than 0."))
    if hours < MIN_HOURS:
        raise InformalLearningInvalidError(_("Log at least a quarter of an hour (0.25)."))
    if hours > MAX_HOURS:
        raise InformalLearningInvalidError(
            _("Log at most %(max)s hours in one entry: split longer learning into several.")
            % {"max": MAX_HOURS}
        )
    return hours


def url_check(value: str) -> str:
    """An http or https address of at most MAX_URL characters (or nothing)."""
    url = (value or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InformalLearningInvalidError(
            _("The web address must start with http:// or https://.")
        )
    if len(url) > MAX_URL:
        raise InformalLearningInvalidError(
            _("The web address must be %(max)s characters or fewer.") % {"max": MAX_URL}
        )
    return url


def duration_iso(hours: Decimal) -> str:
    """Hours as an ISO 8601 duration (`PT1H30M`), the form of xAPI `result.duration`."""
    minutes = int((hours * 60).to_integral_value())
    whole, rest = divmod(minutes, 60)
    if whole and rest:
        return f"PT{whole}H{rest}M"
    return f"PT{whole}H" if whole else f"PT{rest}M"


def _title_check(value: Any) -> str:
    title = str(value or "").strip()
    if not title:
        raise InformalLearningInvalidError(_("Say what you learned."))
    if len(title) > MAX_TITLE:
        raise InformalLearningInvalidError(
            _("Keep what you learned to %(max)s characters.") % {"max": MAX_TITLE}
        )
    return title


def _date_check(value: Any) -> date:
    if not isinstance(value, date):
        raise InformalLearningInvalidError(_("Enter the date you learned it."))
    if value > timezone.localdate():
        raise InformalLearningInvalidError(_("The date cannot be in the future."))
    return value


def _reflection_check(value: Any) -> str:
    reflection = str(value or "").strip()
    if len(reflection) > MAX_REFLECTION:
        raise InformalLearningInvalidError(
            _("Keep what you got from it to %(max)s characters.") % {"max": MAX_REFLECTION}
        )
    return reflection


def _evidence_check(value: Any) -> Any:
    if value:
        try:
            validate_evidence_file(value)
        except ValidationError as error:
            raise InformalLearningInvalidError(error.messages[0]) from error
    return value


CHECKS = {
    "title": _title_check,
    "learned_on": _date_check,
    "hours": hours_check,
    "reflection": _reflection_check,
    "url": url_check,
    "evidence": _evidence_check,
}


def _clean_informal(fields: dict[str, Any]) -> dict[str, Any]:
    """Every given field checked and normalised (the forms run the same checks)."""
    unknown = set(fields) - set(CHECKS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return {name: CHECKS[name](value) for name, value in fields.items()}


def _record_informal(*, user: User, entry: InformalLearning) -> str:
    """The `experienced` statement of an entry (hours as `result.duration`, the informal
    learning category in its context, timestamp the day it happened)."""
    when = timezone.make_aware(datetime.combine(entry.learned_on, time(12)))
    definition: dict[str, Any] = {}
    if entry.reflection:
        definition["description"] = {"en": entry.reflection[:1000]}
    if entry.url:
        definition["moreInfo"] = entry.url
    return statement_record(
        actor=statements_actor_for_user(user),
        verb=vocabulary.EXPERIENCED,
        activity_id=informal_activity_id(entry),
        activity_type=vocabulary.ActivityType.INFORMAL,
        activity_name={"en": entry.title},
        definition=definition,
        result={"duration": duration_iso(entry.hours), "completion": True},
        context={"contextActivities": {"category": [{"id": informal_category_id()}]}},
        timestamp=when.isoformat(),
    )


@transaction.atomic
def informal_create(*, actor: User, fields: dict[str, Any]) -> InformalLearning:
    """Log informal learning for `actor` (the person themself).

    Effects: writes InformalLearning (evidence file stored under a random name); an xAPI
    `experienced` statement through `statement_record`; audit `learning_space.informal.created`.
    Raises: InformalLearningInvalidError (title, date, hours, address, evidence);
    ValueError on unknown fields.
    """
    values = _clean_informal(fields)
    for name in ("title", "learned_on", "hours"):
        if name not in values:
            raise InformalLearningInvalidError()
    evidence = values.pop("evidence", None)
    entry = InformalLearning(user=actor, **values)
    if evidence:
        entry.evidence_name = _file_name(evidence)
        entry.evidence = evidence
    entry.save()
    entry.statement_id = _record_informal(user=actor, entry=entry)
    entry.save(update_fields=["statement_id"])
    audit_record(actor=actor, action=LearningSpaceAuditAction.INFORMAL_CREATED, subject=entry)
    return entry


def _file_name(file: Any) -> str:
    name = str(getattr(file, "name", "") or "evidence").rsplit("/", 1)[-1]
    return name[-200:]


@transaction.atomic
def informal_update(
    *, actor: User, entry: InformalLearning, fields: dict[str, Any], remove_evidence: bool = False
) -> list[str]:
    """Change an entry; returns the names of the changed fields.

    Effects: writes InformalLearning; when anything changed, voids the entry's statement and
    records a new one (the LRS keeps no edits: the record is the latest statement); audit
    `learning_space.informal.changed` with field names only.
    Raises: InformalLearningInvalidError; ValueError on unknown fields.
    """
    values = _clean_informal(fields)
    current = InformalLearning.objects.select_for_update().get(pk=entry.pk)
    evidence = values.pop("evidence", None)
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, values[name])
    old_file = None
    if evidence:
        old_file = current.evidence.name if current.evidence else None
        current.evidence = evidence
        current.evidence_name = _file_name(evidence)
        changed += ["evidence", "evidence_name"]
    elif remove_evidence and current.evidence:
        old_file = current.evidence.name
        current.evidence = ""
        current.evidence_name = ""
        changed += ["evidence", "evidence_name"]
    if not changed:
        return []
    current.save(update_fields=[*changed, "updated_at"])
    if current.statement_id:
        statement_void(
            actor=statements_actor_for_user(actor), statement_id=str(current.statement_id)
        )
    current.statement_id = _record_informal(user=actor, entry=current)
    current.save(update_fields=["statement_id"])
    if old_file:
        _delete_file_on_commit(current.evidence.storage, old_file)
    audit_record(
        actor=actor, action=LearningSpaceAuditAction.INFORMAL_CHANGED, subject=current,
        changes=changed,
    )  # fmt: skip
    entry.refresh_from_db()
    return sorted(changed)


def _delete_file_on_commit(storage: Any, name: str) -> None:
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def informal_delete(*, actor: User, entry: InformalLearning) -> None:
    """Delete an entry and its evidence file.

    Effects: voids its statement in the LRS (a `voided` statement); deletes InformalLearning;
    the file is removed once the transaction commits; audit `learning_space.informal.deleted`.
    """
    if entry.statement_id:
        statement_void(actor=statements_actor_for_user(actor), statement_id=str(entry.statement_id))
    audit_record(actor=actor, action=LearningSpaceAuditAction.INFORMAL_DELETED, subject=entry)
    if entry.evidence:
        _delete_file_on_commit(entry.evidence.storage, entry.evidence.name)
    entry.delete()


# Goals


def _clean_goal(text: Any, target_date: Any) -> tuple[str, date]:
    text = str(text or "").strip()
    if not text:
        raise GoalInvalidError(_("Say what your goal is."))
    if len(text) > MAX_GOAL:
        raise GoalInvalidError(_("Keep the goal to %(max)s characters.") % {"max": MAX_GOAL})
    if not isinstance(target_date, date):
        raise GoalInvalidError(_("Enter a target date."))
    return text, target_date


@transaction.atomic
def goal_create(*, actor: User, text: str, target_date: date) -> Goal:
    """Set a learning goal for `actor`.

    Effects: writes Goal (open); audit `learning_space.goal.created`.
    Raises: GoalInvalidError (no text, too long, no date; a target date in the past is refused).
    """
    text, target_date = _clean_goal(text, target_date)
    if target_date < timezone.localdate():
        raise GoalInvalidError(_("The target date must be today or later."))
    goal = Goal.objects.create(user=actor, text=text, target_date=target_date)
    audit_record(actor=actor, action=LearningSpaceAuditAction.GOAL_CREATED, subject=goal)
    return goal


@transaction.atomic
def goal_update(*, actor: User, goal: Goal, text: str, target_date: date) -> list[str]:
    """Change a goal's words or target date. Effects: writes Goal; audit (field names)."""
    text, target_date = _clean_goal(text, target_date)
    changed = [
        name
        for name, value in (("text", text), ("target_date", target_date))
        if getattr(goal, name) != value
    ]
    if changed:
        goal.text, goal.target_date = text, target_date
        goal.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor, action=LearningSpaceAuditAction.GOAL_CHANGED, subject=goal,
            changes=changed,
        )  # fmt: skip
    return changed


@transaction.atomic
def goal_status_set(*, actor: User, goal: Goal, status: str) -> Goal:
    """Mark a goal achieved, dropped or open again.

    Effects: writes Goal.status and achieved_on; achieving records an xAPI `completed`
    statement of the goal (an ADL `objective`); reopening an achieved goal voids it; audit
    `learning_space.goal.changed`.
    Raises: GoalInvalidError for an unknown status.
    """
    if status not in GoalStatus.values:
        raise GoalInvalidError(_("Choose open, achieved or dropped."))
    current = Goal.objects.select_for_update().get(pk=goal.pk)
    if current.status == status:
        return current
    agent = statements_actor_for_user(actor)
    if current.statement_id:
        statement_void(actor=agent, statement_id=str(current.statement_id))
        current.statement_id = None
    current.status = status
    current.achieved_on = timezone.localdate() if status == GoalStatus.ACHIEVED else None
    if status == GoalStatus.ACHIEVED:
        current.statement_id = statement_record(
            actor=agent,
            verb=vocabulary.COMPLETED,
            activity_id=goal_activity_id(current),
            activity_type=vocabulary.ActivityType.OBJECTIVE,
            activity_name={"en": current.text},
            result={"completion": True, "success": True},
        )
    current.save(update_fields=["status", "achieved_on", "statement_id", "updated_at"])
    audit_record(
        actor=actor, action=LearningSpaceAuditAction.GOAL_CHANGED, subject=current,
        changes=["status"],
    )  # fmt: skip
    return current


# Saved resources


@transaction.atomic
def resource_save(*, actor: User, resource_id: int) -> SavedResource:
    """Save a catalogue resource the actor may see for later (saving it twice keeps one).

    Effects: writes SavedResource; audit `learning_space.resource.saved`.
    Raises: ResourceNotVisibleError when the actor may not see the resource.
    """
    if not resources_visible_to(user=actor).filter(pk=resource_id).exists():
        raise ResourceNotVisibleError()
    saved, created = SavedResource.objects.get_or_create(user=actor, resource_id=resource_id)
    if created:
        audit_record(actor=actor, action=LearningSpaceAuditAction.RESOURCE_SAVED, subject=saved)
    return saved


@transaction.atomic
def resource_unsave(*, actor: User, resource_id: int) -> bool:
    """Forget a saved resource. Returns whether one was saved.

    Effects: deletes SavedResource; audit `learning_space.resource.unsaved`.
    """
    saved = SavedResource.objects.filter(user=actor, resource_id=resource_id).first()
    if saved is None:
        return False
    audit_record(actor=actor, action=LearningSpaceAuditAction.RESOURCE_UNSAVED, subject=saved)
    saved.delete()
    return True


def record_export_note(*, actor: User) -> None:
    """Effects: audit `learning_space.record.exported` (someone took their record away)."""
    audit_record(actor=actor, action=LearningSpaceAuditAction.RECORD_EXPORTED, subject=actor)
