"""Writes of learning pathways: authoring (pathways, steps, prerequisites, publishing),
enrolment, and progress read from the LRS.

Progress has one path: a statement in the LRS. Finishing a resource or attending a session
records a statement; a passed quiz records its own; an outside client may post one through
/xapi/. `lrs.services.statements.statements_stored` hands every stored batch to
`progress_from_statements`, which marks the matching steps done for the learner's open
enrolments and completes an enrolment once every required step is done.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from commonplace.access.selectors import may_at
from commonplace.assessment.services import project_activity_id, quiz_activity_id
from commonplace.audit.services import audit_record
from commonplace.certificates.services import certificate_issue
from commonplace.learning.enums import ResourceKind
from commonplace.learning.selectors import resource_activity_id
from commonplace.learning.services import ACTIVITY_TYPES as RESOURCE_ACTIVITY_TYPES
from commonplace.learning.services import body_sanitise
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user, statements_user_pk_of_actor
from commonplace.lrs.services.statements import statement_record
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.services import notification_send

from .enums import (
    COMPLETION_VERB,
    COMPLETION_VERB_IRIS,
    TARGET_FIELD,
    Direction,
    PathwaysAuditAction,
    PathwayStatus,
    StepKind,
)
from .errors import (
    AlreadyEnrolledError,
    NotEnrolledError,
    PathwayEmptyError,
    PathwayNotAllowedError,
    PathwayNotPublishedError,
    PrerequisiteCycleError,
    PrerequisitesNotMetError,
    StepIncompleteError,
    StepLockedError,
)
from .models import Enrolment, Pathway, Step, StepProgress
from .selectors import (
    RESERVED_SLUGS,
    completions_of_user,
    enrolment_done_step_ids,
    enrolment_of,
    enrolments_to_check,
    is_pathway_activity,
    open_enrolments_for,
    pathway_activity_id,
    pathway_prerequisite_edges,
    pathway_prerequisites_status,
    pathway_steps,
    session_activity_id,
    step_last_position,
    step_prerequisite_edges,
    steps_matching,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.learning.models import Topic
    from commonplace.organisation.models import OrgUnit

    Actor = User | AnonymousUser | None

PATHWAY_FIELDS = {
    "title", "summary", "description", "level", "estimated_hours", "language", "audiences",
    "owner_unit", "meets_ulr_training",
}  # fmt: skip
STEP_FIELDS = {
    "title", "kind", "required", "resource", "quiz", "project", "session_starts_at",
    "session_place", "session_details",
}  # fmt: skip

# Sent by `pathway_completed_effects`, inside the completing transaction, with `enrolment`
# (its `user`, `pathway` and `completed_at`): apps above pathways (reps records ULR training)
# answer it without pathways importing them (decision 0340). Receivers must be idempotent.
pathway_completed = Signal()

# The activity IRI of a step of each kind (what its completion statement's object is).
STEP_ACTIVITY_ID: dict[str, Callable[[Step], str]] = {
    StepKind.RESOURCE: lambda step: resource_activity_id(step.resource),  # type: ignore[arg-type]
    StepKind.QUIZ: lambda step: quiz_activity_id(step.quiz),  # type: ignore[arg-type]
    StepKind.SESSION: session_activity_id,
    StepKind.PROJECT: lambda step: project_activity_id(step.project),  # type: ignore[arg-type]
}


def _slug_for(title: str) -> str:
    base = slugify(title)[:200] or "pathway"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Pathway.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_may_author(actor: Actor, unit: OrgUnit) -> None:
    if actor is not None and not may_at(
        user=actor, kind="pathways.pathway", action="add", unit_path=unit.path
    ):
        raise PathwayNotAllowedError()


def _reaches(edges: list[tuple[int, int]], start: set[int], target: int) -> bool:
    """Whether following edges (node → its prerequisites) from `start` arrives at `target`."""
    needs: dict[int, set[int]] = {}
    for frm, to in edges:
        needs.setdefault(frm, set()).add(to)
    seen, todo = set(), list(start)
    while todo:
        node = todo.pop()
        if node == target:
            return True
        if node not in seen:
            seen.add(node)
            todo.extend(needs.get(node, ()))
    return False


def _check_no_cycle(edges: list[tuple[int, int]], node: int, prerequisites: set[int]) -> None:
    """Refuse prerequisites of `node` that are, or lead back to, `node` itself."""
    others = [(frm, to) for frm, to in edges if frm != node]
    if node in prerequisites or _reaches(others, prerequisites, node):
        raise PrerequisiteCycleError()


def _audit_fields(fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")


# --- authoring: pathways ---------------------------------------------------------------------


@transaction.atomic
def pathway_create(
    *,
    actor: Actor,
    owner_unit: OrgUnit,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
    prerequisites: list[Pathway] | None = None,
) -> Pathway:
    """Add a draft pathway owned by `owner_unit` (actor None: the demo builder).

    Effects: writes Pathway (description sanitised, unique slug), its topics and
    prerequisites; audit `pathways.pathway.created`.
    Raises: PathwayNotAllowedError; ValueError on unknown fields.
    """
    _audit_fields(fields, PATHWAY_FIELDS)
    _check_may_author(actor, owner_unit)
    values = {**fields, "owner_unit": owner_unit}
    values["description"] = body_sanitise(values.get("description", ""))
    pathway = Pathway(**values)
    pathway.slug = _slug_for(pathway.title)
    pathway.author = actor if actor is not None and actor.is_authenticated else None
    pathway.save()
    if topics:
        pathway.topics.set(topics)
    if prerequisites:
        pathway.prerequisites.set(prerequisites)  # a new pathway cannot close a circle
    audit_record(actor=actor, action=PathwaysAuditAction.PATHWAY_CREATED, subject=pathway)
    return pathway


@transaction.atomic
def pathway_update(
    *,
    actor: Actor,
    pathway: Pathway,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
    prerequisites: list[Pathway] | None = None,
) -> list[str]:
    """Change a pathway; returns the names of the changed fields.

    Effects: writes Pathway (description sanitised), topics, prerequisites; audit
    `pathways.pathway.changed` with field names only.
    Raises: PathwayNotAllowedError (moving it out of the actor's scope);
    PrerequisiteCycleError; ValueError on unknown fields.
    """
    _audit_fields(fields, PATHWAY_FIELDS)
    current = Pathway.objects.select_for_update().get(pk=pathway.pk)
    if "description" in fields:
        fields = {**fields, "description": body_sanitise(fields["description"])}
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if "owner_unit" in changed:
        _check_may_author(actor, fields["owner_unit"])
    for name in changed:
        setattr(current, name, fields[name])
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
    if topics is not None and set(topics) != set(current.topics.all()):
        current.topics.set(topics)
        changed.append("topics")
    if prerequisites is not None:
        wanted = {p.pk for p in prerequisites}
        if wanted != set(current.prerequisites.values_list("pk", flat=True)):
            _check_no_cycle(pathway_prerequisite_edges(), current.pk, wanted)
            current.prerequisites.set(prerequisites)
            changed.append("prerequisites")
    if changed:
        audit_record(
            actor=actor, action=PathwaysAuditAction.PATHWAY_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
    return sorted(changed)


@transaction.atomic
def pathway_publish(*, actor: Actor, pathway: Pathway) -> Pathway:
    """Publish a pathway: everyone in its union can find it and enrol.

    Effects: writes Pathway.status and published_at; audit `pathways.pathway.published`.
    Publishing a published pathway changes nothing.
    Raises: PathwayEmptyError when it has no required step.
    """
    if pathway.status == PathwayStatus.PUBLISHED:
        return pathway
    if not Step.objects.filter(pathway=pathway, required=True).exists():
        raise PathwayEmptyError()
    pathway.status = PathwayStatus.PUBLISHED
    pathway.published_at = pathway.published_at or timezone.now()
    pathway.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(actor=actor, action=PathwaysAuditAction.PATHWAY_PUBLISHED, subject=pathway)
    return pathway


@transaction.atomic
def pathway_unpublish(*, actor: Actor, pathway: Pathway) -> Pathway:
    """Take a pathway back to draft: only its authors see it; enrolments stay.

    Effects: writes Pathway.status; audit `pathways.pathway.unpublished`.
    """
    if pathway.status == PathwayStatus.DRAFT:
        return pathway
    pathway.status = PathwayStatus.DRAFT
    pathway.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=PathwaysAuditAction.PATHWAY_UNPUBLISHED, subject=pathway)
    return pathway


# --- authoring: steps ------------------------------------------------------------------------


def _step_check(step: Step) -> None:
    """A step points at exactly what its kind needs (a session: when and where)."""
    kind = StepKind(step.kind)
    for other_kind, target in TARGET_FIELD.items():
        if target and other_kind != kind:
            setattr(step, target, None)
    target = TARGET_FIELD[kind]
    if target is not None and getattr(step, f"{target}_id") is None:
        raise StepIncompleteError()
    if kind == StepKind.SESSION and (step.session_starts_at is None or not step.session_place):
        raise StepIncompleteError(_("Say when and where the live session is."))
    if kind != StepKind.SESSION:
        step.session_starts_at, step.session_place, step.session_details = None, "", ""


def _check_keeps_a_required_step(step: Step) -> None:
    """A published pathway keeps at least one required step (else it could never complete)."""
    pathway = step.pathway
    if pathway.is_published and not (
        Step.objects.filter(pathway=pathway, required=True).exclude(pk=step.pk).exists()
    ):
        raise PathwayEmptyError(
            _("A published pathway needs at least one required step. Unpublish it first.")
        )


def _step_prerequisites_set(step: Step, prerequisites: list[Step] | None) -> bool:
    """Set the step's prerequisites (steps of the same pathway); returns whether changed."""
    if prerequisites is None:
        return False
    wanted = {p.pk for p in prerequisites if p.pathway_id == step.pathway_id}
    if wanted == set(step.prerequisites.values_list("pk", flat=True)):
        return False
    _check_no_cycle(step_prerequisite_edges(pathway=step.pathway), step.pk, wanted)
    step.prerequisites.set(list(wanted))
    return True


@transaction.atomic
def step_add(
    *,
    actor: Actor,
    pathway: Pathway,
    fields: dict[str, Any],
    prerequisites: list[Step] | None = None,
) -> Step:
    """Add a step at the end of the pathway.

    Effects: writes Step (its activity IRI from its kind) and its prerequisites; audit
    `pathways.step.added`.
    Raises: StepIncompleteError; PrerequisiteCycleError; ValueError on unknown fields.
    """
    _audit_fields(fields, STEP_FIELDS)
    step = Step(pathway=pathway, **fields)
    _step_check(step)
    step.position = step_last_position(pathway=pathway) + 1
    step.activity_id = ""
    step.save()
    step.activity_id = STEP_ACTIVITY_ID[step.kind](step)
    step.save(update_fields=["activity_id"])
    _step_prerequisites_set(step, prerequisites)
    audit_record(actor=actor, action=PathwaysAuditAction.STEP_ADDED, subject=step)
    return step


@transaction.atomic
def step_update(
    *,
    actor: Actor,
    step: Step,
    fields: dict[str, Any],
    prerequisites: list[Step] | None = None,
) -> list[str]:
    """Change a step; returns the names of the changed fields.

    Effects: writes Step (activity IRI again) and its prerequisites; audit
    `pathways.step.changed`.
    Raises: StepIncompleteError; PrerequisiteCycleError; PathwayEmptyError (the last
    required step of a published pathway made optional); ValueError on unknown fields.
    """
    _audit_fields(fields, STEP_FIELDS)
    current = Step.objects.select_for_update().select_related("pathway").get(pk=step.pk)
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if "required" in changed and not fields["required"]:
        _check_keeps_a_required_step(current)
    for name in changed:
        setattr(current, name, fields[name])
    _step_check(current)
    current.activity_id = STEP_ACTIVITY_ID[current.kind](current)
    current.save()
    if _step_prerequisites_set(current, prerequisites):
        changed.append("prerequisites")
    if changed:
        audit_record(
            actor=actor, action=PathwaysAuditAction.STEP_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
    return sorted(changed)


@transaction.atomic
def step_remove(*, actor: Actor, step: Step) -> None:
    """Remove a step (and learners' progress on it); the steps after it move up.

    Effects: deletes Step and its StepProgress; renumbers positions; audit
    `pathways.step.removed`.
    Raises: PathwayEmptyError (the last required step of a published pathway).
    """
    pathway = step.pathway
    if step.required:
        _check_keeps_a_required_step(step)
    audit_record(actor=actor, action=PathwaysAuditAction.STEP_REMOVED, subject=step)
    step.delete()
    steps = list(Step.objects.filter(pathway=pathway).order_by("position", "pk"))
    for position, remaining in enumerate(steps, start=1):
        remaining.position = position
    Step.objects.bulk_update(steps, ["position"])


@transaction.atomic
def step_move(*, actor: Actor, step: Step, direction: str) -> bool:
    """Swap a step with its neighbour above or below; returns whether it moved.

    Effects: writes the two steps' positions; audit `pathways.step.moved`.
    """
    steps = list(
        Step.objects.select_for_update()
        .filter(pathway_id=step.pathway_id)
        .order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(steps) if s.pk == step.pk)
    other = index - 1 if direction == Direction.UP else index + 1
    if not 0 <= other < len(steps):
        return False
    steps[index], steps[other] = steps[other], steps[index]
    for position, each in enumerate(steps, start=1):
        each.position = position
    Step.objects.bulk_update(steps, ["position"])
    audit_record(
        actor=actor, action=PathwaysAuditAction.STEP_MOVED, subject=step, changes=["position"]
    )
    return True


# --- enrolment and progress ------------------------------------------------------------------


def _activity(pathway: Pathway) -> dict[str, Any]:
    return {
        "activity_id": pathway_activity_id(pathway),
        "activity_type": vocabulary.ActivityType.PATHWAY,
        "activity_name": {str(pathway.language): pathway.title},
    }


@transaction.atomic
def enrolment_create(*, actor: User, pathway: Pathway) -> Enrolment:
    """Enrol `actor` on a published pathway whose prerequisite pathways they have completed,
    crediting the steps they had already done (from their statements in the LRS).

    Effects: writes Enrolment and StepProgress; audit `pathways.enrolment.created`; xAPI
    `registered` for the pathway; completes the enrolment at once when nothing is left.
    Raises: PathwayNotPublishedError; AlreadyEnrolledError; PrerequisitesNotMetError naming
    the pathways to complete first.
    """
    if not pathway.is_published:
        raise PathwayNotPublishedError()
    if enrolment_of(user=actor, pathway=pathway) is not None:
        raise AlreadyEnrolledError()
    missing = [
        p.title for p, done in pathway_prerequisites_status(user=actor, pathway=pathway) if not done
    ]
    if missing:
        raise PrerequisitesNotMetError(
            _("Complete these pathways before you enrol: %(names)s.")
            % {"names": "; ".join(missing)}
        )
    enrolment = Enrolment.objects.create(user=actor, pathway=pathway, enrolled_at=timezone.now())
    audit_record(actor=actor, action=PathwaysAuditAction.ENROLMENT_CREATED, subject=enrolment)
    statement_record(
        actor=statements_actor_for_user(actor), verb=vocabulary.REGISTERED, **_activity(pathway)
    )
    steps = pathway_steps(pathway=pathway)
    done = completions_of_user(
        user=actor,
        activity_ids={step.activity_id for step in steps},
        verb_ids=set(COMPLETION_VERB_IRIS),
    )
    credited = [
        StepProgress(enrolment=enrolment, step=step, completed_at=enrolment.enrolled_at)
        for step in steps
        if (step.activity_id, COMPLETION_VERB[step.kind].iri) in done
    ]
    if credited:
        StepProgress.objects.bulk_create(credited, ignore_conflicts=True)
    _enrolments_complete_if_done({enrolment.pk})
    enrolment.refresh_from_db(fields=["completed_at"])
    return enrolment


def _statement_matches(statement: dict[str, Any]) -> tuple[int, str, str] | None:
    """(user id, activity IRI, verb IRI) of a statement that could complete a step: a
    completion verb, an activity of this site other than a pathway, the platform agent of an
    account. Pure: no query."""
    verb = statement.get("verb", {}).get("id")
    if verb not in COMPLETION_VERB_IRIS:
        return None
    obj = statement.get("object", {})
    if obj.get("objectType", "Activity") != "Activity":
        return None
    user_pk = statements_user_pk_of_actor(statement.get("actor"))
    if user_pk is None:
        return None
    iri = obj.get("id", "")
    if not isinstance(iri, str) or is_pathway_activity(iri):
        return None
    return user_pk, iri, verb


def progress_from_statements(*, statements: list[dict[str, Any]]) -> int:
    """Mark steps done from a batch of stored statements; returns how many were marked.

    A statement counts when its actor is a platform account, its verb completes the step's
    kind (resource `completed`, quiz `passed`, session `attended`) and its object is the
    step's activity; it marks the step for that person's open enrolments. Statements about
    pathways themselves are ignored, so completing a pathway cannot recurse. No query when
    no statement could match; two queries to find the steps and enrolments otherwise.
    Effects: writes StepProgress; completes enrolments (see `enrolment_complete`).
    """
    matches = {m for s in statements if (m := _statement_matches(s)) is not None}
    if not matches:
        return 0  # the common case on the HTTP ingest path: not even a savepoint
    return _progress_record(matches)


@transaction.atomic
def _progress_record(matches: set[tuple[int, str, str]]) -> int:
    steps = steps_matching(activity_ids={iri for _user, iri, _verb in matches})
    if not steps:
        return 0
    enrolments = open_enrolments_for(
        user_ids={user for user, _iri, _verb in matches},
        pathway_ids={pathway for *_rest, pathway in steps},
    )
    now = timezone.now()
    progress = [
        StepProgress(enrolment_id=enrolment_pk, step_id=step_pk, completed_at=now)
        for enrolment_pk, user_pk, enrolment_pathway in enrolments
        for step_pk, kind, iri, step_pathway in steps
        if step_pathway == enrolment_pathway
        and (user_pk, iri, COMPLETION_VERB[kind].iri) in matches
    ]
    if not progress:
        return 0
    StepProgress.objects.bulk_create(progress, ignore_conflicts=True)
    _enrolments_complete_if_done({p.enrolment_id for p in progress})
    return len(progress)


def _enrolments_complete_if_done(enrolment_ids: set[int]) -> None:
    for enrolment in enrolments_to_check(enrolment_ids=enrolment_ids):
        if enrolment.required_total and enrolment.required_done >= enrolment.required_total:  # type: ignore[attr-defined]
            enrolment_complete(enrolment=enrolment)


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment) -> Enrolment:
    """Complete an enrolment whose required steps are all done.

    Effects: writes Enrolment.completed_at; audit `pathways.enrolment.completed`; xAPI
    `completed` for the pathway; then `pathway_completed_effects`.
    """
    if enrolment.completed_at is not None:
        return enrolment
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["completed_at"])
    audit_record(
        actor=enrolment.user, action=PathwaysAuditAction.ENROLMENT_COMPLETED, subject=enrolment
    )
    statement_record(
        actor=statements_actor_for_user(enrolment.user),
        verb=vocabulary.COMPLETED,
        result={"completion": True, "success": True},
        **_activity(enrolment.pathway),
    )
    pathway_completed_effects(enrolment=enrolment)
    return enrolment


