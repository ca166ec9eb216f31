"""Writes of notifications: send one (in-app, and by email after commit), mark them read.

This is the only app that sends mail to people about events (style.md §7): features call
`notification_send`, never `core.email.email_send` themselves. The title, text and email are
rendered in the recipient's language (their account's preference, else the site's), so
callers pass lazy translatable strings (`gettext_lazy`, `format_lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string, select_template
from django.utils import timezone, translation
from django.utils.functional import Promise

from commonplace.audit.services import audit_record
from commonplace.core.email import email_send
from commonplace.core.site import site_url

from .enums import NotificationsAuditAction
from .errors import NotificationInvalidError
from .models import Notification

if TYPE_CHECKING:
    from commonplace.accounts.models import User

Text = str | Promise


def _language_of(user: User) -> str:
    preferred = getattr(user, "preferred_language", "") or ""
    return preferred if preferred in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else site_url(url)


def _email_render(notification: Notification, recipient: User) -> tuple[str, str, str]:
    """(subject, text, html) of the notification's email, in the active language."""
    context = {
        "notification": notification,
        "recipient": recipient,
        "link": _absolute(notification.url),
        "settings_link": _absolute("/notifications/"),
    }
    kind = notification.kind
    text = select_template(
        [f"notifications/email/{kind}.txt", "notifications/email/default.txt"]
    ).render(context)
    html = select_template(
        [f"notifications/email/{kind}.html", "notifications/email/default.html"]
    ).render(context)
    subject = render_to_string("notifications/email/subject.txt", context).strip()
    return " ".join(subject.split()), text, html


@transaction.atomic
def notification_send(
    *, recipient: User, kind: str, title: Text, url: str, body: Text = ""
) -> Notification:
    """Tell `recipient` about something: an in-app notification, and an email after commit.

    The title and text are stored as rendered in the recipient's language; `url` is a path on
    this site (or an absolute address) the notification opens.
    Effects: writes Notification; audit `notifications.notification.sent`; an email through
    `core.email.email_send` (a background task, after commit) when the account is active and
    has an email address.
    Raises: NotificationInvalidError when the recipient, title or link is missing.
    """
    if recipient is None or recipient.pk is None or not url.strip() or not str(title).strip():
        raise NotificationInvalidError()
    with translation.override(_language_of(recipient)):
        notification = Notification.objects.create(
            recipient=recipient,
            kind=kind[:40],
            title=str(title)[:200],
            body=str(body),
            url=url[:500],
        )
        subject, text, html = _email_render(notification, recipient)
    audit_record(
        actor=None, action=NotificationsAuditAction.NOTIFICATION_SENT, subject=notification
    )
    if recipient.is_active and recipient.email:
        email_send(to=[recipient.email], subject=subject, text=text, html=html)
    return notification


def notification_mark_read(*, user: User, notification: Notification) -> Notification:
    """Mark one of the user's notifications read (reading it again changes nothing).

    Effects: writes Notification.read_at. Not audited: it records only that a message to
    oneself was seen.
    Raises: ValueError when the notification is someone else's (views find it through
    `notification_get_visible`, which answers 404 first).
    """
    if notification.recipient_id != user.pk:
        raise ValueError("only the recipient marks a notification read")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of the user read; returns how many changed.

    Effects: writes Notification.read_at (one update). Not audited, as above.
    """
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
