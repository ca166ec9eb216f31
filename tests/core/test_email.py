import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends

from commonplace.core.email import email_send

pytestmark = pytest.mark.django_db(transaction=True)


def test_email_is_sent_inline_after_commit_without_a_worker(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email_send(to=["ulr@example.org"], subject="Follow-up due", text="Call Sam today.")

    assert [m.subject for m in mail.outbox] == ["Follow-up due"]
    assert mail.outbox[0].to == ["ulr@example.org"]


def test_database_worker_delivers_queued_email(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"

    email_send(to=["learner@example.org"], subject="Welcome", text="Hello", html="<p>Hello</p>")
    assert mail.outbox == []  # queued in the database, not sent

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert [m.subject for m in mail.outbox] == ["Welcome"]
    assert mail.outbox[0].alternatives[0][1] == "text/html"
