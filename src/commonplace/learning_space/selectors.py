"""Reads of the learning space, scoped to their owner through the policy table.

Lists are paged and totals are aggregated in SQL, so the cost of a page does not grow with a
person's history: "what I learned" is grouped by activity in the database
(`lrs.selectors.statements_activities_of_user`), its pages are not counted
(`core.pagination.uncounted_page`) and only the page's latest statements are read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils import timezone

from commonplace.access.selectors import scope_q
from commonplace.core.site import site_url
from commonplace.learning.selectors import resources_visible_to
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import (
    statements_activities_of_user,
    statements_by_ids,
    statements_with_activity_of_user,
)
from commonplace.lrs.selectors.pages import language_map_pick

from .enums import GoalStatus
from .models import Goal, InformalLearning, SavedResource

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User

INFORMAL = "learning_space.informallearning"
GOAL = "learning_space.goal"
SAVED = "learning_space.savedresource"


def space_activity_prefix() -> str:
    """The start of the IRIs of the learning space's own activities (entries and goals)."""
    return site_url("/my-learning/")


def informal_activity_id(entry: InformalLearning) -> str:
    return f"{space_activity_prefix()}informal/{entry.activity_uuid}"


def goal_activity_id(goal: Goal) -> str:
    return f"{space_activity_prefix()}goals/{goal.activity_uuid}"


def informal_category_id() -> str:
    return site_url(vocabulary.INFORMAL_LEARNING_CATEGORY_PATH)


# Informal learning


def informal_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[InformalLearning]:
    """Informal learning entries `user` may `action` (their own), the most recent first."""
    return InformalLearning.objects.filter(scope_q(user=user, kind=INFORMAL, action=action))


def informal_of_user(*, user: User | AnonymousUser) -> QuerySet[InformalLearning]:
    """The user's own entries (never anybody else's, whatever their roles), newest first."""
    if not user.is_authenticated:
        return InformalLearning.objects.none()
    return informal_visible_to(user=user).filter(user=user).order_by("-learned_on", "-pk")


def informal_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> InformalLearning:
    """One entry `user` may `action`; 404 when it is absent or somebody else's."""
    return get_object_or_404(informal_visible_to(user=user, action=action), pk=pk)


# Goals


def goals_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Goal]:
    return Goal.objects.filter(scope_q(user=user, kind=GOAL, action=action))


def goals_of_user(*, user: User | AnonymousUser) -> QuerySet[Goal]:
    """The user's own goals: open ones first (soonest target first), then the others."""
    if not user.is_authenticated:
        return Goal.objects.none()
    return (
        goals_visible_to(user=user)
        .filter(user=user)
        .annotate(closed=~Q(status=GoalStatus.OPEN))
        .order_by("closed", "target_date", "pk")
    )


def goal_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Goal:
    return get_object_or_404(goals_visible_to(user=user, action=action), pk=pk)


def goal_is_overdue(goal: Goal, *, today: date | None = None) -> bool:
    return goal.status == GoalStatus.OPEN and goal.target_date < (today or timezone.localdate())


# Saved resources


def saved_resources_of_user(*, user: User | AnonymousUser) -> QuerySet[SavedResource]:
    """The user's saved resources that they may still see (a resource unpublished or moved out
    of their union drops out of the list), most recently saved first."""
    if not user.is_authenticated:
        return SavedResource.objects.none()
    return (
        SavedResource.objects.filter(scope_q(user=user, kind=SAVED), user=user)
        .filter(resource__in=resources_visible_to(user=user).values("pk"))
        .select_related("resource")
        .order_by("-created_at", "-pk")
    )


def resource_is_saved(*, user: User | AnonymousUser, resource_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return SavedResource.objects.filter(user=user, resource_id=resource_id).exists()


# What I learned, from the LRS


@dataclass(frozen=True)
class LearnedActivity:
    """One activity of the person's record: its name in their language, verb, latest date."""

    activity_id: str
    name: str
    verb: str
    latest: datetime
    times: int
    from_platform: bool


def learned_activities(*, user: User | AnonymousUser) -> QuerySet[Any]:
    """The activities the user learned from (completed, passed, experienced, ... on the
    platform or any xAPI source with their account agent), grouped in SQL, newest first.
    Their own informal entries and goals are listed apart, so they are left out here."""
    return statements_activities_of_user(
        user=user, verb_ids=vocabulary.LEARNED_VERBS, exclude_prefix=space_activity_prefix()
    )


def learned_describe(
    *, user: User | AnonymousUser, rows: list[dict[str, Any]]
) -> list[LearnedActivity]:
    """Names for a page of `learned_activities` rows: one query for their latest statements."""
    statements = statements_by_ids(user=user, ids=[row["latest_pk"] for row in rows])
    site = site_url()
    described = []
    for row in rows:
        statement = statements.get(row["latest_pk"])
        data: dict[str, Any] = statement.data if statement is not None else {}
        target = data.get("object") or {}
        definition = target.get("definition") or {}
        verb = data.get("verb") or {}
        described.append(
            LearnedActivity(
                activity_id=row["activity_id"],
                name=language_map_pick(definition.get("name")) or row["activity_id"],
                verb=language_map_pick(verb.get("display")) or str(verb.get("id", "")),
                latest=row["latest"],
                times=row["times"],
                from_platform=row["activity_id"].startswith(site),
            )
        )
    return described


@dataclass(frozen=True)
class SpaceTotals:
    hours_this_year: Decimal
    hours_all: Decimal
    entries_this_year: int
    completed_this_year: int
    goals_open: int
    goals_achieved: int


def _start_of_year(today: date) -> datetime:
    return timezone.make_aware(datetime.combine(date(today.year, 1, 1), time.min))


def space_totals(*, user: User | AnonymousUser, today: date | None = None) -> SpaceTotals:
    """The space's figures, each aggregated in SQL (three queries whatever the history); the
    activities completed this year are counted distinct, without grouping them."""
    today = today or timezone.localdate()
    year_start = date(today.year, 1, 1)
    informal = (
        informal_of_user(user=user)
        .order_by()
        .aggregate(
            hours_all=Sum("hours"),
            hours_year=Sum("hours", filter=Q(learned_on__gte=year_start)),
            entries_year=Count("pk", filter=Q(learned_on__gte=year_start)),
        )
    )
    goals = (
        goals_of_user(user=user)
        .order_by()
        .aggregate(
            open=Count("pk", filter=Q(status=GoalStatus.OPEN)),
            achieved=Count("pk", filter=Q(status=GoalStatus.ACHIEVED)),
        )
    )
    completed = (
        statements_with_activity_of_user(
            user=user,
            verb_ids=vocabulary.LEARNED_VERBS,
            exclude_prefix=space_activity_prefix(),
            since=_start_of_year(today),
        ).aggregate(activities=Count("activity_id", distinct=True))["activities"]
        if user.is_authenticated
        else 0
    )
    return SpaceTotals(
        hours_this_year=informal["hours_year"] or Decimal(0),
        hours_all=informal["hours_all"] or Decimal(0),
        entries_this_year=informal["entries_year"],
        completed_this_year=completed + informal["entries_year"],
        goals_open=goals["open"],
        goals_achieved=goals["achieved"],
    )
