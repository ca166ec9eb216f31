"""Reads of learning pathways, scoped through the policy table.

Anyone in a union sees its published pathways (kind `pathways.pathway`, reach union); drafts
only those who may change them. Enrolments are their learner's alone (`pathways.enrolment`,
reach self). A learner's standing on every step comes from `StepProgress`, which the
services keep in step with the LRS; every read here costs a fixed number of queries,
whatever the number of steps or statements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonplace.access.selectors import scope_q, union_path
from commonplace.certificates.selectors import certificates_of_user
from commonplace.core.site import site_url
from commonplace.lrs.selectors import statements_of_user
from commonplace.organisation.selectors import units_visible_to

from .enums import PathwayStatus, StepState
from .models import Enrolment, Pathway, Step, StepProgress

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable
    from datetime import datetime

    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.certificates.models import Certificate
    from commonplace.learning.models import Topic
    from commonplace.organisation.models import OrgUnit

KIND = "pathways.pathway"
ENROLMENT_KIND = "pathways.enrolment"
RESERVED_SLUGS = {"new", "mine", "steps", "enrolments"}


# --- activity IRIs ---------------------------------------------------------------------------


def _site() -> str:
    return site_url()


def pathway_activity_id(pathway: Pathway) -> str:
    """The xAPI activity id (IRI) of a pathway: its page on this site."""
    return _site() + reverse("pathways:pathway-detail", args=[pathway.slug])


def session_activity_id(step: Step) -> str:
    """The xAPI activity id of a live-session step: the step's page on this site."""
    return _site() + reverse("pathways:step-detail", args=[step.pk])


def is_pathway_activity(iri: str) -> bool:
    """Whether `iri` names a pathway itself (not one of its steps). Pure: no query.

    Pathways live at `/pathways/<slug>/`, steps at `/pathways/steps/<pk>/` ("steps" is a
    reserved slug), so the progress receiver can skip pathway statements without a query.
    """
    prefix = _site() + reverse("pathways:pathway-list")
    if not iri.startswith(prefix):
        return False
    rest = iri[len(prefix) :]
    return bool(rest) and not rest.startswith(("steps/", "enrolments/"))


# --- pathways --------------------------------------------------------------------------------


def pathways_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Pathway]:
    """Pathways `user` may `action`; for "view", drafts only within their authoring scope."""
    if action != "view":
        return Pathway.objects.filter(scope_q(user=user, kind=KIND, action=action))
    published = Q(status=PathwayStatus.PUBLISHED) & scope_q(user=user, kind=KIND, action="view")
    return Pathway.objects.filter(published | scope_q(user=user, kind=KIND, action="change"))


def pathways_search(
    *,
    user: User | AnonymousUser,
    topic: Topic | None = None,
    level: str = "",
    language: str = "",
) -> QuerySet[Pathway]:
    """The pathways list: visible pathways matching every filter given, by title."""
    pathways = pathways_visible_to(user=user)
    if topic is not None:
        pathways = pathways.filter(topics=topic)
    if level:
        pathways = pathways.filter(level=level)
    if language:
        pathways = pathways.filter(language=language)
    step_count = (
        Step.objects.filter(pathway=OuterRef("pk"))
        .order_by()
        .values("pathway")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        pathways.annotate(step_count=Coalesce(Subquery(step_count, output_field=IntegerField()), 0))
        .prefetch_related("topics")
        .order_by("title", "pk")
    )


@dataclass(frozen=True)
class PathwayLink:
    """A link to a pathway page, for other apps' pages (referrals, skills results)."""

    slug: str
    title: str
    url: str
    language: str


def pathway_links(*, user: User | AnonymousUser, slugs: Iterable[str]) -> dict[str, PathwayLink]:
    """Slug → link of those of `slugs` that name a pathway `user` may see (one query; a slug
    of a draft, another union's pathway or no pathway at all is simply absent)."""
    wanted = {slug.strip() for slug in slugs if slug and slug.strip()}
    if not wanted:
        return {}
    rows = (
        pathways_visible_to(user=user)
        .filter(slug__in=wanted)
        .order_by()
        .values_list("slug", "title", "language")
    )
    return {
        slug: PathwayLink(
            slug=slug,
            title=title,
            url=reverse("pathways:pathway-detail", args=[slug]),
            language=language,
        )
        for slug, title, language in rows
    }


def pathways_open_to_learner(*, account: User | None, unit_path: str) -> QuerySet[Pathway]:
    """The published pathways a learner may see: those their account sees, or, for a learner
    with no account, those of the union of their place (what the union reach gives every role
    of a union once they have one)."""
    published = Pathway.objects.filter(status=PathwayStatus.PUBLISHED)
    if account is not None:
        return published.filter(pk__in=pathways_visible_to(user=account).values("pk"))
    return published.filter(owner_unit__path__startswith=union_path(unit_path))


