"""Reads that are recorded: someone other than its subject opening a statement."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commonplace.audit.services import audit_record

from ..enums import LrsAuditAction
from ..selectors.people import statements_actor_key_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User

    from ..models import Statement


def statement_view_record(*, actor: User | AnonymousUser, statement: Statement) -> None:
    """Record that someone opened a statement from the staff pages (not their own).

    Effects: audit `lrs.statement.viewed` (nothing when the actor is the statement's subject).
    """
    if actor.is_authenticated and statement.actor_key == statements_actor_key_for_user(actor):
        return
    audit_record(actor=actor, action=LrsAuditAction.STATEMENT_VIEWED, subject=statement)
