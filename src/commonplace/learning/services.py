"""Writes of the learning catalogue: resources created, changed, published; `experienced`
statements when a person opens one. Every write to a resource is audited.

Rich text is sanitised with nh3 (decision 0190) on every write, so what is stored is what may
be shown: a small set of tags, links with http(s)/mailto only, no scripts, styles or `on*`
attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nh3
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext_lazy

from commonplace.access.selectors import may_at
from commonplace.audit.services import audit_record
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.services import notification_send

from .enums import LearningAuditAction, ProposalStatus, ResourceKind, ResourceStatus
from .errors import (
    ProposalClosedError,
    ProposalNotAllowedError,
    ProposalNotWaitingError,
    ProposalOwnReviewError,
    ResourceIncompleteError,
    ResourceNotAllowedError,
    ReviewCommentsRequiredError,
)
from .models import Proposal, Resource, ResourceContent, Topic
from .selectors import (
    proposal_owner_unit_for,
    proposal_place_of,
    resource_experienced_recently,
)
from .validation import content_problems

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li", "a",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
RESERVED_SLUGS = {"new", "proposals"}
CONTENT_FIELDS = {
    "kind", "title", "summary", "body", "url", "file", "video", "captions", "transcript",
    "duration_minutes", "level", "audiences", "language",
}  # fmt: skip
EDITABLE_FIELDS = CONTENT_FIELDS | {"owner_unit"}
ACTIVITY_TYPES = {
    ResourceKind.PAGE: vocabulary.ActivityType.LESSON,
    ResourceKind.LINK: vocabulary.ActivityType.LINK,
    ResourceKind.FILE: vocabulary.ActivityType.FILE,
    ResourceKind.VIDEO: vocabulary.ActivityType.MEDIA,
}


def body_sanitise(html: str) -> str:
    """Rich text reduced to the allowed tags and attributes (no scripts, styles, `on*`)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def _slug_for(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "resource"
    slug, n = base, 1
    taken = Resource.objects.exclude(pk=exclude_pk) if exclude_pk else Resource.objects.all()
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_complete(content: ResourceContent) -> None:
    """Refuse content its kind cannot be shown from (the rules of `validation.content_problems`).

    Raises: ResourceIncompleteError with the first problem's message.
    """
    problems = content_problems(
        kind=content.kind,
        body=content.body,
        url=content.url,
        file=content.file,
        video=content.video,
        captions=content.captions,
        transcript=content.transcript,
    )
    if problems:
        raise ResourceIncompleteError(next(iter(problems.values())))


def _check_may_author(actor: User | AnonymousUser | None, unit: OrgUnit) -> None:
    if actor is not None and not may_at(
        user=actor, kind="learning.resource", action="add", unit_path=unit.path
    ):
        raise ResourceNotAllowedError()


@transaction.atomic
def resource_create(
    *,
    actor: User | AnonymousUser | None,
    owner_unit: OrgUnit,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
) -> Resource:
    """Add a draft resource owned by `owner_unit` (actor None: the demo builder).

    Effects: writes Resource (body sanitised, unique slug) and its topics; audit
    `learning.resource.created`.
    Raises: ResourceNotAllowedError; ResourceIncompleteError; ValueError on unknown fields.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_may_author(actor, owner_unit)
    values = {**fields, "owner_unit": owner_unit}
    values["body"] = body_sanitise(values.get("body", ""))
    resource = Resource(**values)
    resource.slug = _slug_for(resource.title)
    resource.author = actor if actor is not None and actor.is_authenticated else None
    _check_complete(resource)
    resource.save()
    if topics:
        resource.topics.set(topics)
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_CREATED, subject=resource)
    return resource


@transaction.atomic
def resource_update(
    *,
    actor: User | AnonymousUser | None,
    resource: Resource,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
) -> list[str]:
    """Change a resource; returns the names of the changed fields.

    Effects: writes Resource (body sanitised) and its topics; audit `learning.resource.changed`
    with field names only.
    Raises: ResourceNotAllowedError (moving it to a unit outside the actor's scope);
    ResourceIncompleteError; ValueError on unknown fields.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    current = Resource.objects.select_for_update().get(pk=resource.pk)
    if "body" in fields:
        fields = {**fields, "body": body_sanitise(fields["body"])}
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if "owner_unit" in changed:
        _check_may_author(actor, fields["owner_unit"])
    for name in changed:
        setattr(current, name, fields[name])
    _check_complete(current)
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
    if topics is not None and set(topics) != set(current.topics.all()):
        current.topics.set(topics)
        changed.append("topics")
    if changed:
        audit_record(
            actor=actor, action=LearningAuditAction.RESOURCE_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
    return sorted(changed)


@transaction.atomic
def resource_publish(*, actor: User | AnonymousUser | None, resource: Resource) -> Resource:
    """Publish a resource: everyone in its union can find it from now on.

    Effects: writes Resource.status and published_at (first publication only);
    audit `learning.resource.published`. Publishing a published resource changes nothing.
    """
    if resource.status == ResourceStatus.PUBLISHED:
        return resource
    _check_complete(resource)
    resource.status = ResourceStatus.PUBLISHED
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_PUBLISHED, subject=resource)
    return resource


@transaction.atomic
def resource_unpublish(*, actor: User | AnonymousUser | None, resource: Resource) -> Resource:
    """Take a resource back to draft: only its authors' scope sees it.

    Effects: writes Resource.status; audit `learning.resource.unpublished`.
    """
    if resource.status == ResourceStatus.DRAFT:
        return resource
    resource.status = ResourceStatus.DRAFT
    resource.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_UNPUBLISHED, subject=resource)
    return resource


def resource_experience_record(*, user: User, resource: Resource, activity_id: str) -> bool:
    """Record that `user` opened a published resource: one `experienced` statement per person,
    resource and day. Returns whether a statement was stored.

    Effects: an xAPI statement through `lrs.services.statements.statement_record` (actor: the
    user's account agent; object: the resource's absolute IRI).
    """
    if not resource.is_published or resource_experienced_recently(
        user=user, activity_id=activity_id
    ):
        return False
    statement_record(
        actor=statements_actor_for_user(user),
        verb=vocabulary.EXPERIENCED,
        activity_id=activity_id,
        activity_type=ACTIVITY_TYPES[ResourceKind(resource.kind)],
        activity_name={resource.language: resource.title},
    )
    return True


def topic_create(*, slug: str, name: str, name_cy: str = "") -> Topic:
    """Add a topic resources are filed under (or return the one with this slug).

    Effects: writes Topic. Topics are shared vocabulary, not personal data: not audited.
    """
    topic, _created = Topic.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_cy": name_cy}
    )
    return topic