def ulr_training_pathways(*, user: User | AnonymousUser) -> list[Pathway]:
    """The published pathways `user` may see whose completion meets the statutory ULR training
    condition, by title (one query)."""
    return list(
        pathways_visible_to(user=user)
        .filter(status=PathwayStatus.PUBLISHED, meets_ulr_training=True)
        .order_by("title", "pk")
    )


@dataclass(frozen=True)
class PathwayStanding:
    """Where one person stands on one pathway: enrolled or not, required steps done and in
    total, and when they completed it."""

    pathway_id: int
    required_total: int
    enrolled: bool = False
    required_done: int = 0
    completed_at: datetime | None = None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 0
        return round(100 * min(self.required_done, self.required_total) / self.required_total)


def pathway_standings(
    *, user_ids: Collection[int], pathway_ids: Collection[int]
) -> dict[tuple[int, int], PathwayStanding]:
    """(user id, pathway id) → standing, for every pair of these users and pathways, enrolled
    or not: two queries whatever their number. Not scoped: the caller has decided the reader
    may see these people's progress (the caseload by the learner's consent, the co-ordinator
    for ULR training)."""
    users, pathways = set(user_ids), set(pathway_ids)
    if not users or not pathways:
        return {}
    totals = dict(
        Step.objects.filter(pathway_id__in=pathways, required=True)
        .order_by()
        .values("pathway_id")
        .annotate(n=Count("pk"))
        .values_list("pathway_id", "n")
    )
    standings = {
        (user_id, pathway_id): PathwayStanding(pathway_id, totals.get(pathway_id, 0))
        for user_id in users
        for pathway_id in pathways
    }
    enrolments = (
        Enrolment.objects.filter(user_id__in=users, pathway_id__in=pathways)
        .order_by()
        .annotate(done=Count("progress", filter=Q(progress__step__required=True)))
        .values_list("user_id", "pathway_id", "done", "completed_at")
    )
    for user_id, pathway_id, done, completed_at in enrolments:
        standings[(user_id, pathway_id)] = PathwayStanding(
            pathway_id, totals.get(pathway_id, 0), True, done, completed_at
        )
    return standings


def pathways_enrolled_with_quiz(*, user: User | AnonymousUser, quiz_id: int) -> list[Pathway]:
    """The pathways `user` is enrolled on (open or completed) and may still see that have the
    quiz as a step, by title (one query; none when signed out)."""
    if not user.is_authenticated:
        return []
    return list(
        pathways_visible_to(user=user)
        .filter(
            pk__in=Enrolment.objects.filter(user_id=user.pk).values("pathway_id"),
            steps__quiz_id=quiz_id,
        )
        .distinct()
        .order_by("title", "pk")
    )


def pathway_get_visible(*, user: User | AnonymousUser, slug: str, action: str = "view") -> Pathway:
    """One pathway `user` may `action`; 404 when it is absent or not theirs."""
    return get_object_or_404(
        pathways_visible_to(user=user, action=action).select_related("owner_unit"), slug=slug
    )


def pathway_prerequisites_status(
    *, user: User | AnonymousUser, pathway: Pathway
) -> list[tuple[Pathway, bool]]:
    """The pathways to complete before enrolling on `pathway`, each with whether `user` has
    completed it (two queries)."""
    required = list(pathway.prerequisites.order_by("title"))
    if not required:
        return []
    done = set(
        Enrolment.objects.filter(
            user_id=user.pk, pathway__in=required, completed_at__isnull=False
        ).values_list("pathway_id", flat=True)
    )
    return [(p, p.pk in done) for p in required]


def pathways_for_prerequisites(
    *, user: User | AnonymousUser, pathway: Pathway | None
) -> QuerySet[Pathway]:
    """Pathways an author may name as prerequisites (any they see, but the pathway itself)."""
    pathways = pathways_visible_to(user=user)
    if pathway is not None:
        pathways = pathways.exclude(pk=pathway.pk)
    return pathways.order_by("title")


def pathway_prerequisite_edges() -> list[tuple[int, int]]:
    """Every (pathway, its prerequisite) pair: the graph cycles are checked on."""
    through = Pathway.prerequisites.through
    return list(through.objects.values_list("from_pathway_id", "to_pathway_id"))


