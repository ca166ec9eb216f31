"""Open Badges 3.0 credentials through their public URLs, checked as an outside verifier would:
the compact JWS is verified with the published JWK Set alone (with `cryptography`, not the
library that signed it), its claims against the credential, its status through the revocation
list the credential names; tampering, revocation, unknown numbers and key rotation."""

import hashlib
import io
import json
import re
from datetime import datetime
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from cryptography.exceptions import InvalidSignature
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from joserfc import jwt
from joserfc.jwk import RSAKey

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.certificates.enums import CertificatesAuditAction
from commonplace.certificates.models import SigningKey
from commonplace.certificates.services import (
    certificate_issue,
    certificate_revoke,
    signing_key_rotate,
)
from tests.factories.accounts import UserFactory

from .verifier import b64decode, b64encode, verify

pytestmark = pytest.mark.django_db

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
DATETIME_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
CLAIMS = ("iss", "jti", "nbf", "sub")


@pytest.fixture
def certificate(learner, union):
    return certificate_issue(
        recipient=learner,
        achievement_key="pathway:demo-ulr",
        name="Becoming a union learning rep",
        description="The ULR's first steps.",
        criteria="Complete the six required steps.",
        issuer_unit=union,
        hours=Decimal("12.5"),
    )


@pytest.fixture
def staff(union):
    user = UserFactory()
    RoleGrant.objects.create(user=user, role=Role.STAFF, unit=union)
    return user


def _path(url: str) -> str:
    return urlsplit(url).path


def _token(client, certificate) -> str:
    response = client.get(f"/certificates/openbadges/v3/credentials/{certificate.uuid}/")
    assert response.status_code == 200
    return response.content.decode("ascii")


# --- The round trip --------------------------------------------------------------------------


def test_the_credential_verifies_with_the_published_keys_and_its_claims_match(client, certificate):
    response = client.get(f"/certificates/openbadges/v3/credentials/{certificate.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Access-Control-Allow-Origin"] == "*"
    header, payload = verify(client, response.content.decode("ascii"))

    # The JOSE header has only what the spec allows, and `kid` dereferences to the same JWK.
    assert set(header) == {"alg", "kid", "typ"}
    assert header["typ"] == "JWT"
    jwk = client.get(_path(header["kid"]))
    assert jwk.status_code == 200
    assert jwk["Content-Type"] == "application/jwk+json"
    assert jwk.json()["kid"] == header["kid"]

    # The claims are mapped from the credential, as the VC-JWT proof format says.
    credential = {name: value for name, value in payload.items() if name not in CLAIMS}
    assert payload["iss"] == credential["issuer"]["id"]
    assert payload["jti"] == credential["id"]
    assert payload["sub"] == credential["credentialSubject"]["id"]
    assert payload["nbf"] == int(datetime.fromisoformat(credential["validFrom"]).timestamp())
    assert payload["nbf"] <= timezone.now().timestamp()
    assert payload["nbf"] == int(certificate.issued_at.timestamp())

    # The credential signed is the one the JSON address shows, and its id is the token's address.
    as_json = client.get(
        f"/certificates/openbadges/v3/credentials/{certificate.uuid}/credential.json"
    )
    assert as_json.status_code == 200
    assert as_json["Content-Type"] == "application/vc+ld+json"
    assert as_json.json() == credential
    assert _path(credential["id"]) == f"/certificates/openbadges/v3/credentials/{certificate.uuid}/"


