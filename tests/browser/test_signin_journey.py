"""Sign-up and sign-in journeys on a phone: a member signs up and verifies their address; an
officer is made to set up TOTP, then logs in again with password and code. axe checks every
page the `browse` fixture lands on."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.core.cache import cache

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import PASSWORD, VerifiedUserFactory
from tests.factories.people import PersonFactory

LINK = re.compile(r"https?://[^/\s]+(/accounts/\S+/)")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def totp_code(secret: str, *, steps_ahead: int = 0) -> str:
    from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2] + steps_ahead))


@pytest.mark.django_db(transaction=True)
def test_member_signs_up_verifies_their_address_and_is_logged_in(browse):
    person = PersonFactory(family_name="Pritchard", membership_number="CW123456")
    mail.outbox.clear()

    page = browse.open("/accounts/signup/")
    page.get_by_label("Email address").fill("gwen@example.org")
    page.get_by_label("Create a password").fill("a-long-unusual-passphrase-42")
    page.get_by_label("Confirm your password").fill("a-long-unusual-passphrase-42")
    page.get_by_label("Yes, I am a member").check()
    page.get_by_label("Membership number").fill("cw123456 ".upper())
    page.get_by_label("Surname").fill("pritchard")
    page = browse.submit("Create account")

    assert page.get_by_role("heading", name="Check your email").is_visible()
    [message] = mail.outbox
    path = LINK.search(message.body).group(1)
    page = browse.open(path)
    page = browse.submit("Confirm")

    page = browse.open("/accounts/settings/")
    assert page.get_by_role("heading", name="Your account").is_visible()
    page = browse.follow("Change email addresses")
    assert page.get_by_text("gwen@example.org").is_visible()
    assert EmailAddress.objects.get(email="gwen@example.org").verified
    person.refresh_from_db()
    assert person.account.email == "gwen@example.org"


@pytest.mark.mfa
@pytest.mark.django_db(transaction=True)
def test_officer_must_set_up_totp_then_logs_in_with_a_code(browse, settings):
    settings.MFA_TOTP_TOLERANCE = 1  # lets the second log-in use the next step's fresh code
    officer = VerifiedUserFactory(email="officer@example.org")
    RoleGrantFactory(user=officer, role=Role.BRANCH_OFFICER)

    page = browse.open("/accounts/login/")
    page.get_by_label("Email").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page = browse.submit("Log in")

    assert page.get_by_role("heading", name="Set up your authenticator app").is_visible()
    page = browse.open("/accounts/settings/")  # anything else sends them back
    assert page.get_by_role("heading", name="Set up your authenticator app").is_visible()
    secret = page.locator("#totp-secret").inner_text().strip()
    page.get_by_label("Code from your authenticator app").fill(totp_code(secret))
    page = browse.submit("Turn on")
    assert "recovery" in page.url

    page = browse.open("/accounts/logout/")
    page = browse.submit(page.get_by_role("main").get_by_role("button", name="Log out"))
    page = browse.open("/accounts/login/")
    page.get_by_label("Email").fill("officer@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page = browse.submit("Log in")
    assert page.get_by_role("heading", name="Enter your code").is_visible()
    page.get_by_label("Code").fill(totp_code(secret, steps_ahead=1))
    browse.submit("Continue")

    page = browse.open("/accounts/settings/")
    assert page.get_by_role("heading", name="Your account").is_visible()
    page = browse.follow("Manage two-factor authentication")
    assert page.get_by_role("heading", name="Two-factor authentication").is_visible()
    assert page.get_by_role("link", name="Turn off the authenticator app").is_visible()
