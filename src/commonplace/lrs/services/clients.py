"""Writes of the LRS (credentials here; statements and documents beside)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from commonplace.audit.services import audit_record

from ..enums import LrsAuditAction, Scope
from ..errors import ClientAlreadyInactiveError, PlatformClientError
from ..models import LrsClient
from ..models.clients import PLATFORM_KEY_PREFIX
from ..selectors.clients import lrs_client_forget, lrs_secret_digest

if TYPE_CHECKING:
    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


PLATFORM_CLIENT_NAME = "Commonplace (the platform's own records)"


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
    Raises: ClientAlreadyInactiveError; PlatformClientError for the platform's own client.
    """
    client = LrsClient.objects.select_for_update().get(pk=client.pk)
    if client.is_platform:
        raise PlatformClientError
    if not client.is_active:
        raise ClientAlreadyInactiveError
    client.is_active = False
    client.save(update_fields=["is_active", "updated_at"])
    lrs_client_forget(client.key)  # this process at once; the others within the cache time
    audit_record(
        actor=actor, action=LrsAuditAction.CLIENT_DEACTIVATED, subject=client, changes=["is_active"]
    )
    return client


def lrs_platform_client(*, union: OrgUnit) -> LrsClient:
    """The client under which the platform stores its own statements about a union's members,
    so that the union's staff see them beside those of its other clients (decision 0185).

    Made the first time it is needed. It has no scopes and its secret is never shown: its key
    opens nothing over HTTP. Effects: on first use, writes LrsClient; audit `lrs.client.created`.
    """
    key = f"{PLATFORM_KEY_PREFIX}{union.pk}"
    client = LrsClient.objects.filter(key=key).first()
    if client is not None:
        return client
    try:
        with transaction.atomic():
            return lrs_client_create(
                actor=None, name=PLATFORM_CLIENT_NAME, scopes=[], union=union, key=key
            )[0]
    except IntegrityError:  # made meanwhile by another request
        return LrsClient.objects.get(key=key)