def test_the_credential_has_every_field_open_badges_3_requires(client, certificate):
    credential = client.get(
        f"/certificates/openbadges/v3/credentials/{certificate.uuid}/credential.json"
    ).json()
    # No copy of the 1EdTech JSON schema is available offline: its required fields, by hand.
    assert credential["@context"] == CONTEXT
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"].startswith("http")
    assert credential["name"] == "Becoming a union learning rep"
    assert DATETIME_Z.match(credential["validFrom"])
    issuer = credential["issuer"]
    assert issuer["type"] == ["Profile"]
    assert issuer["name"] == "Union of Learning Workers"
    assert issuer["id"].startswith("http")
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["id"].startswith("urn:uuid:")
    (identity,) = subject["identifier"]
    assert identity["type"] == "IdentityObject"
    assert identity["identityType"] == "emailAddress"
    assert identity["hashed"] is True
    # A verifier who knows the email address checks it against the salted hash.
    digest = hashlib.sha256(("ceri.morgan@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${digest}"
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"]
    assert achievement["name"] == "Becoming a union learning rep"
    assert achievement["description"] == "The ULR's first steps."
    assert achievement["criteria"]["narrative"] == "Complete the six required steps."
    assert achievement["image"]["type"] == "Image"
    assert client.get(_path(achievement["image"]["id"])).status_code == 200
    assert credential["credentialStatus"]["type"] == "1EdTechRevocationList"
    assert credential["credentialSchema"] == [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
            "ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]


def test_the_credential_discloses_no_more_than_the_2_0_assertion(client, certificate, learner):
    text = client.get(
        f"/certificates/openbadges/v3/credentials/{certificate.uuid}/credential.json"
    ).content.decode()
    assert learner.email not in text
    assert "Ceri" not in text
    assert "Morgan" not in text
    assert "Cardiff" not in text  # the learner's branch
    assert "12.5" not in text  # nor anything the 2.0 badge class leaves out
    assert f'"{learner.pk}"' not in text


def test_the_issuer_profile_and_achievement_are_published_at_their_ids(client, certificate):
    credential = client.get(
        f"/certificates/openbadges/v3/credentials/{certificate.uuid}/credential.json"
    ).json()
    profile = client.get(_path(credential["issuer"]["id"]))
    assert profile.status_code == 200
    assert profile.json() == {"@context": CONTEXT, **credential["issuer"]}
    achievement = credential["credentialSubject"]["achievement"]
    published = client.get(_path(achievement["id"]))
    assert published.status_code == 200
    assert published.json() == {"@context": CONTEXT, **achievement}


# --- Tampering -------------------------------------------------------------------------------


def test_a_tampered_token_fails(client, certificate):
    header_b64, payload_b64, signature_b64 = _token(client, certificate).split(".")
    payload = json.loads(b64decode(payload_b64))
    payload["credentialSubject"]["achievement"]["name"] = "Branch secretary"
    forged = f"{header_b64}.{b64encode(json.dumps(payload).encode())}.{signature_b64}"
    with pytest.raises(InvalidSignature):
        verify(client, forged)


def test_a_token_signed_with_another_key_under_our_kid_fails(client, certificate):
    header_b64, payload_b64, _signature = _token(client, certificate).split(".")
    header = json.loads(b64decode(header_b64))
    payload = json.loads(b64decode(payload_b64))
    impostor = jwt.encode(header, payload, RSAKey.generate_key(2048, private=True))
    with pytest.raises(InvalidSignature):
        verify(client, impostor)


# --- Revocation ------------------------------------------------------------------------------


def test_a_valid_credential_has_an_empty_revocation_list(client, certificate):
    credential = client.get(
        f"/certificates/openbadges/v3/credentials/{certificate.uuid}/credential.json"
    ).json()
    status = client.get(_path(credential["credentialStatus"]["id"]))
    assert status.status_code == 200
    assert status.json()["revokedCredential"] == []


def test_a_revoked_certificate_reports_its_credential_revoked(client, certificate, staff):
    token = _token(client, certificate)  # the holder downloaded it before
    certificate_revoke(actor=staff, certificate=certificate, reason="Issued in error")

    # The token still carries a valid signature: its status is what says it is revoked.
    _header, payload = verify(client, token)
    status = client.get(_path(payload["credentialStatus"]["id"]))
    assert status.status_code == 200
    assert status.json()["revokedCredential"] == [{"id": payload["id"], "revoked": True}]
    assert "Issued in error" not in status.content.decode()

    for suffix in ("", "credential.json"):
        gone = client.get(f"/certificates/openbadges/v3/credentials/{certificate.uuid}/{suffix}")
        assert gone.status_code == 410
        assert gone.json() == {"id": payload["id"], "revoked": True}

    page = client.get(f"/certificates/verify/{certificate.uuid}/")
    assert b"Open Badges 3.0 credential are reported as revoked" in page.content


def test_unknown_numbers_and_keys_are_404(client, certificate):
    unknown = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    for path in (
        f"/certificates/openbadges/v3/credentials/{unknown}/",
        f"/certificates/openbadges/v3/credentials/{unknown}/credential.json",
        f"/certificates/openbadges/v3/credentials/{unknown}/status/",
        f"/certificates/openbadges/v3/achievements/{unknown}/",
        "/certificates/openbadges/v3/issuers/999999/",
        "/certificates/openbadges/v3/keys/not-a-key.json",
    ):
        assert client.get(path).status_code == 404, path


# --- Keys ------------------------------------------------------------------------------------


def test_the_key_is_made_on_first_need_once_and_audited(client, certificate):
    assert not SigningKey.objects.exists()
    assert client.get("/certificates/openbadges/v3/jwks.json").json() == {"keys": []}
    _token(client, certificate)
    _token(client, certificate)
    assert SigningKey.objects.count() == 1
    created = AuditEvent.objects.filter(action=CertificatesAuditAction.SIGNING_KEY_CREATED)
    assert created.count() == 1


def test_no_private_part_of_a_key_is_published_or_stored_in_clear(client, certificate):
    header, _payload = verify(client, _token(client, certificate))
    jwks = client.get("/certificates/openbadges/v3/jwks.json")
    assert jwks["Content-Type"] == "application/jwk-set+json"
    one = client.get(_path(header["kid"])).json()
    for jwk in [*jwks.json()["keys"], one]:
        assert set(jwk) == {"kty", "n", "e", "kid", "alg", "use"}
    stored = SigningKey.objects.get()
    assert "PRIVATE KEY" not in stored.private_key
    assert "d" not in stored.public_jwk


def test_a_rotated_key_still_verifies_old_credentials(client, certificate):
    old_header, old_payload = verify(client, _token(client, certificate))
    signing_key_rotate(actor=None)
    new_header, new_payload = verify(client, _token(client, certificate))
    assert new_header["kid"] != old_header["kid"]
    assert new_payload == old_payload
    verify(client, _token(client, certificate))
    assert len(client.get("/certificates/openbadges/v3/jwks.json").json()["keys"]) == 2
    assert client.get(_path(old_header["kid"])).status_code == 200
    assert SigningKey.objects.filter(retired_at__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action=CertificatesAuditAction.SIGNING_KEY_RETIRED).exists()


def test_a_new_secret_key_keeps_the_signing_key_through_its_fallbacks(
    client, certificate, settings
):
    before, _payload = verify(client, _token(client, certificate))
    with override_settings(
        SECRET_KEY="a-new-secret-key-" * 4, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]
    ):
        after, _payload = verify(client, _token(client, certificate))
    assert after["kid"] == before["kid"]


def test_a_signing_key_nobody_can_read_any_more_is_replaced(client, certificate):
    before, _payload = verify(client, _token(client, certificate))
    with override_settings(SECRET_KEY="a-new-secret-key-" * 4, SECRET_KEY_FALLBACKS=[]):
        token = _token(client, certificate)
    after, _payload = verify(client, token)
    assert after["kid"] != before["kid"]
    assert SigningKey.objects.count() == 2  # the unreadable one stays published


def test_the_rotation_command_makes_a_new_key_and_keeps_the_old_one_published(client, certificate):
    old, _payload = verify(client, _token(client, certificate))
    out = io.StringIO()
    call_command("certificates_rotate_signing_key", stdout=out)
    new, _payload = verify(client, _token(client, certificate))
    assert new["kid"] != old["kid"]
    assert new["kid"].endswith(f"/keys/{out.getvalue().split()[-1].rstrip('.')}.json")
    kids = {
        key["kid"] for key in client.get("/certificates/openbadges/v3/jwks.json").json()["keys"]
    }
    assert kids == {old["kid"], new["kid"]}


# --- Pages -----------------------------------------------------------------------------------


def test_the_owner_has_a_download_link(client, learner, certificate):
    client.force_login(learner)
    page = client.get(f"/certificates/{certificate.pk}/")
    assert b"Download Open Badge 3.0" in page.content
    assert f'/certificates/openbadges/v3/credentials/{certificate.uuid}/"'.encode() in page.content


def test_staff_opening_someone_elses_certificate_have_no_download_link(client, staff, certificate):
    client.force_login(staff)
    page = client.get(f"/certificates/{certificate.pk}/")
    assert page.status_code == 200
    assert b"Download Open Badge 3.0" not in page.content


def test_the_verification_page_mentions_the_3_0_credential(client, certificate):
    page = client.get(f"/certificates/verify/{certificate.uuid}/")
    assert b"Open Badges 3.0 verifiable credential" in page.content
    assert f"/openbadges/v3/credentials/{certificate.uuid}/credential.json".encode() in page.content
