"""Statements for the LRS tests."""

from __future__ import annotations

import uuid
from typing import Any


def statement(
    *,
    email: str = "learner@example.test",
    verb: str = "http://adlnet.gov/expapi/verbs/completed",
    activity: str = "http://example.test/activities/organising-1",
    **extra: Any,
) -> dict[str, Any]:
    """A typical statement; keyword arguments add or replace top-level properties."""
    data: dict[str, Any] = {
        "actor": {"objectType": "Agent", "mbox": f"mailto:{email}", "name": "A Learner"},
        "verb": {"id": verb, "display": {"en-GB": "completed", "cy": "cwblhawyd"}},
        "object": {
            "objectType": "Activity",
            "id": activity,
            "definition": {"name": {"en-GB": "Organising 1", "cy": "Trefnu 1"}},
        },
    }
    data.update(extra)
    return data


def new_id() -> str:
    return str(uuid.uuid4())
