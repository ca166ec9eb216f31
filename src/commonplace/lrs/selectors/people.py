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
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import Min, QuerySet

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
