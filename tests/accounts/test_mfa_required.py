"""Every role above learner must set up TOTP before reaching any page (unless switched off)."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import PASSWORD, VerifiedUserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.mfa]


@pytest.fixture
def officer():
    user = VerifiedUserFactory()
    RoleGrantFactory(user=user, role=Role.BRANCH_OFFICER)
    return user


def test_officer_without_totp_is_sent_to_set_it_up(client, officer):
    client.force_login(officer)

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_officer_without_totp_is_sent_to_set_up_right_after_log_in(client, officer):
    response = client.post(
        reverse("account_login"), {"login": officer.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert "Set up your authenticator app" in response.content.decode()


def test_officer_without_totp_may_open_the_set_up_page_and_log_out(client, officer):
    client.post(reverse("account_login"), {"login": officer.email, "password": PASSWORD})

    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.get(reverse("account_logout")).status_code == 200


def test_officer_without_totp_cannot_reach_account_settings(client, officer):
    client.force_login(officer)

    response = client.get(reverse("accounts:settings"))

    assert response["Location"] == reverse("mfa_activate_totp")


def test_officer_with_totp_is_allowed(client, officer):
    TOTP.activate(officer, generate_totp_secret())
    client.force_login(officer)

    assert client.get("/").status_code == 200


def test_learner_is_never_asked_for_totp(client):
    learner = VerifiedUserFactory()
    RoleGrantFactory(user=learner, role=Role.LEARNER)
    client.force_login(learner)

    assert client.get("/").status_code == 200


def test_revoked_officer_grant_no_longer_requires_totp(client, officer):
    officer.role_grants.update(revoked_at="2020-01-01T00:00:00Z")
    client.force_login(officer)

    assert client.get("/").status_code == 200


def test_requirement_off_does_not_ask(client, officer, settings):
    settings.COMMONPLACE_MFA_REQUIRED = False
    client.force_login(officer)

    assert client.get("/").status_code == 200


def test_anonymous_visitor_is_not_redirected(client):
    assert client.get("/").status_code == 200


def test_officer_who_turns_totp_off_is_sent_to_set_it_up_again(client, officer):
    TOTP.activate(officer, generate_totp_secret())
    client.force_login(officer)
    assert client.get("/").status_code == 200

    officer.authenticator_set.all().delete()

    assert client.get("/")["Location"] == reverse("mfa_activate_totp")