def pathway_completed_effects(*, enrolment: Enrolment) -> None:
    """What else happens when a learner completes a pathway: the one place other apps join.

    Effects: a certificate of the pathway from its union (`certificate_issue`: a PDF, a public
    verification page and an Open Badges assertion), a notification that it is ready, and the
    `pathway_completed` signal (reps records a ULR training pathway in the training record).
    """
    pathway = enrolment.pathway
    certificate = certificate_issue(
        recipient=enrolment.user,
        achievement_key=f"pathway:{pathway.pk}",
        name=pathway.title,
        description=pathway.summary,
        criteria=gettext(
            "Completed every required step of the pathway “%(title)s”, a structured learning "
            "pathway of %(hours)s hours at %(level)s level."
        )
        % {
            "title": pathway.title,
            "hours": pathway.estimated_hours,
            "level": pathway.get_level_display(),
        },
        issuer_unit=pathway.owner_unit.union or pathway.owner_unit,
        hours=Decimal(pathway.estimated_hours),
    )
    notification_send(
        recipient=enrolment.user,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        title=format_lazy(
            gettext_lazy("You completed “{title}”: your certificate is ready"), title=pathway.title
        ),
        url=reverse("certificates:certificate-detail", args=[certificate.pk]),
    )
    pathway_completed.send(sender=Enrolment, enrolment=enrolment)


