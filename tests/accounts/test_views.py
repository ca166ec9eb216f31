import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories.accounts import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_account_settings_needs_log_in(client):
    response = client.get(reverse("accounts:settings"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_account_settings_links_to_password_email_and_mfa(client):
    client.force_login(VerifiedUserFactory())

    page = client.get(reverse("accounts:settings")).content.decode()

    for name in ("account_change_password", "account_email", "mfa_index"):
        assert reverse(name) in page


def test_account_settings_saves_language_and_sets_the_cookie(client):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:settings"), {"language": "cy"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "cy"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"


def test_account_settings_refuses_an_unknown_language(client):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:settings"), {"language": "xx"})

    assert response.status_code == 200
    assert "language" in response.context["form"].errors
    user.refresh_from_db()
    assert user.preferred_language == ""


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_email_verification_sent",
    ],
)
def test_allauth_pages_render_in_our_shell(client, name):
    page = client.get(reverse(name)).content.decode()

    assert 'class="govuk-template' in page
    assert "govuk-heading-l" in page


def test_email_page_adds_an_address_and_sends_its_confirmation(client, mailoutbox):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "second@example.org"}
    )

    assert response.status_code == 302
    assert user.emailaddress_set.filter(email="second@example.org", verified=False).exists()
    assert [m.to for m in mailoutbox] == [["second@example.org"]]
    page = client.get(reverse("account_email")).content.decode()
    assert "second@example.org" in page
    assert "Not confirmed" in page
