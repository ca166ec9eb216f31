"""Reads of the learning catalogue, scoped to a user through the policy table.

A user sees a resource when the policy lets them view it (anyone in its union) and it is
published, or when they may change it (its authors' scope sees drafts too).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from commonplace.access.enums import Role
from commonplace.access.selectors import grants_active_for, scope_q
from commonplace.core.site import site_url
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_of_user
from commonplace.organisation.selectors import units_visible_to
from commonplace.people.selectors import person_of_user

from .enums import DURATION_BOUNDS, DurationBand, ProposalStatus, ResourceStatus
from .models import Proposal, Resource, Topic

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

KIND = "learning.resource"


def resource_activity_id(resource: Resource) -> str:
    """The xAPI activity id (IRI) of a resource: its page on this site. Statements about the
    resource (`experienced` when opened, `completed` in a pathway) use it as their object."""
    path = reverse("learning:resource-detail", args=[resource.slug])
    return site_url(path)


def resources_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Resource]:
    """Resources `user` may `action`; for "view", drafts only within their authoring scope."""
    if action != "view":
        return Resource.objects.filter(scope_q(user=user, kind=KIND, action=action))
    published = Q(status=ResourceStatus.PUBLISHED) & scope_q(user=user, kind=KIND, action="view")
    return Resource.objects.filter(published | scope_q(user=user, kind=KIND, action="change"))


def resources_search(
    *,
    user: User | AnonymousUser,
    text: str = "",
    topic: Topic | None = None,
    level: str = "",
    kind: str = "",
    duration: str = "",
    language: str = "",
) -> QuerySet[Resource]:
    """The catalogue: visible resources matching every filter given, newest first."""
    resources = resources_visible_to(user=user)
    if text:
        resources = resources.filter(
            Q(title__icontains=text) | Q(summary__icontains=text) | Q(body__icontains=text)
        )
    if topic is not None:
        resources = resources.filter(topics=topic)
    if level:
        resources = resources.filter(level=level)
    if kind:
        resources = resources.filter(kind=kind)
    if duration:
        low, high = DURATION_BOUNDS[DurationBand(duration)]
        resources = resources.filter(duration_minutes__gte=low)
        if high is not None:
            resources = resources.filter(duration_minutes__lte=high)
    if language:
        resources = resources.filter(language=language)
    return resources.prefetch_related("topics").order_by("-published_at", "title", "pk")


def resource_get_visible(
    *, user: User | AnonymousUser, slug: str, action: str = "view"
) -> Resource:
    """One resource `user` may `action`; 404 when it is absent or not theirs."""
    return get_object_or_404(
        resources_visible_to(user=user, action=action).select_related("owner_unit", "author"),
        slug=slug,
    )


def resource_tile_of(*, source: str) -> Resource | None:
    """The tile of a quiz or project brief (`source`, e.g. "assessment.quiz:12"), if it has one.
    Not scoped: for the owner's services and the demo builder, never for a page."""
    if not source:
        return None
    return Resource.objects.filter(source=source).first()


def topics_all() -> QuerySet[Topic]:
    return Topic.objects.order_by("name")


def topic_get_or_none(*, slug: object) -> Topic | None:
    if not isinstance(slug, str) or not slug:
        return None
    return Topic.objects.filter(slug=slug).first()


def units_for_authoring(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units `user` sees in which they may add learning resources."""
    return units_visible_to(user=user).filter(
        scope_q(user=user, kind=KIND, action="add", unit_path="path", owner="")
    )


def resource_experienced_recently(*, user: User, activity_id: str) -> bool:
    """Whether `user` has an `experienced` statement for the activity stored since midnight."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        statements_of_user(user=user)
        .filter(
            activity_id=activity_id,
            verb_id=vocabulary.EXPERIENCED.iri,
            stored__gte=midnight,
            stored__lt=midnight + timedelta(days=1),
        )
        .exists()
    )


# --- Community contributions with review -----------------------------------------------------
# Kind `learning.proposal`: the proposer sees their own (Reach.SELF); reviewers, staff and
# administrators see and review those whose proposer's place is at or below theirs.

PROPOSAL_KIND = "learning.proposal"


def proposals_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Proposal]:
    """Proposals `user` may `action`: their own, and for reviewers those in their subtree."""
    return Proposal.objects.filter(scope_q(user=user, kind=PROPOSAL_KIND, action=action))


def proposals_of(*, user: User | AnonymousUser) -> QuerySet[Proposal]:
    """The user's own proposals ("My proposals"), newest first."""
    return (
        proposals_visible_to(user=user)
        .filter(proposer_id=user.pk)
        .select_related("resource")
        .order_by("-submitted_at", "-pk")
    )


def proposals_to_review(*, user: User | AnonymousUser) -> QuerySet[Proposal]:
    """The review queue: proposals waiting in the user's scope, oldest first, not their own."""
    return (
        proposals_visible_to(user=user, action="review")
        .filter(status=ProposalStatus.SUBMITTED)
        .exclude(proposer_id=user.pk)
        .select_related("proposer", "unit")
        .order_by("submitted_at", "pk")
    )


def proposal_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Proposal:
    """One proposal `user` may `action`; 404 when it is absent or not theirs to see."""
    return get_object_or_404(
        proposals_visible_to(user=user, action=action).select_related(
            "proposer", "unit", "reviewer", "resource"
        ),
        pk=pk,
    )


def proposal_place_of(*, user: User | AnonymousUser) -> OrgUnit | None:
    """Where a proposal by `user` sits: their home unit, else the deepest place they hold a
    role in (None: they have neither, and cannot propose)."""
    person = person_of_user(user=user)
    if person is not None:
        return person.home_unit
    units = [grant.unit for grant in grants_active_for(user=user) if grant.unit is not None]
    return max(units, key=lambda unit: unit.depth, default=None)


REVIEWING_ROLES = {Role.REVIEWER, Role.STAFF, Role.ADMINISTRATOR}


def proposal_owner_unit_for(*, reviewer: User | AnonymousUser, proposal: Proposal) -> OrgUnit:
    """The unit an approved proposal's resource belongs to: the nearest place above the
    proposer's where the reviewer holds a reviewing role (the proposal's union for a
    federation-wide grant), so the staff of that place look after it."""
    path = proposal.unit.path
    covering = [
        grant.unit
        for grant in grants_active_for(user=reviewer)
        if grant.role in REVIEWING_ROLES and grant.unit is not None
        and path.startswith(grant.unit.path)
    ]  # fmt: skip
    if covering:
        return max(covering, key=lambda unit: unit.depth)
    return proposal.unit.union or proposal.unit


def resource_contributor(*, resource: Resource) -> str:
    """The name a resource made from a member's proposal is credited to ("" for staff's own)."""
    proposal = (
        Proposal.objects.filter(resource=resource, status=ProposalStatus.APPROVED)
        .select_related("proposer")
        .first()
    )
    if proposal is None:
        return ""
    return proposal.proposer.display_name or gettext("a member of the union")
