"""An outside verifier of Open Badges 3.0 VC-JWT credentials, for the tests: it knows nothing of
the platform but its published JWK Set, and checks RS256 with `cryptography` (not with the
library that signed)."""

import base64
import json

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa


def b64decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _int(value: str) -> int:
    return int.from_bytes(b64decode(value), "big")


def verify(client, token: str) -> tuple[dict, dict]:
    """Verify a compact JWS as an outside verifier: the key comes from the published JWK Set,
    matched on the header's `kid`; the signature is RSASSA-PKCS1-v1_5 with SHA-256 (RS256).
    Returns the header and payload; raises InvalidSignature."""
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64decode(header_b64))
    assert header["alg"] == "RS256"
    jwks = client.get("/certificates/openbadges/v3/jwks.json").json()
    (jwk,) = [key for key in jwks["keys"] if key["kid"] == header["kid"]]
    public_key = rsa.RSAPublicNumbers(_int(jwk["e"]), _int(jwk["n"])).public_key()
    public_key.verify(
        b64decode(signature_b64),
        f"{header_b64}.{payload_b64}".encode("ascii"),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    return header, json.loads(b64decode(payload_b64))
