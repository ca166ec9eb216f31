"""Log-in: password, throttling, the TOTP step, language at log-in, log-out."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import PASSWORD, UserFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_login_with_right_password_succeeds(client):
    user = VerifiedUserFactory()

    response = log_in(client, user.email, PASSWORD)

    assert response["Location"] == reverse("home:home")


def test_login_with_wrong_password_is_refused(client):
    user = VerifiedUserFactory()

    response = log_in(client, user.email, "not-the-password")

    assert response.status_code == 200
    assert "The email address or password is not right." in response.content.decode()


def test_login_sixth_failed_attempt_in_a_minute_is_refused_even_with_the_right_password(client):
    user = VerifiedUserFactory()
    for _ in range(5):
        assert "not right" in log_in(client, user.email, "wrong").content.decode()

    response = log_in(client, user.email, PASSWORD)

    assert response.status_code == 200
    assert "Too many failed attempts to log in." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_with_unverified_email_sends_verification_instead(client, mailoutbox):
    user = UserFactory()

    response = log_in(client, user.email, PASSWORD)

    assert response["Location"] == reverse("account_email_verification_sent")
    assert [m.to for m in mailoutbox] == [[user.email]]


def test_login_officer_with_totp_is_asked_for_the_code(client):
    officer = VerifiedUserFactory()
    RoleGrantFactory(user=officer, role=Role.BRANCH_OFFICER)
    secret = generate_totp_secret()
    TOTP.activate(officer, secret)

    response = log_in(client, officer.email, PASSWORD)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    code = format_hotp_value(hotp_value(secret, next(iter(_counter_now()))))
    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response["Location"] == reverse("home:home")
    assert int(client.session["_auth_user_id"]) == officer.pk


def _counter_now():
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return [counters[len(counters) // 2]]


def test_login_applies_the_preferred_language(client):
    user = VerifiedUserFactory(preferred_language="cy")

    response = log_in(client, user.email, PASSWORD)

    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Rydych wedi mewngofnodi."]


def test_logout_ends_the_session(client):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_needs_the_current_password(client):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "wrong",
            "password1": "new-passphrase-99x",
            "password2": "new-passphrase-99x",
        },
    )

    assert response.status_code == 200
    assert "oldpassword" in response.context["form"].errors
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_login_success_and_failure_are_audited_without_the_password(client):
    user = VerifiedUserFactory()

    log_in(client, user.email, "wrong-password")
    log_in(client, user.email.upper(), PASSWORD)

    events = list(AuditEvent.objects.filter(subject_id=str(user.pk)).order_by("pk"))
    assert [(e.action, e.actor) for e in events] == [
        ("accounts.login.failed", None),
        ("accounts.login.succeeded", user),
    ]


def test_failed_login_for_unknown_address_leaves_no_row(client):
    log_in(client, "nobody@example.org", "whatever")

    assert not AuditEvent.objects.exists()
