"""Verification of signed statements (xAPI Data 2.6).

A signed statement carries, as the attachment with usageType
``http://adlnet.gov/expapi/attachments/signature``, a JWS in compact serialisation whose
payload is the statement as it was before the signature was added. We check that the JWS is
well formed with alg RS256, RS384 or RS512; that its payload is logically equivalent to the
statement received, under the spec's "Statement Comparison Requirements" (differences the LRS
could have caused are ignored); and, when the header carries an X.509 chain (``x5c``), that the
signature verifies with the first certificate's public key. As the spec notes, the certificate
check catches mistakes; it is not an authentication of the signer.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import load_der_x509_certificate

from ..errors import BadRequest
from .actors import agent_key

_HASHES: Final = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
_BASE64URL: Final = re.compile(r"[A-Za-z0-9_-]*\Z")
# Set by the LRS when absent (Data 2.3.1, exceptions to immutability): compared only when both
# the signed payload and the received statement carry them.
_ASSIGNED: Final = ("id", "timestamp", "version")
# Never part of the comparison: the LRS sets authority and stored, and attachments are not part
# of the statement (the signature itself is one).
_IGNORED: Final = frozenset({"authority", "stored", "attachments", *_ASSIGNED})


def signature_verify(statement: dict[str, Any], jws_bytes: bytes) -> None:
    """Check the JWS of a signed statement against the statement received.

    Raises: BadRequest naming the reason (malformed JWS, algorithm, payload differing from the
    statement, bad certificate or signature).
    """
    header_part, payload_part, signature = _jws_split(jws_bytes)
    header = _json_part(header_part, "header")
    if not isinstance(header, dict):
        raise BadRequest("signature: the JWS header must be a JSON object.")
    algorithm = header.get("alg")
    if not isinstance(algorithm, str) or algorithm not in _HASHES:
        raise BadRequest('signature: the JWS "alg" must be RS256, RS384 or RS512.')
    payload = _json_part(payload_part, "payload")
    if not isinstance(payload, dict):
        raise BadRequest("signature: the JWS payload must be a statement (a JSON object).")
    _payload_compare(payload, statement)
    if "x5c" in header:
        signing_input = f"{header_part}.{payload_part}".encode("ascii")
        _certificate_verify(header["x5c"], signing_input, signature, _HASHES[algorithm]())


def _b64url_decode(part: str, name: str) -> bytes:
    if _BASE64URL.match(part) is None or len(part) % 4 == 1:
        raise BadRequest(f"signature: the JWS {name} is not base64url.")
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def _jws_split(jws_bytes: bytes) -> tuple[str, str, bytes]:
    try:
        text = jws_bytes.decode("ascii").strip()
    except UnicodeDecodeError:
        raise BadRequest("signature: a JWS compact serialisation is ASCII text.") from None
    parts = text.split(".")
    if len(parts) != 3 or not all(parts):
        raise BadRequest(
            "signature: must be a JWS compact serialisation (header.payload.signature)."
        )
    return parts[0], parts[1], _b64url_decode(parts[2], "signature")


def _json_part(part: str, name: str) -> Any:
    try:
        return json.loads(_b64url_decode(part, name))
    except (ValueError, UnicodeDecodeError):
        raise BadRequest(f"signature: the JWS {name} is not valid JSON.") from None


def _certificate_verify(
    chain: Any, signing_input: bytes, signature: bytes, algorithm: hashes.HashAlgorithm
) -> None:
    if not isinstance(chain, list) or not chain or not isinstance(chain[0], str):
        raise BadRequest('signature: the JWS "x5c" must be a list of base64 certificates.')
    try:
        certificate = load_der_x509_certificate(base64.b64decode(chain[0], validate=True))
    except (ValueError, binascii.Error):
        raise BadRequest('signature: the first "x5c" certificate cannot be read.') from None
    public_key = certificate.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise BadRequest('signature: the "x5c" certificate must hold an RSA key.')
    try:
        public_key.verify(signature, signing_input, padding.PKCS1v15(), algorithm)
    except InvalidSignature:
        raise BadRequest(
            'signature: does not verify with the public key of its "x5c" certificate.'
        ) from None


def _payload_compare(payload: dict[str, Any], statement: dict[str, Any]) -> None:
    """The signed payload and the received statement are logically equivalent."""
    for name in _ASSIGNED:
        if (
            name in payload
            and name in statement
            and not _assigned_equal(name, payload[name], statement[name])
        ):
            raise BadRequest(f"signature: the signed statement's {name} differs.")
    signed = {key: value for key, value in payload.items() if key not in _IGNORED}
    received = {key: value for key, value in statement.items() if key not in _IGNORED}
    if not _equivalent(signed, received):
        raise BadRequest("signature: the signed payload differs from the statement.")


def _assigned_equal(name: str, signed: Any, received: Any) -> bool:
    if name == "id" and isinstance(signed, str) and isinstance(received, str):
        return signed.lower() == received.lower()
    if name == "timestamp" and isinstance(signed, str) and isinstance(received, str):
        # The same instant written in another time zone is the same timestamp (Data 2.3.1).
        try:
            return _instant(signed) == _instant(received)
        except ValueError:
            return signed == received
    return bool(signed == received)


def _instant(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _equivalent(signed: Any, received: Any, key: str = "") -> bool:
    """Deep equality, except that a Group's members are an unordered list (Data 2.3.1)."""
    if isinstance(signed, dict) and isinstance(received, dict):
        return signed.keys() == received.keys() and all(
            _equivalent(value, received[name], name) for name, value in signed.items()
        )
    if isinstance(signed, list) and isinstance(received, list):
        if len(signed) != len(received):
            return False
        if key == "member":
            signed = sorted(signed, key=_member_sort_key)
            received = sorted(received, key=_member_sort_key)
        return all(_equivalent(a, b) for a, b in zip(signed, received, strict=True))
    if isinstance(signed, bool) or isinstance(received, bool):
        return signed is received
    if key == "duration" and isinstance(signed, str) and isinstance(received, str):
        # Durations compare to 0.01 s: an LRS may truncate finer precision (Data 4.6).
        return _hundredths(signed) == _hundredths(received)
    return bool(signed == received)


_SECONDS = re.compile(r"(\d+)\.(\d+)S$")


def _hundredths(duration: str) -> str:
    """The duration with its seconds truncated to hundredths (P1DT0.1237S -> P1DT0.12S)."""
    return _SECONDS.sub(lambda m: f"{m.group(1)}.{(m.group(2) + '00')[:2]}S", duration)


def _member_sort_key(member: Any) -> str:
    if isinstance(member, dict):
        return agent_key(member) or json.dumps(member, sort_keys=True)
    return json.dumps(member, sort_keys=True)
