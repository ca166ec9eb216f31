"""Granting and revoking roles in places. Every change is audited."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from commonplace.audit.enums import AuditAction
from commonplace.audit.services import audit_record

from .enums import Role
from .errors import GrantError
from .models import RoleGrant
from .selectors import grants_active_for, grants_active_q, grants_forget, may_at

if TYPE_CHECKING:
    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


@transaction.atomic
def grant_create(
    *,
    actor: User | None,
    user: User,
    role: str,
    unit: OrgUnit | None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> RoleGrant:
    """Give `user` the `role` in `unit` (and below).

    `actor=None` is self-service (a learner grant at sign-up): no permission check, and the
    audit row names `user` as the one who acted.

    Effects: writes RoleGrant; audit `access.grant.created`.
    Raises: GrantError when the actor may not grant there, for a federation-wide grant by
    someone without one, or for a duplicate of an active grant.
    """
    if actor is not None:
        if unit is None:
            if not any(
                g.unit is None and g.role == Role.ADMINISTRATOR
                for g in grants_active_for(user=actor)
            ):
                raise GrantError(GrantError.FEDERATION)
        elif not may_at(user=actor, kind="access.rolegrant", action="add", unit_path=unit.path):
            raise GrantError(GrantError.NOT_YOURS)
    if unit is None and role not in (Role.ADMINISTRATOR, Role.STAFF):
        raise GrantError(GrantError.FEDERATION_ROLE)
    if ends_on and starts_on and ends_on < starts_on:
        raise GrantError(GrantError.DATES)
    if RoleGrant.objects.filter(grants_active_q(), user=user, role=role, unit=unit).exists():
        raise GrantError(GrantError.DUPLICATE)
    grant = RoleGrant.objects.create(
        user=user, role=role, unit=unit, starts_on=starts_on, ends_on=ends_on, granted_by=actor
    )
    audit_record(actor=actor or user, action=AuditAction.GRANT_CREATED, subject=grant)
    grants_forget(user=user)
    return grant


@transaction.atomic
def grant_revoke(*, actor: User, grant: RoleGrant) -> RoleGrant:
    """End a grant now; it is refused from the next request on.

    Effects: writes RoleGrant.revoked_at; audit `access.grant.revoked`.
    Raises: GrantError when already revoked.
    """
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.revoked_at is not None:
        raise GrantError(GrantError.ALREADY_REVOKED)
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.GRANT_REVOKED, subject=grant, changes=["revoked_at"]
    )
    return grant
