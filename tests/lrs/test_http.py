import base64

import pytest

from commonplace.lrs.enums import Scope
from commonplace.lrs.selectors import lrs_client_authenticate
from commonplace.lrs.services import lrs_client_create

pytestmark = pytest.mark.django_db


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


def test_about_needs_no_credentials_and_lists_both_versions(client):
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert response.json()["version"] == ["1.0.3", "2.0.0"]
    assert response["X-Experience-API-Version"] == "2.0.0"


def test_about_answers_in_the_requested_version(client):
    response = client.get("/xapi/about", headers={"X-Experience-API-Version": "1.0.3"})
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_unsupported_version_is_refused_with_a_reason(client):
    response = client.get("/xapi/about", headers={"X-Experience-API-Version": "0.95"})
    assert response.status_code == 400
    assert "Unsupported" in response.json()["error"]["message"]


def test_client_secret_is_checked_and_never_stored_in_clear():
    client, secret = lrs_client_create(actor=None, name="Provider LMS", scopes=[Scope.ALL])
    assert secret not in client.secret_digest
    assert lrs_client_authenticate(authorization=basic(client.key, secret)) == client
    assert lrs_client_authenticate(authorization=basic(client.key, secret + "x")) is None
    assert lrs_client_authenticate(authorization="Basic !!!") is None


@pytest.mark.parametrize(
    "path",
    [
        "/xapi/activities/state?stateId=%00&activityId=http://example.test/a"
        '&agent={"mbox":"mailto:a@example.test"}',
        "/xapi/statements?verb=http://example.test/v%00",
        "/xapi/activities/profile?activityId=http://example.test/a&profileId=x%00",
    ],
)
def test_a_parameter_holding_nul_is_refused_and_nothing_is_stored(client, path):
    lrs, secret = lrs_client_create(actor=None, name="LMS", scopes=[Scope.ALL])
    headers = {"Authorization": basic(lrs.key, secret), "X-Experience-API-Version": "2.0.0"}
    for response in (
        client.get(path, headers=headers),
        client.put(path, b"{}", content_type="application/json", headers=headers),
    ):
        assert response.status_code == 400
        assert "NUL" in response.json()["error"]["message"]
    from commonplace.lrs.models import Document

    assert not Document.objects.exists()
