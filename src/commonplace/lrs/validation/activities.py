"""Checks of Activities and their definitions, interaction components included (Data 2.4.4.1)."""

from __future__ import annotations

from typing import Any, Final

from ..errors import BadRequest
from .primitives import (
    extensions_validate,
    fail,
    iri_validate,
    irl_validate,
    language_map_validate,
    object_check,
    properties_check,
    string_check,
)

_ACTIVITY_KEYS: Final = frozenset({"objectType", "id", "definition"})
_DEFINITION_KEYS: Final = frozenset(
    {
        "name",
        "description",
        "type",
        "moreInfo",
        "interactionType",
        "correctResponsesPattern",
        "choices",
        "scale",
        "source",
        "target",
        "steps",
        "extensions",
    }
)
_COMPONENT_KEYS: Final = frozenset({"id", "description"})
_COMPONENT_LISTS: Final = ("choices", "scale", "source", "target", "steps")
# The interaction component lists each interactionType supports (Data 2.4.4.1, "Interaction
# Components"); the spec lets an LRS refuse the others with 400.
_LISTS_BY_INTERACTION: Final = {
    "true-false": frozenset(),
    "choice": frozenset({"choices"}),
    "fill-in": frozenset(),
    "long-fill-in": frozenset(),
    "matching": frozenset({"source", "target"}),
    "performance": frozenset({"steps"}),
    "sequencing": frozenset({"choices"}),
    "likert": frozenset({"scale"}),
    "numeric": frozenset(),
    "other": frozenset(),
}


def activity_check(value: Any, where: str) -> None:
    """`value` is an Activity: an IRI `id` and an optional definition."""
    object_check(value, where, _ACTIVITY_KEYS, "an Activity")
    if "objectType" in value and value["objectType"] != "Activity":
        raise BadRequest(f'{where}.objectType: must be "Activity".')
    if "id" not in value:
        raise BadRequest(f"{where}.id: is required.")
    iri_validate(value["id"], f"{where}.id")
    if "definition" in value:
        definition_check(value["definition"], f"{where}.definition")


_DEFINITION_CHECKS = {
    "name": language_map_validate,
    "description": language_map_validate,
    "type": iri_validate,
    "moreInfo": irl_validate,
    "extensions": extensions_validate,
}


def definition_check(value: Any, where: str) -> None:
    object_check(value, where, _DEFINITION_KEYS, "an Activity definition")
    properties_check(value, where, _DEFINITION_CHECKS)
    if "interactionType" in value or "correctResponsesPattern" in value:
        _interaction_check(value, where)
    elif not value.keys().isdisjoint(_COMPONENT_LISTS):
        raise BadRequest(f"{where}.interactionType: is required with interaction components.")


def _interaction_check(value: dict[str, Any], where: str) -> None:
    interaction = value.get("interactionType")
    if type(interaction) is not str or interaction not in _LISTS_BY_INTERACTION:
        if "interactionType" not in value:
            raise BadRequest(f"{where}.interactionType: is required with correctResponsesPattern.")
        raise BadRequest(
            f"{where}.interactionType: must be one of {', '.join(_LISTS_BY_INTERACTION)}."
        )
    if "correctResponsesPattern" in value:
        pattern = value["correctResponsesPattern"]
        if type(pattern) is not list:
            raise fail(f"{where}.correctResponsesPattern", "an array of strings", pattern)
        for index, response in enumerate(pattern):
            string_check(response, f"{where}.correctResponsesPattern[{index}]")
    supported = _LISTS_BY_INTERACTION[interaction]
    for name in _COMPONENT_LISTS:
        if name in value:
            if name not in supported:
                raise BadRequest(
                    f'{where}.{name}: is not a component list of interactionType "{interaction}".'
                )
            _components_check(value[name], f"{where}.{name}")


def _components_check(value: Any, where: str) -> None:
    """`value` is a list of interaction components with distinct string ids."""
    if type(value) is not list:
        raise fail(where, "an array of interaction components", value)
    seen = set()
    for index, component in enumerate(value):
        here = f"{where}[{index}]"
        object_check(component, here, _COMPONENT_KEYS, "an interaction component")
        if "id" not in component:
            raise BadRequest(f"{here}.id: is required.")
        component_id = component["id"]
        string_check(component_id, f"{here}.id")
        if component_id in seen:
            raise BadRequest(f'{here}.id: "{component_id[:40]}" is used twice in the list.')
        seen.add(component_id)
        if "description" in component:
            language_map_validate(component["description"], f"{here}.description")
