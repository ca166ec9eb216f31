"""Mail over a real SMTP conversation: the verification link, and the password reset link."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories.accounts import PASSWORD, VerifiedUserFactory
from tests.factories.organisation import WorkplaceFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/accounts/\S+/)")


def test_signup_sends_verification_mail_over_smtp_and_its_link_verifies(client, smtp_inbox):
    workplace = WorkplaceFactory()
    client.post(
        reverse("account_signup"),
        {
            "email": "ffion@example.org",
            "password1": "a-long-unusual-passphrase-42",
            "password2": "a-long-unusual-passphrase-42",
            "union": workplace.union.pk,
            "path": "non_member",
            "given_name": "Ffion",
            "family_name": "Evans",
            "home_unit": workplace.pk,
        },
    )

    [message] = smtp_inbox.messages
    assert message["To"] == "ffion@example.org"
    path = LINK.search(message.get_body(("plain",)).get_content()).group(1)
    response = client.post(path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ffion@example.org").verified
    assert client.session["_auth_user_id"]


def test_password_reset_mail_link_lets_the_user_choose_a_new_password(client, smtp_inbox):
    user = VerifiedUserFactory()
    client.post(reverse("account_reset_password"), {"email": user.email})

    [message] = smtp_inbox.messages
    path = LINK.search(message.get_body(("plain",)).get_content()).group(1)
    form_page = client.get(path, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else path
    response = client.post(
        action, {"password1": "another-fine-passphrase-7", "password2": "another-fine-passphrase-7"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-fine-passphrase-7")
    assert not user.check_password(PASSWORD)
