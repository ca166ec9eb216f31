"""Searching the audit log, within the unions a user may audit."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from commonplace.access.selectors import scope_q

from .models import AuditEvent

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User


def audit_events_search(
    *,
    user: User | AnonymousUser,
    actor: str = "",
    person_id: int | None = None,
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    """Events `user` may see (their unions' log), newest first, narrowed by the filters."""
    events = AuditEvent.objects.filter(scope_q(user=user, kind="audit.auditevent"))
    if actor:
        events = events.filter(actor_label__icontains=actor.strip())
    if person_id is not None:
        events = events.filter(person_id=person_id)
    if action:
        events = events.filter(Q(action=action) | Q(action__startswith=action.rstrip(".") + "."))
    if since:
        events = events.filter(at__date__gte=since)
    if until:
        events = events.filter(at__date__lte=until)
    return events.order_by("-at", "-pk")
