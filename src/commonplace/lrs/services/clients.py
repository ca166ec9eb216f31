"""Writes of the LRS (credentials here; statements and documents beside)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction

from commonplace.audit.services import audit_record

from ..enums import LrsAuditAction, Scope
from ..errors import ClientAlreadyInactiveError
from ..models import LrsClient
from ..selectors.clients import lrs_client_forget, lrs_secret_digest

if TYPE_CHECKING:
    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


@transaction.atomic
def lrs_client_create(
    *,
    actor: User | None,
    name: str,
    scopes: Iterable[str],
    union: OrgUnit | None = None,
    key: str | None = None,
    secret: str | None = None,
) -> tuple[LrsClient, str]:
    """Issue a client; returns it with its secret (shown once, never stored in clear).

    Effects: writes LrsClient; audit `lrs.client.created`.
    Raises: ValueError on an unknown scope (forms validate scopes first).
    """
    scope_list = sorted(set(scopes))
    unknown = set(scope_list) - set(Scope.values)
    if unknown:
        raise ValueError(f"unknown scopes: {sorted(unknown)}")
    secret = secret or secrets.token_urlsafe(32)
    client = LrsClient.objects.create(
        name=name,
        key=key or secrets.token_hex(16),
        secret_digest=lrs_secret_digest(secret),
        scopes=scope_list,
        union=union,
        created_by=actor,
    )
    audit_record(actor=actor, action=LrsAuditAction.CLIENT_CREATED, subject=client)
    return client, secret


@transaction.atomic
def lrs_client_deactivate(*, actor: User | None, client: LrsClient) -> LrsClient:
    """Stop a client's credentials working; the next request with them is refused (401).

    Statements it stored stay, and still belong to its union. There is no reactivation: issue
    a new client instead, so a leaked secret can never come back to life.
    Effects: writes LrsClient.is_active; audit `lrs.client.deactivated`.
    Raises: ClientAlreadyInactiveError.
    """
    client = LrsClient.objects.select_for_update().get(pk=client.pk)
    if not client.is_active:
        raise ClientAlreadyInactiveError
    client.is_active = False
    client.save(update_fields=["is_active", "updated_at"])
    lrs_client_forget(client.key)  # this process at once; the others within the cache time
    audit_record(
        actor=actor, action=LrsAuditAction.CLIENT_DEACTIVATED, subject=client, changes=["is_active"]
    )
    return client
