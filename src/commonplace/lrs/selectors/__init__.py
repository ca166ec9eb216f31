"""Reads of the LRS, one module per resource family: clients, statements, documents; the pages
for people (`pages`) and a person's own statements (`people`)."""

from .clients import lrs_client_authenticate, lrs_secret_digest
from .pages import (
    client_get_visible,
    clients_may_be_federation_wide,
    clients_visible_to,
    statement_get_visible,
    statements_browse,
    statements_visible_to,
    unions_for_clients,
)
from .people import (
    statements_activities_of_user,
    statements_actor_for_user,
    statements_by_ids,
    statements_first_timestamps,
    statements_of_user,
    statements_user_pk_of_actor,
    statements_with_activity_of_user,
)

__all__ = [
    "client_get_visible",
    "clients_may_be_federation_wide",
    "clients_visible_to",
    "lrs_client_authenticate",
    "lrs_secret_digest",
    "statement_get_visible",
    "statements_activities_of_user",
    "statements_actor_for_user",
    "statements_browse",
    "statements_by_ids",
    "statements_first_timestamps",
    "statements_of_user",
    "statements_user_pk_of_actor",
    "statements_visible_to",
    "statements_with_activity_of_user",
    "unions_for_clients",
]
