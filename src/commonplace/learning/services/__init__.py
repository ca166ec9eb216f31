"""Writes of the learning catalogue, by topic: staff's resources and topics (`resources`), the
tiles of quizzes and project briefs (`tiles`, decision 0250), and members' proposals with their
review (`proposals`). Other apps import the names re-exported here."""

from .proposals import (
    proposal_approve,
    proposal_return,
    proposal_submit,
    proposal_update,
)
from .resources import (
    ACTIVITY_TYPES,
    CONTENT_FIELDS,
    EDITABLE_FIELDS,
    body_sanitise,
    resource_create,
    resource_experience_record,
    resource_publish,
    resource_unpublish,
    resource_update,
    topic_create,
)
from .tiles import resource_tile_remove, resource_tile_sync

__all__ = [
    "ACTIVITY_TYPES",
    "CONTENT_FIELDS",
    "EDITABLE_FIELDS",
    "body_sanitise",
    "proposal_approve",
    "proposal_return",
    "proposal_submit",
    "proposal_update",
    "resource_create",
    "resource_experience_record",
    "resource_publish",
    "resource_tile_remove",
    "resource_tile_sync",
    "resource_unpublish",
    "resource_update",
    "topic_create",
]
