import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_is_in_welsh_when_asked(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    page = client.get(reverse("account_login")).content.decode()

    assert "Mewngofnodi" in page
    assert "Cyfeiriad e-bost" in page
