"""Reads behind the LRS pages for people: clients and statements scoped by the policy table,
the statements browser's filters, and plain-language summaries of statements.

A client belongs to its union (none: federation-wide); a statement belongs to the union of the
client that stored it (`lrs.statement` in `access.policy.KINDS`). Every list and every single
object here goes through `scope_q`, and a single object outside the scope is a 404.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import F, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from commonplace.access.selectors import account_by_email, scope_q, scope_unit_count
from commonplace.organisation.selectors import unions_active
from commonplace.people.selectors import people_visible_to

from ..models import LrsClient, Statement
from ..validation import agent_key
from .people import statements_actor_key_for_user, statements_user_pk_of_actor

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

AGENT_KEY_PREFIXES = ("mbox:", "mbox_sha1sum:", "openid:", "account:")
SHA1 = re.compile(r"^[0-9a-f]{40}$")


# Clients


def clients_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[LrsClient]:
    """The LRS clients `user` may `action`: active ones first, then by name."""
    return (
        LrsClient.objects.filter(scope_q(user=user, kind="lrs.client", action=action))
        .select_related("union")
        .order_by("-is_active", "name", "pk")
    )


def client_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> LrsClient:
    """The client, if `user` may `action` it; 404 otherwise (absent and not yours look alike)."""
    return get_object_or_404(clients_visible_to(user=user, action=action), pk=pk)


def unions_for_clients(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """The unions for which `user` may issue LRS clients."""
    return unions_active().filter(
        scope_q(user=user, kind="lrs.client", action="add", unit_path="path", owner="")
    )


def clients_may_be_federation_wide(*, user: User | AnonymousUser) -> bool:
    """Whether `user` may issue a client with no union (a federation-wide grant)."""
    return scope_unit_count(user=user, kind="lrs.client", action="add") is None


# Statements


def statements_visible_to(*, user: User | AnonymousUser) -> QuerySet[Statement]:
    """The statements `user` may read as staff, newest stored first."""
    return (
        Statement.objects.filter(scope_q(user=user, kind="lrs.statement"))
        .select_related("client")
        .order_by("-stored", "-id")
    )


def statement_get_visible(*, user: User | AnonymousUser, pk: int) -> Statement:
    """The statement, if `user` may read it as staff; 404 otherwise.

    It carries `union_id` (its client's union), so the audit row of opening it is the union's.
    """
    statements = statements_visible_to(user=user).annotate(union_id=F("client__union_id"))
    return get_object_or_404(statements, pk=pk)


def agent_keys_from_text(text: str) -> list[str]:
    """The `actor_key` values a person means by what they typed in the agent filter.

    An email address names the `mbox` agent and, when an account has that address, the
    platform's agent for the account; a 40-digit hexadecimal string an `mbox_sha1sum`; an
    http(s) address an `openid`; a JSON object its IFI; a stored key (`mbox:…`, `account:…`)
    itself. Anything else matches nothing.
    """
    text = text.strip()
    if not text:
        return []
    if text.startswith(AGENT_KEY_PREFIXES):
        return [text]
    if text.startswith("{"):
        try:
            agent = json.loads(text)
        except (ValueError, RecursionError):
            return []
        key = agent_key(agent) if isinstance(agent, dict) else ""
        return [key] if key else []
    if text.startswith("mailto:"):
        return [f"mbox:{text}"]
    if text.startswith(("http://", "https://")):
        return [f"openid:{text}"]
    if SHA1.match(text.lower()):
        return [f"mbox_sha1sum:{text.lower()}"]
    if "@" in text:
        keys = {f"mbox:mailto:{text}", f"mbox:mailto:{text.lower()}"}
        account = account_by_email(email=text)
        if account is not None:
            keys.add(statements_actor_key_for_user(account))  # type: ignore[arg-type]
        return sorted(keys)
    return []


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def statements_browse(
    *,
    user: User | AnonymousUser,
    agent: str = "",
    verb: str = "",
    activity: str = "",
    since: date | None = None,
    until: date | None = None,
    registration: uuid.UUID | None = None,
) -> QuerySet[Statement]:
    """Statements `user` may read, narrowed by the statements browser's filters.

    `agent` is read by `agent_keys_from_text` (a text that names no agent matches nothing);
    `verb` and `activity` are IRIs matched exactly; `since` and `until` are days (local time,
    both included) of the time the LRS stored the statement.
    """
    statements = statements_visible_to(user=user)
    if agent.strip():
        statements = statements.filter(actor_key__in=agent_keys_from_text(agent))
    if verb.strip():
        statements = statements.filter(verb_id=verb.strip())
    if activity.strip():
        statements = statements.filter(activity_id=activity.strip())
    if since is not None:
        statements = statements.filter(stored__gte=_start_of(since))
    if until is not None:
        statements = statements.filter(stored__lt=_start_of(until + timedelta(days=1)))
    if registration is not None:
        statements = statements.filter(registration=registration)
    return statements


# Summaries


def language_map_pick(value: Any, *, language: str | None = None) -> str:
    """The best entry of an xAPI language map for the page's language ("" when there is none).

    Order: the exact language, the same language in another region, British then any English,
    then the first entry.
    """
    if not isinstance(value, dict) or not value:
        return ""
    wanted = (language or get_language() or "en").lower()
    base = wanted.split("-")[0]
    entries = {str(tag).lower(): str(text) for tag, text in value.items()}
    for tag in (wanted, base):
        if tag in entries:
            return entries[tag]
    for preferred in (base, "en-gb", "en"):
        for tag, text in entries.items():
            if tag == preferred or tag.split("-")[0] == preferred:
                return text
    return next(iter(entries.values()))


def agent_label(agent: Any) -> str:
    """How a person reads an Agent or Group: its name, else its identifier."""
    if not isinstance(agent, dict):
        return ""
    if agent.get("name"):
        return str(agent["name"])
    if "mbox" in agent:
        return str(agent["mbox"]).removeprefix("mailto:")
    account = agent.get("account")
    if isinstance(account, dict):
        return _("%(name)s at %(home_page)s") % {
            "name": account.get("name", ""),
            "home_page": account.get("homePage", ""),
        }
    if "openid" in agent:
        return str(agent["openid"])
    if "mbox_sha1sum" in agent:
        return str(agent["mbox_sha1sum"])
    if agent.get("objectType") == "Group":
        return _("An unnamed group")
    return ""


def object_label(target: Any) -> str:
    """How a person reads a statement's object: an activity's name, an agent, a statement."""
    if not isinstance(target, dict):
        return ""
    kind = target.get("objectType", "Activity")
    if kind in ("Agent", "Group"):
        return agent_label(target)
    if kind == "StatementRef":
        return _("Statement %(id)s") % {"id": target.get("id", "")}
    if kind == "SubStatement":
        verb = target.get("verb", {})
        return _("A statement: %(actor)s %(verb)s %(object)s") % {
            "actor": agent_label(target.get("actor")),
            "verb": language_map_pick(verb.get("display")) or verb.get("id", ""),
            "object": object_label(target.get("object")),
        }
    definition = target.get("definition")
    name = language_map_pick(definition.get("name")) if isinstance(definition, dict) else ""
    return name or str(target.get("id", ""))


def result_lines(result: Any) -> list[str]:
    """The outcome of a statement, a line per fact (success, completion, score)."""
    if not isinstance(result, dict):
        return []
    lines = []
    if result.get("success") is True:
        lines.append(_("Successful"))
    elif result.get("success") is False:
        lines.append(_("Not successful"))
    if result.get("completion") is True:
        lines.append(_("Completed"))
    elif result.get("completion") is False:
        lines.append(_("Not completed"))
    score = result.get("score")
    if isinstance(score, dict):
        if isinstance(score.get("scaled"), int | float):
            lines.append(_("Score: %(percent)s%%") % {"percent": round(score["scaled"] * 100)})
        elif "raw" in score and "max" in score:
            lines.append(
                _("Score: %(raw)s out of %(max)s") % {"raw": score["raw"], "max": score["max"]}
            )
        elif "raw" in score:
            lines.append(_("Score: %(raw)s") % {"raw": score["raw"]})
    return lines


@dataclass(frozen=True)
class StatementSummary:
    """What a person reads of a statement: who did what to what, with what result, when."""

    statement: Statement
    actor: str
    verb: str
    verb_id: str
    target: str
    target_id: str
    result: list[str] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.statement.pk


def statement_summarise(statement: Statement) -> StatementSummary:
    """Read a stored statement for people, in the active language (no queries beyond the row)."""
    data: dict[str, Any] = statement.data if isinstance(statement.data, dict) else {}
    verb: dict[str, Any] = data["verb"] if isinstance(data.get("verb"), dict) else {}
    target: dict[str, Any] = data["object"] if isinstance(data.get("object"), dict) else {}
    return StatementSummary(
        statement=statement,
        actor=agent_label(data.get("actor")),
        verb=language_map_pick(verb.get("display")) or str(verb.get("id", "")),
        verb_id=str(verb.get("id", "")),
        target=object_label(target),
        target_id=str(target.get("id", "")),
        result=result_lines(data.get("result")),
    )


def statements_summarise(
    statements: list[Statement], *, viewer: User | AnonymousUser | None = None
) -> list[StatementSummary]:
    """Summaries of a page of statements. With `viewer`, a member's statement names the person
    (instead of their account on this site) when the viewer may see that person's profile
    under the policy table: one query for the page."""
    rows = [statement_summarise(statement) for statement in statements]
    if viewer is None:
        return rows
    account_of = {
        row.pk: statements_user_pk_of_actor(row.statement.data.get("actor"))
        for row in rows
        if isinstance(row.statement.data, dict)
    }
    accounts = {pk for pk in account_of.values() if pk is not None}
    if not accounts:
        return rows
    names = {
        person.account_id: person.display_name
        for person in people_visible_to(user=viewer).filter(account_id__in=accounts)
    }
    return [
        replace(row, actor=names[account_of[row.pk]]) if account_of.get(row.pk) in names else row
        for row in rows
    ]


def statement_as_json(statement: Statement) -> str:
    """The stored statement, indented for reading."""
    return json.dumps(statement.data, indent=2, ensure_ascii=False, sort_keys=False)


def statements_export(*, statements: QuerySet[Statement]) -> list[dict[str, Any]]:
    """The stored statements as an xAPI statements array (read in batches)."""
    return list(statements.values_list("data", flat=True).iterator(chunk_size=500))
