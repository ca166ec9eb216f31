"""Validation of what clients send to /xapi/: statements, agents and query parameters.

Pure functions over parsed JSON (no database): each raises `BadRequest` with a message that
says what is wrong and where (for example ``statement[3].actor.mbox: must be a "mailto:" IRI
with an email address.``). The version decides where 1.0.3 and 2.0 differ: 2.0 admits
contextAgents and contextGroups and "2.0.x" versions, and requires a time zone in timestamps.

The checks are hand-written over dicts with precompiled expressions, so a typical statement
costs microseconds (`bench/validation.py` prints the rate). Modules: `primitives` (IRIs, UUIDs,
language maps, timestamps, durations), `actors`, `activities`, `statements`, `signature`.
"""

from __future__ import annotations

from typing import Any

from ..enums import XapiVersion
from ..errors import BadRequest
from .actors import IFI_PROPERTIES, agent_check, agent_key, group_check
from .primitives import (
    MAX_JSON_DEPTH,
    iri_validate,
    irl_validate,
    json_storable_check,
    language_map_validate,
    timestamp_validate,
    uuid_validate,
)
from .signature import signature_verify
from .statements import SIGNATURE_USAGE, VOIDED, statement_check

__all__ = [
    "IFI_PROPERTIES",
    "MAX_JSON_DEPTH",
    "SIGNATURE_USAGE",
    "VOIDED",
    "agent_key",
    "agent_validate",
    "iri_validate",
    "irl_validate",
    "json_storable_check",
    "language_map_validate",
    "signature_verify",
    "statement_validate",
    "statements_validate",
    "timestamp_validate",
    "uuid_validate",
]


def statement_validate(statement: Any, *, version: XapiVersion, where: str = "statement") -> None:
    """Check one statement against the specification of `version`; raise BadRequest if not."""
    statement_check(statement, where, version is XapiVersion.V2_0_0)


def statements_validate(statements: list[Any], *, version: XapiVersion) -> None:
    """Check a batch: every statement (named `statement[i]`) and no `id` given twice.

    Raises: BadRequest for JSON the store cannot keep, the first bad statement or repeated id.
    """
    if type(statements) is not list:
        raise BadRequest("statements: must be an array of statements.")
    # Before anything walks the statements; the array itself is one level above them.
    json_storable_check(statements, "statements", limit=MAX_JSON_DEPTH + 1)
    v2 = version is XapiVersion.V2_0_0
    seen: dict[str, int] = {}
    for index, statement in enumerate(statements):
        where = f"statement[{index}]"
        statement_check(statement, where, v2)
        statement_id = statement.get("id")
        if statement_id is not None:
            key = statement_id.lower()
            if key in seen:
                raise BadRequest(
                    f"{where}.id: repeats the id of statement[{seen[key]}] in the same batch."
                )
            seen[key] = index


def agent_validate(agent: Any, *, version: XapiVersion, where: str = "agent") -> None:
    """Check an Agent or identified Group given as a parameter (`agent` of GET /statements).

    Raises: BadRequest unless it is an Agent, or a Group with exactly one identifier.
    """
    if type(agent) is dict and agent.get("objectType") == "Group":
        group_check(agent, where, identified=True)
    else:
        agent_check(agent, where)
