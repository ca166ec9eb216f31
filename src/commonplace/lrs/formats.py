"""The `format` parameter of statement queries: exact, ids or canonical (xAPI 2.1.3)."""

from __future__ import annotations

from typing import Any

AGENT_TYPES = ("Agent", "Group")
AGENT_PARENTS = ("actor", "instructor", "agent", "authority")
IFI = ("mbox", "mbox_sha1sum", "openid", "account")
LANGUAGE_MAPS = ("display", "name", "description")
INTERACTION_LISTS = ("choices", "scale", "source", "target", "steps")


def _agent_ids(agent: dict[str, Any]) -> dict[str, Any]:
    slim = {k: agent[k] for k in IFI if k in agent}
    if "objectType" in agent:
        slim["objectType"] = agent["objectType"]
    if agent.get("objectType") == "Group" and not any(k in agent for k in IFI):
        slim["member"] = [_agent_ids(m) for m in agent.get("member", [])]
    return slim


def _ids(value: Any, parent: str = "") -> Any:
    """Reduce agents, groups, activities and verbs to what identifies them."""
    if isinstance(value, list):
        return [_ids(item, parent) for item in value]
    if not isinstance(value, dict):
        return value
    kind = value.get("objectType")
    if kind in AGENT_TYPES or (
        kind is None and parent in ("actor", "instructor", "agent", "authority")
    ):
        return _agent_ids(value)
    if parent == "verb":
        return {"id": value["id"]}
    if kind == "Activity" or (kind is None and parent in ("object", "activity") and "id" in value):
        return {"id": value["id"]}
    out = {}
    for key, item in value.items():
        if key in ("parent", "grouping", "category", "other"):
            out[key] = [_ids(a, "activity") for a in (item if isinstance(item, list) else [item])]
        elif key == "group":
            out[key] = _agent_ids(item)
        else:
            out[key] = _ids(item, key)
    return out


def _preferred(languages: str) -> list[str]:
    """Language tags of an Accept-Language header, best first."""
    ranked = []
    for index, part in enumerate(languages.split(",")):
        tag, _, q = part.strip().partition(";q=")
        if tag and tag != "*":
            try:
                ranked.append((-float(q or 1), index, tag.lower()))
            except ValueError:
                continue
    return [tag for _, _, tag in sorted(ranked)]


def _one_language(language_map: dict[str, str], preferred: list[str]) -> dict[str, str]:
    if not language_map:
        return language_map
    lowered = {key.lower(): key for key in language_map}
    for tag in preferred:
        for candidate in (tag, tag.split("-")[0]):
            if candidate in lowered:
                key = lowered[candidate]
                return {key: language_map[key]}
        for lower, key in lowered.items():
            if lower.split("-")[0] == tag.split("-")[0]:
                return {key: language_map[key]}
    key = lowered.get("en-us") or lowered.get("en") or next(iter(language_map))
    return {key: language_map[key]}


def _canonical(value: Any, preferred: list[str], parent: str = "") -> Any:
    if isinstance(value, list):
        return [_canonical(item, preferred, parent) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key in LANGUAGE_MAPS and isinstance(item, dict) and key != "extensions":
            out[key] = _one_language(item, preferred)
        elif key == "extensions":
            out[key] = item
        else:
            out[key] = _canonical(item, preferred, key)
    return out


def statement_formatted(statement: dict[str, Any], fmt: str, accept_language: str) -> Any:
    if fmt == "ids":
        return _ids(statement)
    if fmt == "canonical":
        return _canonical(statement, _preferred(accept_language))
    return statement
