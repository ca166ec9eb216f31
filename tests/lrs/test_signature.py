"""Signed statements: the JWS is checked for form, algorithm, payload and certificate."""

import base64
import copy
import datetime as dt
import json
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from commonplace.lrs.errors import BadRequest
from commonplace.lrs.validation import signature_verify

HASHES = {"RS256": hashes.SHA256(), "RS384": hashes.SHA384(), "RS512": hashes.SHA512()}


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def x5c(key) -> list[str]:
    """A self-signed certificate for `key`, as the base64 DER list of the JWS header."""
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Commonplace test signer")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return [base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode()]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws(
    payload: Any, key: rsa.RSAPrivateKey, *, alg: str = "RS256", x5c: list[str] | None = None
) -> bytes:
    """A JWS compact serialisation of `payload`, signed with `key` (RSA PKCS#1 v1.5)."""
    header: dict[str, Any] = {"alg": alg}
    if x5c is not None:
        header["x5c"] = x5c
    payload_bytes = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(payload_bytes)}"
    signature = key.sign(
        signing_input.encode(), padding.PKCS1v15(), HASHES.get(alg, hashes.SHA256())
    )
    return f"{signing_input}.{b64url(signature)}".encode()


def statement_signed() -> dict[str, Any]:
    """The statement as signed (before the signature attachment was added)."""
    return {
        "id": "7ccd3322-e1a5-411a-a67d-6a735c76f119",
        "actor": {"mbox": "mailto:ana@example.com", "name": "Ana"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": {"en-GB": "completed"},
        },
        "object": {"id": "http://example.com/activities/welcome-course"},
        "context": {
            "team": {
                "objectType": "Group",
                "member": [{"mbox": "mailto:a@example.com"}, {"mbox": "mailto:b@example.com"}],
            }
        },
        "timestamp": "2024-05-01T12:00:00+01:00",
    }


def statement_received(signed: dict[str, Any], token: bytes) -> dict[str, Any]:
    """The statement as posted: the signed one plus its signature attachment."""
    received = copy.deepcopy(signed)
    received["attachments"] = [
        {
            "usageType": "http://adlnet.gov/expapi/attachments/signature",
            "display": {"en-GB": "Signature"},
            "contentType": "application/octet-stream",
            "length": len(token),
            "sha2": "0" * 64,
        }
    ]
    return received


def refusal(statement: dict[str, Any], token: bytes) -> str:
    with pytest.raises(BadRequest) as caught:
        signature_verify(statement, token)
    assert caught.value.status == 400
    return caught.value.message


@pytest.mark.parametrize("alg", ["RS256", "RS384", "RS512"])
def test_signature_with_certificate_verifies(key, x5c, alg):
    token = jws(statement_signed(), key, alg=alg, x5c=x5c)
    signature_verify(statement_received(statement_signed(), token), token)


def test_signature_without_certificate_is_checked_for_form_and_payload_only(key):
    token = jws(statement_signed(), key)
    signature_verify(statement_received(statement_signed(), token), token)


def test_other_algorithm_is_refused(key):
    header = b64url(json.dumps({"alg": "HS256"}).encode())
    token = f"{header}.{b64url(json.dumps(statement_signed()).encode())}.{b64url(b'mac')}".encode()
    assert "RS256, RS384 or RS512" in refusal(statement_received(statement_signed(), token), token)


def test_unsigned_algorithm_none_is_refused():
    header = b64url(json.dumps({"alg": "none"}).encode())
    token = f"{header}.{b64url(json.dumps(statement_signed()).encode())}.".encode()
    assert refusal(statement_signed(), token).startswith("signature:")


@pytest.mark.parametrize(
    "token",
    [b"not a jws", b"a.b", b"a.b.c.d", b"\xff\xfe.x.y", b"abc$.def.ghi"],
)
def test_malformed_jws_is_refused(token):
    assert refusal(statement_signed(), token).startswith("signature:")


def test_payload_that_is_not_json_is_refused(key):
    broken = json.dumps(statement_signed()).replace('"', "'", 1).encode()
    token = jws(broken, key)
    assert "payload is not valid JSON" in refusal(statement_signed(), token)


def test_payload_differing_from_the_statement_is_refused(key, x5c):
    token = jws(statement_signed(), key, x5c=x5c)
    received = statement_received(statement_signed(), token)
    received["verb"]["id"] = "http://adlnet.gov/expapi/verbs/passed"
    assert "payload differs" in refusal(received, token)


def test_payload_with_another_id_is_refused(key):
    token = jws(statement_signed(), key)
    received = statement_received(statement_signed(), token)
    received["id"] = "8ccd3322-e1a5-411a-a67d-6a735c76f119"
    assert "id differs" in refusal(received, token)


def test_signature_made_by_another_key_is_refused(key, x5c):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = jws(statement_signed(), other, x5c=x5c)
    assert "does not verify" in refusal(statement_received(statement_signed(), token), token)


def test_unreadable_certificate_is_refused(key):
    token = jws(statement_signed(), key, x5c=["bm90IGEgY2VydGlmaWNhdGU="])
    assert "certificate cannot be read" in refusal(statement_signed(), token)


def test_differences_the_lrs_may_cause_are_ignored(key, x5c):
    """Authority and stored set, id assigned, the timestamp in UTC, group members reordered."""
    signed = statement_signed()
    del signed["id"]
    token = jws(signed, key, x5c=x5c)
    received = statement_received(signed, token)
    received["id"] = "7ccd3322-e1a5-411a-a67d-6a735c76f119"
    received["timestamp"] = "2024-05-01T11:00:00Z"
    received["stored"] = "2024-05-01T11:00:01Z"
    received["authority"] = {"account": {"homePage": "https://lrs.example", "name": "key"}}
    received["context"]["team"]["member"].reverse()
    signature_verify(received, token)


def test_timestamp_of_another_instant_is_refused(key):
    token = jws(statement_signed(), key)
    received = statement_received(statement_signed(), token)
    received["timestamp"] = "2024-05-01T12:00:00Z"
    assert "timestamp differs" in refusal(received, token)


def test_durations_compare_to_hundredths_of_a_second(key, x5c):
    signed = statement_signed()
    signed["result"] = {"duration": "P1DT12H36M0.12S"}
    token = jws(signed, key, x5c=x5c)
    received = statement_received(signed, token)
    received["result"]["duration"] = "P1DT12H36M0.1237S"
    signature_verify(received, token)  # equal to 0.01 s
    received["result"]["duration"] = "P1DT12H36M0.13S"
    assert "differs" in refusal(received, token)
