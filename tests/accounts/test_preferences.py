import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def test_text_size_is_kept_in_a_cookie_and_on_the_account(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/accounts/text-size/", {"size": "largest", "next": "/me/"})

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    user.refresh_from_db()
    assert user.text_size == "largest"
    assert 'class="govuk-template cp-text-largest"' in client.get("/").content.decode()


def test_text_size_works_for_visitors_and_refuses_unknown_sizes(client):
    assert client.post("/accounts/text-size/", {"size": "large"}).status_code == 302
    assert "cp-text-large" in client.get("/").content.decode()
    assert client.post("/accounts/text-size/", {"size": "huge"}).status_code == 400


def test_language_switch_to_welsh_is_remembered_for_the_account(client):
    user = UserFactory()
    client.force_login(user)

    client.post("/accounts/language/", {"language": "cy", "next": "/"})

    user.refresh_from_db()
    assert user.preferred_language == "cy"
    assert '<html lang="cy"' in client.get("/").content.decode()


def test_redirects_never_leave_the_site(client):
    response = client.post(
        "/accounts/language/", {"language": "cy", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