def units_for_authoring(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units `user` sees in which they may add pathways."""
    return units_visible_to(user=user).filter(
        scope_q(user=user, kind=KIND, action="add", unit_path="path", owner="")
    )


# --- steps -----------------------------------------------------------------------------------


def pathway_steps(*, pathway: Pathway) -> list[Step]:
    """The pathway's steps in order, with what they point at and their prerequisites' ids
    (`prerequisite_ids`, a set): two queries."""
    steps = list(
        Step.objects.filter(pathway=pathway)
        .select_related("resource", "quiz", "project")
        .order_by("position", "pk")
    )
    edges = step_prerequisite_edges(pathway=pathway)
    for step in steps:
        step.pathway = pathway  # already at hand: no query when a caller follows it
        step.prerequisite_ids = {to for frm, to in edges if frm == step.pk}  # type: ignore[attr-defined]
    return steps


def step_prerequisite_edges(*, pathway: Pathway) -> list[tuple[int, int]]:
    """Every (step, its prerequisite step) pair of the pathway."""
    through = Step.prerequisites.through
    return list(
        through.objects.filter(from_step__pathway=pathway).values_list("from_step_id", "to_step_id")
    )


def step_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Step:
    """One step of a pathway `user` may `action`; 404 otherwise."""
    return get_object_or_404(
        Step.objects.filter(
            pathway__in=pathways_visible_to(user=user, action=action)
        ).select_related("pathway", "pathway__owner_unit", "resource", "quiz", "project"),
        pk=pk,
    )


def step_last_position(*, pathway: Pathway) -> int:
    last = Step.objects.filter(pathway=pathway).order_by("-position").first()
    return last.position if last is not None else 0


# --- enrolments and progress -----------------------------------------------------------------


def enrolments_visible_to(*, user: User | AnonymousUser) -> QuerySet[Enrolment]:
    """The user's own enrolments (no one sees another learner's)."""
    return Enrolment.objects.filter(scope_q(user=user, kind=ENROLMENT_KIND, action="view"))


def enrolment_get_visible(*, user: User | AnonymousUser, pk: int) -> Enrolment:
    """One of the user's own enrolments; 404 for anyone else's."""
    return get_object_or_404(
        enrolments_visible_to(user=user).select_related("pathway", "user"), pk=pk
    )


def enrolment_of(*, user: User | AnonymousUser, pathway: Pathway) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user_id=user.pk, pathway=pathway).first()


def _required_total() -> Subquery:
    return Subquery(
        Step.objects.filter(pathway=OuterRef("pathway"), required=True)
        .order_by()
        .values("pathway")
        .annotate(n=Count("pk"))
        .values("n"),
        output_field=IntegerField(),
    )


def enrolments_of_user(*, user: User | AnonymousUser) -> QuerySet[Enrolment]:
    """My pathways: the user's enrolments, newest first, with `required_done` and
    `required_total` (one query, whatever the number of pathways or steps)."""
    return (
        enrolments_visible_to(user=user)
        .filter(user_id=user.pk)
        .select_related("pathway")
        .annotate(
            required_done=Count("progress", filter=Q(progress__step__required=True)),
            required_total=Coalesce(_required_total(), 0),
        )
        .order_by("-enrolled_at", "-pk")
    )


def enrolments_to_check(*, enrolment_ids: set[int]) -> list[Enrolment]:
    """Open enrolments among `enrolment_ids` with their required steps done and in total."""
    return list(
        Enrolment.objects.filter(pk__in=enrolment_ids, completed_at__isnull=True)
        .select_related("pathway", "user")
        .annotate(
            required_done=Count("progress", filter=Q(progress__step__required=True)),
            required_total=Coalesce(_required_total(), 0),
        )
    )


def enrolment_done_step_ids(*, enrolment: Enrolment | None) -> dict[int, object]:
    """Step id → when it was completed, for the enrolment (empty when there is none)."""
    if enrolment is None:
        return {}
    return dict(
        StepProgress.objects.filter(enrolment=enrolment).values_list("step_id", "completed_at")
    )


def steps_matching(*, activity_ids: set[str]) -> list[tuple[int, str, str, int]]:
    """(step id, kind, activity IRI, pathway id) of every step whose activity is one of these."""
    return list(
        Step.objects.filter(activity_id__in=activity_ids)
        .order_by()
        .values_list("pk", "kind", "activity_id", "pathway_id")
    )


def open_enrolments_for(*, user_ids: set[int], pathway_ids: set[int]) -> list[tuple[int, int, int]]:
    """(enrolment id, user id, pathway id) of the open enrolments of these users there."""
    return list(
        Enrolment.objects.filter(
            user_id__in=user_ids, pathway_id__in=pathway_ids, completed_at__isnull=True
        )
        .order_by()
        .values_list("pk", "user_id", "pathway_id")
    )


def completions_of_user(
    *, user: User, activity_ids: set[str], verb_ids: set[str]
) -> set[tuple[str, str]]:
    """(activity IRI, verb IRI) pairs of the user's statements among these: one query over
    their statements, to credit steps done before enrolling."""
    if not activity_ids:
        return set()
    return set(
        statements_of_user(user=user)
        .filter(activity_id__in=activity_ids, verb_id__in=verb_ids)
        .order_by()
        .values_list("activity_id", "verb_id")
        .distinct()
    )


@dataclass
class StepView:
    step: Step
    state: StepState
    completed_at: object = None
    waiting_for: list[Step] = field(default_factory=list)


@dataclass
class PathwayProgress:
    """A learner's standing on a pathway, step by step."""

    enrolment: Enrolment | None
    steps: list[StepView]
    required_done: int
    required_total: int
    next_step: Step | None

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 0
        return round(100 * self.required_done / self.required_total)

    @property
    def started(self) -> bool:
        return any(view.state == StepState.DONE for view in self.steps)


