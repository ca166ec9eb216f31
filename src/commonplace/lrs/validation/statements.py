"""Checks of Statements and SubStatements, with their verb, object, result, context and attachments.

`v2` is True for xAPI 2.0 requests: it admits contextAgents and contextGroups, versions 2.0.x,
and requires time zones in timestamps.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ..errors import BadRequest
from .activities import activity_check
from .actors import actor_check, agent_check, authority_check, group_check
from .primitives import (
    boolean_check,
    duration_validate,
    extensions_validate,
    fail,
    iri_validate,
    irl_validate,
    language_map_validate,
    language_tag_validate,
    media_type_validate,
    number_check,
    object_check,
    properties_check,
    sha2_validate,
    string_check,
    timestamp_validate,
    uuid_validate,
)

VOIDED: Final = "http://adlnet.gov/expapi/verbs/voided"
SIGNATURE_USAGE: Final = "http://adlnet.gov/expapi/attachments/signature"

_SUBSTATEMENT_KEYS: Final = frozenset(
    {"objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"}
)
_STATEMENT_KEYS: Final = (_SUBSTATEMENT_KEYS - {"objectType"}) | {
    "id",
    "stored",
    "authority",
    "version",
}
_VERB_KEYS: Final = frozenset({"id", "display"})
_STATEMENT_REF_KEYS: Final = frozenset({"objectType", "id"})
_RESULT_KEYS: Final = frozenset(
    {"score", "success", "completion", "response", "duration", "extensions"}
)
_SCORE_KEYS: Final = frozenset({"scaled", "raw", "min", "max"})
_CONTEXT_KEYS: Final = frozenset(
    {
        "registration",
        "instructor",
        "team",
        "contextActivities",
        "revision",
        "platform",
        "language",
        "statement",
        "extensions",
    }
)
_CONTEXT_KEYS_V2: Final = _CONTEXT_KEYS | {"contextAgents", "contextGroups"}
_CONTEXT_ACTIVITIES_KEYS: Final = frozenset({"parent", "grouping", "category", "other"})
_CONTEXT_AGENT_KEYS: Final = frozenset({"objectType", "agent", "relevantTypes"})
_CONTEXT_GROUP_KEYS: Final = frozenset({"objectType", "group", "relevantTypes"})
_ATTACHMENT_KEYS: Final = frozenset(
    {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"}
)
_ATTACHMENT_REQUIRED: Final = ("usageType", "display", "contentType", "length", "sha2")
_VERSION_V1: Final = re.compile(r"1\.0(?:\.\d+)?\Z", re.A)
_VERSION_V2: Final = re.compile(r"[12]\.0(?:\.\d+)?\Z", re.A)


def statement_check(statement: Any, where: str, v2: bool) -> None:
    """`statement` is a Statement as a client may send it."""
    object_check(statement, where, _STATEMENT_KEYS, "a Statement")
    if "id" in statement:
        uuid_validate(statement["id"], f"{where}.id")
    _core_check(statement, where, v2, in_substatement=False)
    if "stored" in statement:
        timestamp_validate(statement["stored"], f"{where}.stored", offset_required=v2)
    if "authority" in statement:
        authority_check(statement["authority"], f"{where}.authority")
    if "version" in statement:
        version = statement["version"]
        string_check(version, f"{where}.version")
        if (_VERSION_V2 if v2 else _VERSION_V1).match(version) is None:
            allowed = '"1.0.x" or "2.0.x"' if v2 else '"1.0.x"'
            raise BadRequest(f"{where}.version: must be {allowed}.")
    if statement["verb"]["id"] == VOIDED:
        target = statement["object"]
        if target.get("objectType") != "StatementRef":
            raise BadRequest(f"{where}.object: must be a StatementRef in a voiding statement.")


def _core_check(statement: dict[str, Any], where: str, v2: bool, *, in_substatement: bool) -> None:
    """What Statements and SubStatements share: actor, verb, object, result, context, ..."""
    for name in ("actor", "verb", "object"):
        if name not in statement:
            raise BadRequest(f"{where}.{name}: is required.")
    actor_check(statement["actor"], f"{where}.actor")
    _verb_check(statement["verb"], f"{where}.verb")
    target = statement["object"]
    object_type = _object_check(target, f"{where}.object", v2, in_substatement=in_substatement)
    if "result" in statement:
        _result_check(statement["result"], f"{where}.result")
    if "context" in statement:
        _context_check(statement["context"], f"{where}.context", v2, object_type)
    if "timestamp" in statement:
        timestamp_validate(statement["timestamp"], f"{where}.timestamp", offset_required=v2)
    if "attachments" in statement:
        _attachments_check(statement["attachments"], f"{where}.attachments")


def _verb_check(value: Any, where: str) -> None:
    object_check(value, where, _VERB_KEYS, "a Verb")
    if "id" not in value:
        raise BadRequest(f"{where}.id: is required.")
    iri_validate(value["id"], f"{where}.id")
    if "display" in value:
        language_map_validate(value["display"], f"{where}.display")


def _object_check(value: Any, where: str, v2: bool, *, in_substatement: bool) -> str:
    """Check a Statement's object; return its objectType ("Activity" when absent)."""
    if type(value) is not dict:
        raise fail(where, "an object", value)
    object_type = value.get("objectType", "Activity")
    if object_type == "Activity":
        activity_check(value, where)
    elif object_type == "Agent":
        agent_check(value, where)
    elif object_type == "Group":
        group_check(value, where)
    elif object_type == "StatementRef":
        statement_ref_check(value, where)
    elif object_type == "SubStatement":
        if in_substatement:
            raise BadRequest(f"{where}: a SubStatement cannot contain a SubStatement.")
        _substatement_check(value, where, v2)
    else:
        raise BadRequest(
            f"{where}.objectType: must be Activity, Agent, Group, StatementRef or SubStatement."
        )
    return object_type  # type: ignore[no-any-return]


