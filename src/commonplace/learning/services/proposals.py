"""Community contributions with review: a member proposes a resource (the same fields and
checks as staff use); a reviewer above their place approves it (a published resource credited
to them) or returns it with comments; they change and resubmit a returned one. Every step is
audited; the proposer is told of each decision through `_proposer_tell`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from commonplace.audit.services import audit_record
from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.services import notification_send

from ..enums import LearningAuditAction, ProposalStatus, ResourceStatus
from ..errors import (
    ProposalClosedError,
    ProposalNotAllowedError,
    ProposalNotWaitingError,
    ProposalOwnReviewError,
    ReviewCommentsRequiredError,
)
from ..models import Proposal, Resource, Topic
from ..selectors import proposal_owner_unit_for, proposal_place_of

if TYPE_CHECKING:
    from commonplace.accounts.models import User

from .resources import (
    CONTENT_FIELDS,
    _check_authored_kind,
    _check_complete,
    _slug_for,
    body_sanitise,
)


def _proposer_tell(
    *, proposal: Proposal, kind: NotificationKind, title: Promise, url: str, body: str = ""
) -> None:
    """Tell the proposer that a reviewer decided on their proposal (in their own language)."""
    notification_send(recipient=proposal.proposer, kind=kind, title=title, url=url, body=body)


def _content_values(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - CONTENT_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_authored_kind(fields.get("kind"))
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
    Raises: ProposalNotAllowedError (no place in a union); ResourceKindNotAllowedError (a
    tile's kind); ResourceIncompleteError; ValueError on unknown fields.
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
    Raises: ProposalClosedError (approved); ResourceKindNotAllowedError (a tile's kind);
    ResourceIncompleteError; ValueError on unknown fields or when `actor` is not the proposer
    (views only offer the page to them).
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
    Raises: ProposalOwnReviewError; ProposalNotWaitingError; ResourceKindNotAllowedError;
    ResourceIncompleteError.
    """
    current = _decision_check(actor=actor, proposal=proposal)
    _check_authored_kind(current.kind)
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
