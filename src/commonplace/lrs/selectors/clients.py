"""Reads of the LRS."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from django.conf import settings

from ..models import LrsClient


def lrs_secret_digest(secret: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), secret.encode(), hashlib.sha256).hexdigest()


def lrs_client_authenticate(*, authorization: str) -> LrsClient | None:
    """The active client named by an HTTP Basic `Authorization` header, or None."""
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        key, sep, secret = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not sep:
        return None
    # One indexed row, no ORDER BY: this runs on every xAPI request.
    client = next(iter(LrsClient.objects.filter(key=key, is_active=True)[:1]), None)
    if client is None or not hmac.compare_digest(client.secret_digest, lrs_secret_digest(secret)):
        return None
    return client