def _activity_type_of(step: Step) -> str:
    if step.kind == StepKind.RESOURCE and step.resource is not None:
        return RESOURCE_ACTIVITY_TYPES[ResourceKind(step.resource.kind)]
    if step.kind == StepKind.SESSION:
        return vocabulary.ActivityType.MEETING
    if step.kind == StepKind.PROJECT:
        return vocabulary.ActivityType.PROJECT
    return vocabulary.ActivityType.ASSESSMENT


def step_finish(*, actor: User, step: Step) -> str:
    """Record that `actor` finished a resource step or attended a live-session step; returns
    the statement id. Progress follows from the statement, as for any other source.

    Effects: xAPI `completed` (resource) or `attended` (session) for the step's activity,
    which marks the step done (`progress_from_statements`).
    Raises: NotEnrolledError; StepLockedError; ValueError for a quiz or a project (passing
    it counts: the quiz's own statement, or the assessor's marking).
    """
    if step.kind in (StepKind.QUIZ, StepKind.PROJECT):
        raise ValueError("a quiz or project step is done by passing it")
    enrolment = enrolment_of(user=actor, pathway=step.pathway)
    if enrolment is None:
        raise NotEnrolledError()
    done = enrolment_done_step_ids(enrolment=enrolment)
    waiting = set(step.prerequisites.values_list("pk", flat=True)) - set(done)
    if waiting:
        raise StepLockedError()
    name = step.resource.title if step.resource is not None else step.title
    language = step.resource.language if step.resource is not None else step.pathway.language
    return statement_record(
        actor=statements_actor_for_user(actor),
        verb=COMPLETION_VERB[step.kind],
        activity_id=step.activity_id,
        activity_type=_activity_type_of(step),
        activity_name={str(language): name},
    )
