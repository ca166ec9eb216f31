"""Reads of the Activities resource: an activity's definition, taken from stored statements.

There is no activity table: the definition comes from the statements whose object is the
activity. (Held here until the statements selectors provide the same function.)
"""

from __future__ import annotations

from typing import Any

from ..models import Statement


def activity_definition_latest(activity_id: str) -> dict[str, Any] | None:
    """The `definition` of the activity in the most recently stored statement about it, or None."""
    statement = Statement.objects.filter(activity_id=activity_id).order_by("-stored", "-id").first()
    if statement is None:
        return None
    activity = statement.data.get("object")
    if not isinstance(activity, dict):
        return None
    definition = activity.get("definition")
    return definition if isinstance(definition, dict) else None