def statement_ref_check(value: Any, where: str) -> None:
    object_check(value, where, _STATEMENT_REF_KEYS, "a StatementRef")
    if value.get("objectType") != "StatementRef":
        raise BadRequest(f'{where}.objectType: must be "StatementRef".')
    if "id" not in value:
        raise BadRequest(f"{where}.id: is required.")
    uuid_validate(value["id"], f"{where}.id")


def _substatement_check(value: dict[str, Any], where: str, v2: bool) -> None:
    """A SubStatement: no id, stored, version or authority; no SubStatement inside."""
    if not value.keys() <= _SUBSTATEMENT_KEYS:
        unknown = sorted(set(value) - _SUBSTATEMENT_KEYS)[0]
        raise BadRequest(f"{where}.{unknown}: is not a property of a SubStatement.")
    _core_check(value, where, v2, in_substatement=True)


def _result_check(value: Any, where: str) -> None:
    object_check(value, where, _RESULT_KEYS, "a Result")
    properties_check(value, where, _RESULT_CHECKS)


def _score_check(value: Any, where: str) -> None:
    object_check(value, where, _SCORE_KEYS, "a Score")
    if "scaled" in value:
        scaled = number_check(value["scaled"], f"{where}.scaled")
        if not -1 <= scaled <= 1:
            raise BadRequest(f"{where}.scaled: must be between -1 and 1.")
    low = number_check(value["min"], f"{where}.min") if "min" in value else None
    high = number_check(value["max"], f"{where}.max") if "max" in value else None
    if low is not None and high is not None and not low < high:
        raise BadRequest(f"{where}.min: must be less than max.")
    if "raw" in value:
        raw = number_check(value["raw"], f"{where}.raw")
        if low is not None and raw < low:
            raise BadRequest(f"{where}.raw: must not be less than min.")
        if high is not None and raw > high:
            raise BadRequest(f"{where}.raw: must not be more than max.")


_RESULT_CHECKS = {
    "score": _score_check,
    "success": boolean_check,
    "completion": boolean_check,
    "response": string_check,
    "duration": duration_validate,
    "extensions": extensions_validate,
}


def _context_check(value: Any, where: str, v2: bool, object_type: str) -> None:
    object_check(value, where, _CONTEXT_KEYS_V2 if v2 else _CONTEXT_KEYS, "a Context")
    if "registration" in value:
        uuid_validate(value["registration"], f"{where}.registration")
    if "instructor" in value:
        actor_check(value["instructor"], f"{where}.instructor")
    if "team" in value:
        group_check(value["team"], f"{where}.team")
    if "contextActivities" in value:
        _context_activities_check(value["contextActivities"], f"{where}.contextActivities")
    for name in ("revision", "platform"):
        if name in value:
            string_check(value[name], f"{where}.{name}")
            if object_type != "Activity":
                raise BadRequest(f"{where}.{name}: is allowed only when the object is an Activity.")
    _context_rest_check(value, where)


