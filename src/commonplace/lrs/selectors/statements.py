"""Reading xAPI statements: one by id, or a filtered, paged query.

Every filter maps to an indexed column (see models.statements), pages are ordered by
(`stored`, `id`) and continue from the last row seen, so a `more` link stays stable while new
statements arrive. Statements that target a matching statement through a StatementRef match
too (xAPI "Filter Conditions for StatementRefs"); they are read by a second small query over
the targeting statements only and merged in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson
from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast

from ..formats import LANGUAGE_MAPS
from ..models import Attachment, Statement
from ..validation import agent_key

if TYPE_CHECKING:
    from ..models import LrsClient


@dataclass(frozen=True)
class StoredStatement:
    """A statement as read for the xAPI interface: its JSON text, never decoded unless asked."""

    id: int
    stored: datetime
    raw: str

    @property
    def data(self) -> dict[str, Any]:
        return orjson.loads(self.raw)  # type: ignore[no-any-return]


def _raw(rows: QuerySet[Statement]) -> list[StoredStatement]:
    """The rows' JSON as text (PostgreSQL: jsonb::text), so a page is not decoded and encoded."""
    return [
        StoredStatement(pk, stored, raw)
        for pk, stored, raw in rows.annotate(raw=Cast("data", TextField())).values_list(
            "id", "stored", "raw"
        )
    ]


@dataclass
class StatementQuery:
    """The filters of GET /xapi/statements, already validated."""

    agent: dict[str, Any] | None = None
    verb: str | None = None
    activity: str | None = None
    registration: str | None = None
    related_activities: bool = False
    related_agents: bool = False
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 0
    ascending: bool = False
    client: LrsClient | None = None  # statements/read/mine: only this client's statements
    after: tuple[datetime, int] | None = None  # the last row of the previous page
    extra: dict[str, Any] = field(default_factory=dict)


def _match_q(query: StatementQuery) -> Q:
    """The non-time filters, as a Q (empty when there are none)."""
    q = Q()
    if query.agent is not None:
        key = agent_key(query.agent)
        agent_q = Q(actor_key=key) | Q(object_agent_key=key)
        if query.related_agents:
            agent_q |= Q(keys__has="r:" + key)
        q &= agent_q
    if query.verb is not None:
        q &= Q(verb_id=query.verb)
    if query.activity is not None:
        activity_q = Q(activity_id=query.activity)
        if query.related_activities:
            activity_q |= Q(keys__has="x:" + query.activity)
        q &= activity_q
    if query.registration is not None:
        q &= Q(registration=query.registration)
    return q


def _page_q(query: StatementQuery) -> Q:
    """Time bounds, the client restriction and the page position (these never follow refs)."""
    q = Q(voided=False)
    if query.since is not None:
        q &= Q(stored__gt=query.since)
    if query.until is not None:
        q &= Q(stored__lte=query.until)
    if query.client is not None:
        q &= Q(client=query.client)
    if query.after is not None:
        stored, pk = query.after
        if query.ascending:
            q &= Q(stored__gt=stored) | Q(stored=stored, id__gt=pk)
        else:
            q &= Q(stored__lt=stored) | Q(stored=stored, id__lt=pk)
    return q


def _ordered(rows: QuerySet[Statement], ascending: bool) -> QuerySet[Statement]:
    return rows.order_by("stored", "id") if ascending else rows.order_by("-stored", "-id")


def _alternatives(query: StatementQuery, match: Q) -> list[Q]:
    """The match as a union of filters each served by one ordered index: the `agent` filter is
    "actor is K" or "object is K" (or, with related_agents, "K anywhere"), and an OR of two
    indexes would make PostgreSQL read and sort every statement of the agent."""
    if query.agent is None:
        return [match]
    key = agent_key(query.agent)
    rest = _match_q(replace(query, agent=None))
    alternatives = [Q(actor_key=key), Q(object_agent_key=key)]
    if query.related_agents:
        alternatives.append(Q(keys__has="r:" + key))
    return [rest & alternative for alternative in alternatives]


def _merged(pages: list[list[StoredStatement]], ascending: bool) -> list[StoredStatement]:
    """Several ordered pages as one, in (stored, id) order, each statement once."""
    if len(pages) == 1:
        return pages[0]
    unique = {row.id: row for page in pages for row in page}
    return sorted(unique.values(), key=lambda r: (r.stored, r.id), reverse=not ascending)


def statements_query(
    query: StatementQuery, *, page_size: int
) -> tuple[list[StoredStatement], bool]:
    """One page of matching statements, and whether there are more.

    Each alternative reads at most one page past the cursor, so the merged page is exact.
    """
    size = min(query.limit or page_size, page_size)
    match = _match_q(query)
    page = _page_q(query)
    pages = [
        _raw(_ordered(Statement.objects.filter(alternative, page), query.ascending)[: size + 1])
        for alternative in _alternatives(query, match)
    ]
    if match:
        # Statements targeting a statement that matches (StatementRefs, voiding included).
        targeted = Statement.objects.filter(match, statement_id=OuterRef("target_statement_id"))
        pages.append(
            _raw(
                _ordered(
                    Statement.objects.filter(page, target_statement_id__isnull=False).filter(
                        Exists(targeted)
                    ),
                    query.ascending,
                )[: size + 1]
            )
        )
    rows = _merged([p for p in pages if p] or [[]], query.ascending)
    return rows[:size], len(rows) > size


def statement_get(
    statement_id: str, *, voided: bool, client: LrsClient | None = None
) -> StoredStatement | None:
    """The statement with this id: `voided=False` for statementId, True for voidedStatementId."""
    rows = Statement.objects.filter(statement_id=statement_id, voided=voided)
    if client is not None:
        rows = rows.filter(client=client)
    found = _raw(rows[:1])
    return found[0] if found else None


def attachments_for(statements: Iterable[dict[str, Any]]) -> list[Attachment]:
    """The stored contents of the attachments these statements cite."""
    hashes = {a["sha2"] for s in statements for a in s.get("attachments") or ()}
    return list(Attachment.objects.filter(sha2__in=hashes)) if hashes else []


DEFINITION_SOURCES = 200  # the most recent statements about an activity read for its definition


def activity_definition(activity_id: str) -> dict[str, Any] | None:
    """The canonical definition of an Activity: the definitions of the recent statements about
    it, merged from oldest to newest, language maps merged language by language (so a later
    statement adding a Welsh name keeps the English one)."""
    recent = list(
        Statement.objects.filter(activity_id=activity_id)
        .order_by("-stored", "-id")
        .values_list("data", flat=True)[:DEFINITION_SOURCES]
    )
    merged: dict[str, Any] = {}
    for data in reversed(recent):
        definition = data["object"].get("definition")
        if not isinstance(definition, dict):
            continue
        for key, value in definition.items():
            if key in LANGUAGE_MAPS and isinstance(value, dict):
                merged[key] = {**merged.get(key, {}), **value}
            else:
                merged[key] = value
    return merged or None
