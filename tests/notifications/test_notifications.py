"""Notifications: sending (in-app and by email, in the recipient's language, through real
SMTP once), the page (own only, newest first), marking read, the header's unread count."""

import pytest
from django.core import mail
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.notifications.errors import NotificationInvalidError
from commonplace.notifications.models import Notification
from commonplace.notifications.selectors import notifications_unread_count
from commonplace.notifications.services import (
    notification_mark_read,
    notification_send,
    notifications_mark_all_read,
)
from tests.factories.accounts import UserFactory
from tests.factories.notifications import NotificationFactory
from tests.factories.organisation import BranchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(db):
    user = UserFactory(email="member@a.test", display_name="Sam Pritchard")
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=BranchFactory())
    return user


def test_sending_writes_the_notification_and_emails_after_commit(
    member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        note = notification_send(
            recipient=member, kind="general", title="Your project was marked", url="/projects/"
        )
        assert mail.outbox == []  # nothing leaves before the transaction commits

    assert note.read_at is None
    (message,) = mail.outbox
    assert message.to == ["member@a.test"]
    assert message.subject == "[Commonplace] Your project was marked"
    assert "http://" in message.body
    assert "/projects/" in message.body
    assert message.alternatives[0][1] == "text/html"
    assert AuditEvent.objects.filter(action="notifications.notification.sent").count() == 1


def test_email_goes_through_a_real_smtp_server(
    member, smtp_inbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipient=member,
            kind="project_marked",
            title="Your project “Map your workplace” has been marked",
            url="/projects/submissions/1/",
            body="Result: Passed.",
        )

    (message,) = smtp_inbox.messages
    assert message["To"] == "member@a.test"
    assert "Map your workplace" in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Hello Sam Pritchard," in text
    assert "Result: Passed." in text
    assert "/projects/submissions/1/" in text


def test_the_email_is_in_the_recipients_language(member, django_capture_on_commit_callbacks):
    member.preferred_language = "cy"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(recipient=member, kind="general", title="Teitl", url="/projects/")
    assert mail.outbox[0].body.startswith("Helo Sam Pritchard,")


def test_a_notification_needs_a_title_and_a_link(member):
    with pytest.raises(NotificationInvalidError):
        notification_send(recipient=member, kind="general", title=" ", url="/x/")
    with pytest.raises(NotificationInvalidError):
        notification_send(recipient=member, kind="general", title="Hi", url="")
    assert not Notification.objects.exists()


def test_marking_read_one_and_all(member):
    first, second = NotificationFactory(recipient=member), NotificationFactory(recipient=member)
    other = NotificationFactory()
    assert notifications_unread_count(user=member) == 2
    notification_mark_read(user=member, notification=first)
    assert notifications_unread_count(user=member) == 1
    with pytest.raises(ValueError, match="recipient"):
        notification_mark_read(user=member, notification=other)
    assert notifications_mark_all_read(user=member) == 1
    second.refresh_from_db()
    other.refresh_from_db()
    assert second.read_at is not None
    assert other.read_at is None


def test_the_page_lists_only_my_notifications_newest_first(client, member):
    old = NotificationFactory(recipient=member, title="Older news")
    old.created_at = timezone.now() - timezone.timedelta(days=2)
    old.save()
    NotificationFactory(recipient=member, title="Newer news")
    NotificationFactory(title="Someone else's news")
    client.force_login(member)
    page = client.get("/notifications/").content.decode()
    assert page.index("Newer news") < page.index("Older news")
    assert "Someone else" not in page
    assert '<span class="cp-count">2' in page


def test_opening_marks_read_and_follows_the_link(client, member):
    note = NotificationFactory(recipient=member, url="/projects/")
    client.force_login(member)
    response = client.post(f"/notifications/{note.pk}/read/", {"open": "1"})
    assert response.status_code == 302
    assert response["Location"] == "/projects/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_mark_all_read_from_the_page(client, member):
    NotificationFactory(recipient=member)
    NotificationFactory(recipient=member)
    client.force_login(member)
    assert client.post("/notifications/").status_code == 302
    assert notifications_unread_count(user=member) == 0


def test_another_persons_notification_is_404(client, member):
    other = NotificationFactory()
    client.force_login(member)
    assert client.post(f"/notifications/{other.pk}/read/", {"open": "1"}).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