def step_states(*, steps: list[Step], done: dict[int, object]) -> list[StepView]:
    """Each step's state: done; locked until its prerequisite steps are done; the first
    unlocked step not done is "next". Pure: no query."""
    by_id = {step.pk: step for step in steps}
    views, next_found = [], False
    for step in steps:
        if step.pk in done:
            views.append(StepView(step, StepState.DONE, done[step.pk]))
            continue
        waiting = [by_id[pk] for pk in sorted(step.prerequisite_ids) if pk not in done]  # type: ignore[attr-defined]
        if waiting:
            views.append(StepView(step, StepState.LOCKED, waiting_for=waiting))
        elif not next_found:
            views.append(StepView(step, StepState.NEXT))
            next_found = True
        else:
            views.append(StepView(step, StepState.AVAILABLE))
    return views


def pathway_progress(*, user: User | AnonymousUser, pathway: Pathway) -> PathwayProgress:
    """The user's progress on the pathway (four queries, whatever the number of steps)."""
    steps = pathway_steps(pathway=pathway)
    enrolment = enrolment_of(user=user, pathway=pathway)
    done = enrolment_done_step_ids(enrolment=enrolment)
    views = step_states(steps=steps, done=done)
    required = [step for step in steps if step.required]
    next_step = next((v.step for v in views if v.state == StepState.NEXT), None)
    return PathwayProgress(
        enrolment=enrolment,
        steps=views,
        required_done=sum(1 for step in required if step.pk in done),
        required_total=len(required),
        next_step=next_step,
    )


# --- drop-off --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DropoffRow:
    step: Step
    completed: int  # enrolled learners who completed the step
    stopped: int  # not finished the pathway; this is the furthest step they completed


@dataclass(frozen=True)
class Dropoff:
    enrolled: int
    completed: int
    not_started: int  # enrolled, pathway not finished, no step completed
    rows: list[DropoffRow]


def pathway_dropoff(*, pathway: Pathway) -> Dropoff:
    """Step-by-step drop-off for the pathway's authors: aggregates only, never a person
    (four queries, whatever the number of learners)."""
    steps = list(Step.objects.filter(pathway=pathway).order_by("position", "pk"))
    completed_by_step = dict(
        StepProgress.objects.filter(step__pathway=pathway)
        .order_by()
        .values("step")
        .annotate(n=Count("pk"))
        .values_list("step", "n")
    )
    furthest = (
        StepProgress.objects.filter(enrolment=OuterRef("pk"))
        .order_by("-step__position", "-step_id")
        .values("step_id")[:1]
    )
    stopped = dict(
        Enrolment.objects.filter(pathway=pathway, completed_at__isnull=True)
        .annotate(furthest=Subquery(furthest, output_field=IntegerField()))
        .order_by()
        .values("furthest")
        .annotate(n=Count("pk"))
        .values_list("furthest", "n")
    )
    totals = Enrolment.objects.filter(pathway=pathway).aggregate(
        enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))
    )
    return Dropoff(
        enrolled=totals["enrolled"],
        completed=totals["completed"],
        not_started=stopped.get(None, 0),
        rows=[
            DropoffRow(step, completed_by_step.get(step.pk, 0), stopped.get(step.pk, 0))
            for step in steps
        ],
    )


def pathway_certificate_of(*, user: User | AnonymousUser, pathway: Pathway) -> Certificate | None:
    """The user's own certificate of completing `pathway` (issued by `pathway_completed_effects`
    under the achievement key `pathway:<pk>`), or None."""
    return certificates_of_user(user=user).filter(achievement__key=f"pathway:{pathway.pk}").first()