# --- Community contributions with review -----------------------------------------------------
# A member proposes a resource (the same fields and checks as staff use); a reviewer above
# their place approves it (a published resource credited to them) or returns it with comments;
# they change and resubmit a returned one. Every step is audited; the proposer is told of each
# decision through `_proposer_tell`.


def _proposer_tell(
    *, proposal: Proposal, kind: NotificationKind, title: Promise, url: str, body: str = ""
) -> None:
    """Tell the proposer that a reviewer decided on their proposal (in their own language)."""
    notification_send(recipient=proposal.proposer, kind=kind, title=title, url=url, body=body)


def _content_values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - CONTENT_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    values = dict(fields)
    if "body" in values:
        values["body"] = body_sanitise(values["body"] or "")
    return values


@transaction.atomic
def proposal_submit(
    *, actor: User, fields: dict[str, Any], topics: list[Topic] | None = None
) -> Proposal:
    """Propose a resource for the catalogue, waiting for review at the proposer's place.

    Effects: writes Proposal (body sanitised) and its topics; audit `learning.proposal.submitted`.
    Raises: ProposalNotAllowedError (no place in a union); ResourceIncompleteError;
    ValueError on unknown fields.
    """
    values = _content_values(fields)
    unit = proposal_place_of(user=actor)
    if unit is None:
        raise ProposalNotAllowedError()
    proposal = Proposal(**values, proposer=actor, unit=unit, submitted_at=timezone.now())
    _check_complete(proposal)
    proposal.save()
    if topics:
        proposal.topics.set(topics)
    audit_record(actor=actor, action=LearningAuditAction.PROPOSAL_SUBMITTED, subject=proposal)
    return proposal


