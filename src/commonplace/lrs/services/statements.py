"""Storing xAPI statements: the one ingest path, for HTTP clients and the platform alike.

`statements_store` validates a batch, completes each statement (`id`, `stored`, `timestamp`,
`authority`, `version`), applies the conflict and voiding rules and writes every row of the
batch with one `executemany` in one transaction. It never upserts shared rows (no verb, agent
or activity tables), so concurrent batches cannot deadlock; the Activities resource reads
definitions from the statements themselves.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson
from django.conf import settings
from django.db import DataError, IntegrityError, connection, transaction
from django.dispatch import Signal

from commonplace.people.selectors import union_of_account

from ..enums import XapiVersion
from ..errors import BadRequest, Conflict
from ..models import Attachment, Statement
from ..multipart import AttachmentPart
from ..selectors.people import statements_user_pk_of_actor
from ..validation import (
    SIGNATURE_USAGE,
    VOIDED,
    agent_key,
    signature_verify,
    statements_validate,
)
from ..vocabulary import Verb
from .clients import lrs_platform_client

if TYPE_CHECKING:
    from ..models import LrsClient

# Sent inside the store's transaction once statements are written, with `statements`: the
# list stored (dicts, completed with id, stored, authority); a failing receiver rolls the
# statements back. Receivers must be cheap: every request an HTTP client posts passes through
# them. Pathway progress listens. Every path that writes statements sends it.
statements_stored = Signal()

# Properties the LRS sets; two statements that differ only in these are the same statement.
LRS_SET = ("stored", "authority", "version", "id")
STATEMENT_VERSION = {XapiVersion.V1_0_3: "1.0.0", XapiVersion.V2_0_0: "2.0.0"}
COLUMNS = (
    "statement_id",
    "stored",
    "timestamp",
    "actor_key",
    "verb_id",
    "activity_id",
    "registration",
    "target_statement_id",
    "is_voiding",
    "voided",
    "keys",
    "client_id",
    "version",
    "data",
    "object_agent_key",
)


def platform_authority() -> dict[str, Any]:
    """The authority of statements the platform records itself."""
    return {
        "objectType": "Agent",
        "name": "Commonplace",
        "account": {"homePage": settings.SITE_URL, "name": "commonplace"},
    }


def _agent_keys(agent: Any, prefix: str, into: set[str]) -> None:
    """Add the keys of an Agent or Group (and a Group's members) under `prefix`."""
    if not isinstance(agent, dict):
        return
    key = agent_key(agent)
    if key:
        into.add(prefix + key)
    for member in agent.get("member") or ():
        if isinstance(member, dict) and (member_key := agent_key(member)):
            into.add("r:" + member_key)


def _context_keys(context: Any, keys: set[str]) -> None:
    if not isinstance(context, dict):
        return
    _agent_keys(context.get("instructor"), "r:", keys)
    _agent_keys(context.get("team"), "r:", keys)
    for item in context.get("contextAgents") or ():
        _agent_keys(item.get("agent"), "r:", keys)
    for item in context.get("contextGroups") or ():
        _agent_keys(item.get("group"), "r:", keys)
    for activities in (context.get("contextActivities") or {}).values():
        for activity in activities if isinstance(activities, list) else [activities]:
            keys.add("x:" + activity["id"])


def statement_keys(statement: Mapping[str, Any]) -> list[str]:
    """The keys of the "related" filters: `r:` any agent but the actor and the object (which
    have their own columns), `x:` any activity (object, context, sub-statement)."""
    keys: set[str] = set()
    _agent_keys(statement.get("actor"), "r:", keys)  # members; the actor has its own column
    keys.discard("r:" + agent_key(statement["actor"]))
    _agent_keys(statement.get("authority"), "r:", keys)
    obj = statement["object"]
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        keys.add("x:" + obj["id"])
    elif kind in ("Agent", "Group"):
        _agent_keys(obj, "r:", keys)  # its members; the object's own key has its column
        keys.discard("r:" + agent_key(obj))
    elif kind == "SubStatement":
        _agent_keys(obj.get("actor"), "r:", keys)
        sub_object = obj["object"]
        sub_kind = sub_object.get("objectType", "Activity")
        if sub_kind == "Activity":
            keys.add("x:" + sub_object["id"])
        elif sub_kind in ("Agent", "Group"):
            _agent_keys(sub_object, "r:", keys)
        _context_keys(obj.get("context"), keys)
    _context_keys(statement.get("context"), keys)
    return sorted(keys)


def _parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _same_statement(stored: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Are these the same statement, ignoring what the LRS set (xAPI "Statement Comparison")?"""
    ignore = set(LRS_SET)
    if "timestamp" not in new:
        ignore.add("timestamp")
    return {k: v for k, v in stored.items() if k not in ignore} == {
        k: v for k, v in new.items() if k not in ignore
    }


def _check_attachments(
    statements: list[dict[str, Any]], parts: Mapping[str, AttachmentPart]
) -> dict[str, AttachmentPart]:
    """Every attachment without a fileUrl needs its part; every part needs its attachment."""
    needed: dict[str, AttachmentPart] = {}
    for index, statement in enumerate(statements):
        for attachment in statement.get("attachments") or ():
            sha2 = attachment["sha2"].lower()
            part = parts.get(sha2)
            if part is None:
                if attachment["usageType"] == SIGNATURE_USAGE:
                    raise BadRequest(f"statement[{index}]: the signature's part is missing.")
                if "fileUrl" not in attachment:
                    raise BadRequest(
                        f"statement[{index}].attachments: no part of the request carries the "
                        f"content with sha2 {sha2}, and the attachment has no fileUrl."
                    )
                continue
            if attachment["usageType"] == SIGNATURE_USAGE:
                if part.content_type != "application/octet-stream":
                    raise BadRequest(
                        f"statement[{index}]: a signature attachment must have the content "
                        "type application/octet-stream."
                    )
                signature_verify(statement, part.content)
            needed[sha2] = part
    extra = set(parts) - set(needed)
    if extra:
        raise BadRequest(f"Parts with no matching attachment in the statements: {sorted(extra)}.")
    return needed


def _complete(
    statement: dict[str, Any],
    *,
    stored: str,
    authority: dict[str, Any],
    version: XapiVersion,
) -> dict[str, Any]:
    statement.setdefault("id", str(uuid.uuid4()))
    statement["id"] = statement["id"].lower()
    statement["stored"] = stored
    statement.setdefault("timestamp", stored)
    statement["authority"] = authority
    statement.setdefault("version", STATEMENT_VERSION[version])
    return statement


def _context_activities_as_lists(context: Any) -> None:
    """1.0.3 lets a context activity be a single object; it is stored (and returned) as a list."""
    if isinstance(context, dict) and isinstance(context.get("contextActivities"), dict):
        activities = context["contextActivities"]
        for kind, value in activities.items():
            if isinstance(value, dict):
                activities[kind] = [value]


UUID_COLUMNS = ("statement_id", "registration", "target_statement_id")
TIME_COLUMNS = ("stored", "timestamp")
JSON_COLUMNS = ("keys", "data")


def _row(statement: dict[str, Any], *, stored: datetime, client_id: int | None) -> dict[str, Any]:
    """The lrs_statement row of a completed statement, by column."""
    obj = statement["object"]
    kind = obj.get("objectType", "Activity")
    context = statement.get("context") or {}
    is_statement_ref = kind == "StatementRef"
    return {
        "statement_id": statement["id"],
        "stored": stored,
        "timestamp": _parse_time(statement["timestamp"]),
        "actor_key": agent_key(statement["actor"]) or "anonymous-group",
        "verb_id": statement["verb"]["id"],
        "activity_id": obj["id"] if kind == "Activity" else "",
        "registration": context.get("registration"),
        "target_statement_id": obj["id"].lower() if is_statement_ref else None,
        "is_voiding": is_statement_ref and statement["verb"]["id"] == VOIDED,
        "voided": False,
        "keys": statement_keys(statement),
        "client_id": client_id,
        "version": statement["version"],
        "data": statement,
        "object_agent_key": agent_key(obj) if kind in ("Agent", "Group") else "",
    }


def _db_value(column: str, value: Any, *, postgres: bool) -> Any:
    """A row value as the raw INSERT takes it (Django's field conversions, by hand)."""
    if column in JSON_COLUMNS:
        return orjson.dumps(value).decode()
    if postgres or value is None:
        return value
    if column in UUID_COLUMNS:  # SQLite keeps UUIDs as 32 hex digits, as Django does
        return uuid.UUID(value).hex
    if column in TIME_COLUMNS:
        return connection.ops.adapt_datetimefield_value(value)
    return value


def _insert_sql(*, postgres: bool) -> str:
    cast = "::jsonb" if postgres else ""
    placeholders = ", ".join(f"%s{cast}" if c in JSON_COLUMNS else "%s" for c in COLUMNS)
    return f"INSERT INTO lrs_statement ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608


COPY_SQL = f"COPY lrs_statement ({', '.join(COLUMNS)}) FROM STDIN"


def _insert(rows: list[dict[str, Any]], *, unless_stored: bool = False) -> bool:
    """Write the rows: on PostgreSQL several rows with COPY, else with one `executemany`. With
    `unless_stored` (one row), skip a row whose id is stored; True when it was written."""
    postgres = connection.vendor == "postgresql"
    sql = _insert_sql(postgres=postgres)
    params = [[_db_value(c, row[c], postgres=postgres) for c in COLUMNS] for row in rows]
    try:
        with connection.cursor() as cursor:
            if postgres and len(params) > 1:
                # COPY costs PostgreSQL a third less than INSERTs of the same rows; a stored id
                # still fails the unique index. psycopg's errors become Django's here too.
                with connection.wrap_database_errors, cursor.copy(COPY_SQL) as copy:
                    for values in params:
                        copy.write_row(values)
                return True
            if unless_stored:
                cursor.execute(
                    f"{sql} ON CONFLICT (statement_id) DO NOTHING RETURNING id", params[0]
                )
                return cursor.fetchone() is not None
            if len(params) == 1:
                cursor.execute(sql, params[0])  # one statement: no pipeline round trips
            else:
                cursor.executemany(sql, params)
            return True
    except IntegrityError as error:  # the same id stored concurrently
        raise Conflict("A statement with one of these ids was stored meanwhile.") from error
    except DataError as error:
        raise BadRequest(f"A value is too long to store: {error}") from error


def _void_targets(statements: Iterable[dict[str, Any]], *, batch_ids: set[str]) -> None:
    """Mark the targets of voiding statements voided; a voiding statement cannot be voided."""
    targets = {
        s["object"]["id"].lower()
        for s in statements
        if s["verb"]["id"] == VOIDED and s["object"].get("objectType") == "StatementRef"
    }
    if not targets:
        return
    if targets & batch_ids:
        raise BadRequest("A statement cannot void another statement of the same request.")
    voiding = Statement.objects.filter(statement_id__in=targets, is_voiding=True)
    if voiding.exists():
        raise BadRequest("A voiding statement cannot be voided.")
    Statement.objects.filter(statement_id__in=targets).update(voided=True)


def _not_yet_stored(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The statements to store: those with a stored id are skipped when the same, else 409."""
    given_ids = [s["id"].lower() for s in statements if "id" in s]
    if not given_ids:
        return statements
    existing = {
        str(statement_id): data
        for statement_id, data in Statement.objects.filter(statement_id__in=given_ids).values_list(
            "statement_id", "data"
        )
    }
    fresh = []
    for statement in statements:
        previous = existing.get(statement.get("id", "").lower())
        if previous is None:
            fresh.append(statement)
        elif not _same_statement(previous, statement):
            raise Conflict(
                f"A different statement with the id {statement['id']} is already stored."
            )
    return fresh


def _rows(
    statements: list[dict[str, Any]], *, stored: datetime, client: LrsClient | None
) -> list[dict[str, Any]]:
    client_id = client.pk if client is not None else None
    try:
        return [_row(s, stored=stored, client_id=client_id) for s in statements]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # Validation should have caught it; a client still gets a reason, never a 500.
        raise BadRequest(f"A statement could not be read: {error!r}.") from error


def _write_attachments(attachments: Mapping[str, AttachmentPart]) -> None:
    if attachments:
        Attachment.objects.bulk_create(
            [
                Attachment(sha2=sha2, content_type=part.content_type, content=part.content)
                for sha2, part in attachments.items()
            ],
            ignore_conflicts=True,
        )


def _store_one(
    statement: dict[str, Any], *, stored_at: datetime, client: LrsClient | None, **complete: Any
) -> None:
    """The common case, one plain statement: an INSERT that skips a stored id, and the
    `statements_stored` receivers, in one transaction; only when the id was already stored is
    the stored statement read and compared (nothing was written)."""
    sent = dict(statement)  # as the client sent it, before the LRS completes it
    row = _rows([_complete(statement, **complete)], stored=stored_at, client=client)[0]
    with transaction.atomic():  # the receivers' writes stand or fall with the statement
        if _insert([row], unless_stored=True):
            statements_stored.send(sender=Statement, statements=[row["data"]])
            return
    if "id" not in sent:
        return
    previous = Statement.objects.filter(statement_id=row["statement_id"]).values_list(
        "data", flat=True
    )
    if not _same_statement(previous[0], sent):
        raise Conflict(f"A different statement with the id {sent['id']} is already stored.")


def statements_store(
    statements: list[Any],
    *,
    client: LrsClient | None,
    version: XapiVersion,
    parts: Mapping[str, AttachmentPart] | None = None,
    authority: dict[str, Any] | None = None,
) -> list[str]:
    """Validate and store a batch in one transaction; return the statement ids in order.
    The authority is the client's (the platform's without a client) unless `authority` is given.

    Statements whose id is already stored with the same content are not stored again (their
    id is returned); a different statement with a stored id raises Conflict and stores
    nothing. Raises BadRequest for any invalid statement: nothing of the batch is stored.
    """
    statements_validate(statements, version=version)
    for statement in statements:
        _context_activities_as_lists(statement.get("context"))
        if statement["object"].get("objectType") == "SubStatement":
            _context_activities_as_lists(statement["object"].get("context"))
    attachments = _check_attachments(statements, parts or {})
    now = datetime.now(UTC)
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)  # as precise as `stored`
    stored = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if authority is None:
        authority = client.authority() if client is not None else platform_authority()
    complete = {"stored": stored, "authority": authority, "version": version}
    if len(statements) == 1 and not attachments and statements[0]["verb"]["id"] != VOIDED:
        _store_one(statements[0], stored_at=now, client=client, **complete)
        return [statements[0]["id"]]
    for statement in statements:  # ids first, so a second attempt keeps them
        statement["id"] = statement.get("id", str(uuid.uuid4())).lower()
    sent = [dict(statement) for statement in statements]  # as sent, before they are completed
    with transaction.atomic():
        try:
            # Nearly always no id is stored yet: write them all, with no look-up first.
            with transaction.atomic():
                fresh = _write_new(statements, now=now, complete=complete, client=client)
        except Conflict:  # an id is stored: leave out those stored with the same content
            fresh = _write_new(_not_yet_stored(sent), now=now, complete=complete, client=client)
        if fresh:
            _write_attachments(attachments)
            statements_stored.send(sender=Statement, statements=fresh)
    return [s["id"] for s in statements]


def _write_new(
    statements: list[dict[str, Any]],
    *,
    now: datetime,
    complete: dict[str, Any],
    client: LrsClient | None,
) -> list[dict[str, Any]]:
    """Complete the statements, void their targets and write their rows; return them."""
    fresh = [_complete(statement, **complete) for statement in statements]
    if fresh:
        _void_targets(fresh, batch_ids={s["id"] for s in fresh})
        _insert(_rows(fresh, stored=now, client=client))
    return fresh


def statement_record(
    *,
    actor: dict[str, Any],
    verb: Verb,
    activity_id: str,
    activity_type: str,
    activity_name: dict[str, str],
    result: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
    definition: dict[str, Any] | None = None,
    timestamp: str | None = None,
) -> str:
    """Record one statement from the platform itself: in-process, through the same checks and
    store as HTTP clients, with the platform as authority. Features use `lrs.vocabulary`.
    `definition` adds to the activity's definition (an interaction's `interactionType`,
    `correctResponsesPattern` and components); `timestamp` (ISO 8601) says when the learning
    happened when that is not now (informal learning logged afterwards). Returns the id."""
    statement: dict[str, Any] = {
        "actor": actor,
        "verb": {"id": verb.iri, "display": verb.display},
        "object": {
            "objectType": "Activity",
            "id": activity_id,
            "definition": {**(definition or {}), "type": activity_type, "name": activity_name},
        },
    }
    if result:
        statement["result"] = result
    if context:
        statement["context"] = context
    if timestamp:
        statement["timestamp"] = timestamp
    return _store_as_platform(statement)


def statement_void(*, actor: dict[str, Any], statement_id: str) -> str:
    """Void a statement the platform recorded for `actor` (e.g. a deleted informal learning
    entry): stores the xAPI voiding statement (verb `voided`, object a StatementRef), which
    marks the target voided. Returns the voiding statement's id.

    Raises BadRequest when the target is itself a voiding statement.
    """
    statement: dict[str, Any] = {
        "actor": actor,
        "verb": {"id": VOIDED, "display": {"en": "voided", "cy": "dirymwyd"}},
        "object": {"objectType": "StatementRef", "id": str(statement_id).lower()},
    }
    return _store_as_platform(statement)


def _store_as_platform(statement: dict[str, Any]) -> str:
    """Store a statement of the platform's own, under the platform client of the union of the
    member it is about (so that union's staff see it); with the platform as authority."""
    return statements_store(
        [statement],
        client=_platform_client_of(statement["actor"]),
        version=XapiVersion.V2_0_0,
        authority=platform_authority(),
    )[0]


def _platform_client_of(actor: Any) -> LrsClient | None:
    """The platform client of the union of the person `actor` stands for (None for an agent
    that is not an account on this site, or an account without a person)."""
    user_pk = statements_user_pk_of_actor(actor)
    union = union_of_account(account_id=user_pk) if user_pk is not None else None
    return lrs_platform_client(union=union) if union is not None else None
