"""Reads of notifications: a person's own, newest first (kind `notifications.notification`,
reach self only: another person's notification is never found)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from commonplace.access.selectors import scope_q

from .models import Notification

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User

KIND = "notifications.notification"


def notifications_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[Notification]:
    """The user's own notifications, newest first (the policy grants no other reach)."""
    return Notification.objects.filter(scope_q(user=user, kind=KIND, action=action)).order_by(
        "-created_at", "-pk"
    )


def notification_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> Notification:
    """One of the user's notifications; 404 for anyone else's (absent and not yours alike)."""
    notification = notifications_visible_to(user=user, action=action).filter(pk=pk).first()
    if notification is None:
        raise Http404("No notification found.")
    return notification


def notifications_unread_count(*, user: User | AnonymousUser) -> int:
    """How many of the user's notifications are unread (0 when signed out)."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()


def notification_recipients_on(*, kind: str, day: date, recipient_ids: set[int]) -> set[int]:
    """Which of these people were sent a notification of `kind` on `day` (local time): one
    query, so a daily job can send at most one of a kind per person per day."""
    if not recipient_ids:
        return set()
    start = timezone.make_aware(datetime.combine(day, time.min))
    return set(
        Notification.objects.filter(
            kind=kind,
            recipient_id__in=recipient_ids,
            created_at__gte=start,
            created_at__lt=start + timedelta(days=1),
        )
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