@transaction.atomic
def proposal_update(
    *,
    actor: User,
    proposal: Proposal,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
) -> Proposal:
    """The proposer changes their proposal; a returned one goes back to the review queue.

    Effects: writes Proposal (body sanitised; status back to submitted when it was returned)
    and its topics; audit `learning.proposal.resubmitted` or `learning.proposal.changed`
    with field names only.
    Raises: ProposalClosedError (approved); ResourceIncompleteError; ValueError on unknown
    fields or when `actor` is not the proposer (views only offer the page to them).
    """
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if current.proposer_id != actor.pk:
        raise ValueError("only the proposer changes a proposal")
    if not current.is_open:
        raise ProposalClosedError()
    values = _content_values(fields)
    changed = [name for name, value in values.items() if getattr(current, name) != value]
    for name in changed:
        setattr(current, name, values[name])
    _check_complete(current)
    resubmitted = current.status == ProposalStatus.RETURNED
    if resubmitted:
        current.status = ProposalStatus.SUBMITTED
        current.submitted_at = timezone.now()
        changed += ["status", "submitted_at"]
    current.save()
    if topics is not None and set(topics) != set(current.topics.all()):
        current.topics.set(topics)
        changed.append("topics")
    action = (
        LearningAuditAction.PROPOSAL_RESUBMITTED
        if resubmitted
        else LearningAuditAction.PROPOSAL_CHANGED
    )
    audit_record(actor=actor, action=action, subject=current, changes=sorted(changed))
    return current


def _decision_check(*, actor: User, proposal: Proposal) -> Proposal:
    current = Proposal.objects.select_for_update().select_related("unit").get(pk=proposal.pk)
    if current.proposer_id == actor.pk:
        raise ProposalOwnReviewError()
    if current.status != ProposalStatus.SUBMITTED:
        raise ProposalNotWaitingError()
    return current


@transaction.atomic
def proposal_return(*, actor: User, proposal: Proposal, comments: str) -> Proposal:
    """Return a waiting proposal to its proposer with comments on what to change.

    Effects: writes Proposal (status returned, comments, reviewer, decided_at); audit
    `learning.proposal.returned`; tells the proposer (`_proposer_tell`).
    Raises: ReviewCommentsRequiredError; ProposalOwnReviewError; ProposalNotWaitingError.
    """
    comments = comments.strip()
    if not comments:
        raise ReviewCommentsRequiredError()
    current = _decision_check(actor=actor, proposal=proposal)
    current.status = ProposalStatus.RETURNED
    current.review_comments = comments
    current.reviewer = actor
    current.decided_at = timezone.now()
    current.save(
        update_fields=["status", "review_comments", "reviewer", "decided_at", "updated_at"]
    )
    audit_record(
        actor=actor,
        action=LearningAuditAction.PROPOSAL_RETURNED,
        subject=current,
        changes=["status", "review_comments"],
    )
    _proposer_tell(
        proposal=current,
        kind=NotificationKind.PROPOSAL_RETURNED,
        title=format_lazy(
            gettext_lazy("Your proposal “{title}” was returned with comments"), title=current.title
        ),
        url=reverse("learning:proposal-detail", args=[current.pk]),
        body=comments,
    )
    return current


@transaction.atomic
def proposal_approve(*, actor: User, proposal: Proposal, comments: str = "") -> Resource:
    """Approve a waiting proposal: it becomes a published resource credited to the proposer,
    owned by the nearest place above theirs where the reviewer holds a reviewing role.

    Effects: writes Resource (author: the proposer; files shared with the proposal) and its
    topics, Proposal (status approved, reviewer, decided_at, resource); audit
    `learning.proposal.approved`, `learning.resource.created`, `learning.resource.published`;
    tells the proposer (`_proposer_tell`).
    Raises: ProposalOwnReviewError; ProposalNotWaitingError; ResourceIncompleteError.
    """
    current = _decision_check(actor=actor, proposal=proposal)
    _check_complete(current)
    values = {name: getattr(current, name) for name in CONTENT_FIELDS}
    for name in ("file", "video", "captions"):
        values[name] = values[name].name if values[name] else ""
    resource = Resource(
        **values,
        owner_unit=proposal_owner_unit_for(reviewer=actor, proposal=current),
        author=current.proposer,
        status=ResourceStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    resource.slug = _slug_for(resource.title)
    resource.save()
    resource.topics.set(current.topics.all())
    current.status = ProposalStatus.APPROVED
    current.review_comments = comments.strip()
    current.reviewer = actor
    current.decided_at = timezone.now()
    current.resource = resource
    current.save(
        update_fields=[
            "status", "review_comments", "reviewer", "decided_at", "resource", "updated_at",
        ]
    )  # fmt: skip
    audit_record(actor=actor, action=LearningAuditAction.PROPOSAL_APPROVED, subject=current)
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_CREATED, subject=resource)
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_PUBLISHED, subject=resource)
    _proposer_tell(
        proposal=current,
        kind=NotificationKind.PROPOSAL_APPROVED,
        title=format_lazy(
            gettext_lazy("Your proposal “{title}” is published"), title=current.title
        ),
        url=reverse("learning:resource-detail", args=[resource.slug]),
        body=current.review_comments,
    )
    return resource
