"""Email delivery as a background task, through Django's configured backend.

Messages are rendered by the caller (in the recipient's language) and handed over as plain
values, so the task can run in a worker after the transaction commits.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .tasks import enqueue_on_commit, task


@task()
def email_send_task(*, to: list[str], subject: str, text: str, html: str = "") -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


def email_send(*, to: list[str], subject: str, text: str, html: str = "") -> None:
    """Send an email after the current transaction commits (inline when no worker is set up)."""
    enqueue_on_commit(email_send_task, to=to, subject=subject, text=text, html=html)
