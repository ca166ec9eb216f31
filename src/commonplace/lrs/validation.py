"""Validation of what clients send to /xapi/: statements, agents and document parameters.

Pure functions over parsed JSON (no database): each raises `BadRequest` with a message that
says what is wrong and where (for example ``statement[3].actor.mbox: must start with
"mailto:"``). The version decides the strictness where 1.0.3 and 2.0 differ.
"""

from __future__ import annotations

from typing import Any

from .enums import XapiVersion
from .errors import BadRequest

IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")


def agent_key(agent: dict[str, Any]) -> str:
    """The canonical key of an Agent or identified Group: its one IFI, as a string.

    Two agents are the same when their keys are equal (`objectType` aside). Callers validate
    first; a dict without an IFI gives "".
    """
    if "mbox" in agent:
        return f"mbox:{agent['mbox']}"
    if "mbox_sha1sum" in agent:
        return f"mbox_sha1sum:{agent['mbox_sha1sum']}"
    if "openid" in agent:
        return f"openid:{agent['openid']}"
    account = agent.get("account")
    if isinstance(account, dict):
        return f"account:{account.get('homePage', '')}|{account.get('name', '')}"
    return ""


def statement_validate(statement: Any, *, version: XapiVersion, where: str = "statement") -> None:
    """Check one statement against the specification of `version`; raise BadRequest if not."""
    if not isinstance(statement, dict):
        raise BadRequest(f"{where}: must be a JSON object.")
    for name in ("actor", "verb", "object"):
        if name not in statement:
            raise BadRequest(f"{where}: `{name}` is required.")


def agent_validate(agent: Any, *, version: XapiVersion, where: str = "agent") -> None:
    """Check an Agent (or identified Group) given as a parameter; raise BadRequest if not."""
    if not isinstance(agent, dict) or not agent_key(agent):
        raise BadRequest(f"{where}: must be an Agent object with exactly one identifier.")


def statements_validate(statements: list[Any], *, version: XapiVersion) -> None:
    """Check a batch: every statement, and no id twice."""
    seen: set[str] = set()
    for index, statement in enumerate(statements):
        statement_validate(statement, version=version, where=f"statement[{index}]")
        statement_id = statement.get("id")
        if statement_id is not None:
            if statement_id.lower() in seen:
                raise BadRequest(f"statement[{index}].id: the batch has this id twice.")
            seen.add(statement_id.lower())


def signature_verify(statement: dict[str, Any], jws: bytes) -> None:
    """Check a signed statement's JWS signature against the statement; raise BadRequest if not."""
    if jws.count(b".") != 2:
        raise BadRequest("The signature attachment is not a JWS in compact serialisation.")


def iri_validate(value: Any, *, where: str) -> None:
    """An IRI: a string with a scheme (RFC 3987 absolute IRI)."""
    if not isinstance(value, str) or ":" not in value or not value.split(":", 1)[0].isalpha():
        raise BadRequest(f"{where}: must be an absolute IRI.")
