"""Checks of Agents, Groups and the authority (xAPI Data 2.4.2, 2.4.9)."""

from __future__ import annotations

from typing import Any, Final

from ..errors import BadRequest
from .primitives import (
    fail,
    iri_validate,
    irl_validate,
    mbox_validate,
    object_check,
    sha1_validate,
    string_check,
)

IFI_PROPERTIES: Final = ("mbox", "mbox_sha1sum", "openid", "account")
_AGENT_KEYS: Final = frozenset({"objectType", "name", *IFI_PROPERTIES})
_GROUP_KEYS: Final = _AGENT_KEYS | {"member"}
_ACCOUNT_KEYS: Final = frozenset({"homePage", "name"})


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


def _ifi_check(value: dict[str, Any], where: str) -> int:
    """Check the IFIs present in `value`; return how many there are."""
    count = 0
    if "mbox" in value:
        mbox_validate(value["mbox"], f"{where}.mbox")
        count += 1
    if "mbox_sha1sum" in value:
        sha1_validate(value["mbox_sha1sum"], f"{where}.mbox_sha1sum")
        count += 1
    if "openid" in value:
        iri_validate(value["openid"], f"{where}.openid")
        count += 1
    if "account" in value:
        account = value["account"]
        object_check(account, f"{where}.account", _ACCOUNT_KEYS, "an Account")
        if "homePage" not in account:
            raise BadRequest(f"{where}.account.homePage: is required.")
        if "name" not in account:
            raise BadRequest(f"{where}.account.name: is required.")
        irl_validate(account["homePage"], f"{where}.account.homePage")
        string_check(account["name"], f"{where}.account.name")
        count += 1
    return count


def agent_check(value: Any, where: str) -> None:
    """`value` is an Agent: optional objectType "Agent", optional name, exactly one IFI."""
    object_check(value, where, _AGENT_KEYS, "an Agent")
    if "objectType" in value and value["objectType"] != "Agent":
        raise BadRequest(f'{where}.objectType: must be "Agent".')
    if "name" in value:
        string_check(value["name"], f"{where}.name")
    count = _ifi_check(value, where)
    if count != 1:
        raise BadRequest(
            f"{where}: an Agent must have exactly one of mbox, mbox_sha1sum, openid, account"
            f" (it has {count})."
        )


def group_check(value: Any, where: str, *, identified: bool | None = None) -> int:
    """`value` is a Group: objectType "Group", at most one IFI, `member` a list of Agents.

    An anonymous Group (no IFI) must list its members. `identified` True or False demands that
    kind. Returns the number of members.
    """
    object_check(value, where, _GROUP_KEYS, "a Group")
    if value.get("objectType") != "Group":
        raise BadRequest(f'{where}.objectType: must be "Group".')
    if "name" in value:
        string_check(value["name"], f"{where}.name")
    count = _ifi_check(value, where)
    if count > 1:
        raise BadRequest(
            f"{where}: a Group may have at most one of mbox, mbox_sha1sum, openid, account"
            f" (it has {count})."
        )
    if identified is True and count == 0:
        raise BadRequest(f"{where}: must be an identified Group (with an mbox, mbox_sha1sum, …).")
    if identified is False and count == 1:
        raise BadRequest(f"{where}: must be an anonymous Group (no mbox, mbox_sha1sum, …).")
    return _members_check(value, where, anonymous=count == 0)


def _members_check(value: dict[str, Any], where: str, *, anonymous: bool) -> int:
    """A Group's `member`: a list of Agents, required (and not empty) in an anonymous Group."""
    if "member" not in value:
        if anonymous:
            raise BadRequest(f"{where}.member: is required in an anonymous Group.")
        return 0
    members = value["member"]
    if type(members) is not list:
        raise fail(f"{where}.member", "an array of Agents", members)
    if anonymous and not members:
        raise BadRequest(f"{where}.member: an anonymous Group needs at least one member.")
    for index, member in enumerate(members):
        agent_check(member, f"{where}.member[{index}]")
    return len(members)


def actor_check(value: Any, where: str) -> None:
    """`value` is an Agent or a Group (the actor, instructor, an object that is an actor)."""
    if type(value) is dict and value.get("objectType") == "Group":
        group_check(value, where)
    else:
        agent_check(value, where)


def authority_check(value: Any, where: str) -> None:
    """`value` is an Agent, or an anonymous Group of exactly two Agents (3-legged OAuth)."""
    if type(value) is dict and value.get("objectType") == "Group":
        members = group_check(value, where, identified=False)
        if members != 2:
            raise BadRequest(
                f"{where}.member: a Group as authority must have exactly two Agents"
                f" (it has {members})."
            )
    else:
        agent_check(value, where)
