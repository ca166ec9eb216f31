"""Statements about a person who has an account: how the platform names them, and their own.

The platform records a signed-in user as the xAPI Agent identified by an `account` on this
site (`homePage` is `settings.SITE_URL`, `name` the account's primary key as a string). The
statements ingest and the in-process API use `statements_actor_for_user` to write that agent,
and "My learning record" reads statements whose actor is exactly that agent. Changing
`SITE_URL` therefore changes every user's agent: it is set once per installation.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Max, Min, QuerySet

from ..models import Statement
from ..validation import agent_key

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User


def statements_actor_for_user(user: User) -> dict[str, object]:
    """The xAPI Agent that stands for `user` in statements the platform stores."""
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(user.pk)},
    }


def statements_user_pk_of_actor(actor: object) -> int | None:
    """The primary key of the account whose platform agent `actor` is, or None.

    Pure (no query): the agent must name an `account` on this site (`homePage` is
    `settings.SITE_URL`) by a whole number, as `statements_actor_for_user` writes it.
    """
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        return None
    account = actor.get("account")
    if not isinstance(account, dict) or account.get("homePage") != settings.SITE_URL:
        return None
    name = account.get("name")
    if not isinstance(name, str) or not (name.isascii() and name.isdigit()):
        return None
    return int(name)


def statements_actor_key_for_user(user: User) -> str:
    """The `actor_key` column value of statements whose actor is `user`'s agent."""
    return agent_key(statements_actor_for_user(user))


def statements_of_user(*, user: User | AnonymousUser) -> QuerySet[Statement]:
    """The statements whose actor is the signed-in user's own agent, newest first.

    Voided statements and the statements that void others are left out: they are not part of
    the record any more. Nobody else's statements can appear (the actor is matched exactly),
    and an anonymous visitor has none.
    """
    if not user.is_authenticated:
        return Statement.objects.none()
    return (
        Statement.objects.filter(
            actor_key=statements_actor_key_for_user(user),  # type: ignore[arg-type]
            voided=False,
            is_voiding=False,
        )
        .select_related("client")
        .order_by("-stored", "-id")
    )


def statements_with_activity_of_user(
    *,
    user: User | AnonymousUser,
    verb_ids: Iterable[str],
    exclude_prefix: str = "",
    since: datetime | None = None,
) -> QuerySet[Statement]:
    """The user's own statements with one of `verb_ids` about an activity, read through the
    actor index. `exclude_prefix` leaves out activities whose IRI starts with it (a feature's
    own entries); `since` keeps only statements stored from then on."""
    mine = statements_of_user(user=user).filter(verb_id__in=list(verb_ids)).exclude(activity_id="")
    if exclude_prefix:
        mine = mine.exclude(activity_id__startswith=exclude_prefix)
    if since is not None:
        mine = mine.filter(stored__gte=since)
    return mine.order_by()


def statements_activities_of_user(
    *,
    user: User | AnonymousUser,
    verb_ids: Iterable[str],
    exclude_prefix: str = "",
    since: datetime | None = None,
) -> QuerySet[Statement, dict[str, Any]]:
    """`statements_with_activity_of_user` grouped in SQL: one row per activity (`activity_id`,
    `latest` stored time, `times`, `latest_pk`: the row stored last for it, to read its name
    from), the most recent first. One aggregate over the person's rows, with no per-activity
    subquery.
    """
    return (
        statements_with_activity_of_user(
            user=user, verb_ids=verb_ids, exclude_prefix=exclude_prefix, since=since
        )
        .values("activity_id")
        .annotate(latest=Max("stored"), times=Count("id"), latest_pk=Max("id"))
        .order_by("-latest", "activity_id")
    )


def statements_by_ids(*, user: User | AnonymousUser, ids: Iterable[int]) -> dict[int, Statement]:
    """The user's own statements with these primary keys (one query), by key."""
    return statements_of_user(user=user).in_bulk(list(ids))  # type: ignore[return-value]


def statements_first_timestamps(*, users: Iterable[User]) -> dict[int, datetime]:
    """The timestamp of each user's first (not voided) statement, by user id, in one query.

    For "joined after learning" (`reps.selectors`): users with no statement are left out.
    """
    keys = {statements_actor_key_for_user(user): user.pk for user in users}
    if not keys:
        return {}
    rows = (
        Statement.objects.filter(actor_key__in=list(keys), voided=False, is_voiding=False)
        .values("actor_key")
        .annotate(first=Min("timestamp"))
    )
    return {keys[row["actor_key"]]: row["first"] for row in rows}