def _context_rest_check(value: dict[str, Any], where: str) -> None:
    """The context's language, statement, extensions, contextAgents and contextGroups."""
    if "language" in value:
        language_tag_validate(value["language"], f"{where}.language")
    if "statement" in value:
        statement_ref_check(value["statement"], f"{where}.statement")
    if "extensions" in value:
        extensions_validate(value["extensions"], f"{where}.extensions")
    if "contextAgents" in value:
        _context_agents_check(value["contextAgents"], f"{where}.contextAgents", "contextAgent")
    if "contextGroups" in value:
        _context_agents_check(value["contextGroups"], f"{where}.contextGroups", "contextGroup")


def _context_activities_check(value: Any, where: str) -> None:
    """Each of parent, grouping, category, other: an Activity or a list of Activities.

    A single Activity (not in a list) is accepted in both versions: 1.0.3 allows it and
    ADL's 2.0 conformance suite still sends it and expects it stored.
    """
    object_check(value, where, _CONTEXT_ACTIVITIES_KEYS, "a contextActivities object")
    for key, activities in value.items():
        if type(activities) is dict:
            activity_check(activities, f"{where}.{key}")
        elif type(activities) is list:
            for index, activity in enumerate(activities):
                activity_check(activity, f"{where}.{key}[{index}]")
        else:
            raise fail(f"{where}.{key}", "an array of Activities", activities)


def _context_agents_check(value: Any, where: str, kind: str) -> None:
    """contextAgents, contextGroups (2.0): lists of {objectType, agent|group, relevantTypes}."""
    if type(value) is not list:
        raise fail(where, f"an array of {kind} objects", value)
    is_agent = kind == "contextAgent"
    member = "agent" if is_agent else "group"
    for index, entry in enumerate(value):
        here = f"{where}[{index}]"
        object_check(
            entry, here, _CONTEXT_AGENT_KEYS if is_agent else _CONTEXT_GROUP_KEYS, f"a {kind}"
        )
        if entry.get("objectType") != kind:
            raise BadRequest(f'{here}.objectType: must be "{kind}".')
        if member not in entry:
            raise BadRequest(f"{here}.{member}: is required.")
        if is_agent:
            agent_check(entry["agent"], f"{here}.agent")
        else:
            group_check(entry["group"], f"{here}.group")
        if "relevantTypes" in entry:
            types = entry["relevantTypes"]
            if type(types) is not list or not types:
                raise BadRequest(f"{here}.relevantTypes: must be a non-empty array of IRIs.")
            for position, iri in enumerate(types):
                iri_validate(iri, f"{here}.relevantTypes[{position}]")


def _attachments_check(value: Any, where: str) -> None:
    if type(value) is not list:
        raise fail(where, "an array of Attachments", value)
    for index, attachment in enumerate(value):
        here = f"{where}[{index}]"
        object_check(attachment, here, _ATTACHMENT_KEYS, "an Attachment")
        for name in _ATTACHMENT_REQUIRED:
            if name not in attachment:
                raise BadRequest(f"{here}.{name}: is required.")
        iri_validate(attachment["usageType"], f"{here}.usageType")
        language_map_validate(attachment["display"], f"{here}.display")
        if "description" in attachment:
            language_map_validate(attachment["description"], f"{here}.description")
        media_type_validate(attachment["contentType"], f"{here}.contentType")
        length = attachment["length"]
        if type(length) is not int:
            raise fail(f"{here}.length", "an integer", length)
        if length < 0:
            raise BadRequest(f"{here}.length: must not be negative.")
        sha2_validate(attachment["sha2"], f"{here}.sha2")
        if "fileUrl" in attachment:
            irl_validate(attachment["fileUrl"], f"{here}.fileUrl")
        if (
            attachment["usageType"] == SIGNATURE_USAGE
            and attachment["contentType"] != "application/octet-stream"
        ):
            raise BadRequest(f'{here}.contentType: a signature must be "application/octet-stream".')
