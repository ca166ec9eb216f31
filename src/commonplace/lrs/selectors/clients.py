"""Reads of the LRS."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time

from django.conf import settings

from ..models import LrsClient

CLIENT_CACHE_SIZE = 1000


def lrs_secret_digest(secret: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), secret.encode(), hashlib.sha256).hexdigest()


# key -> (when the entry expires, the client): every xAPI request authenticates, and a query for
# the client cost more than the rest of storing a statement. Deactivation forgets the key in the
# process that does it; other processes refuse it when their entry expires.
_CLIENTS: dict[str, tuple[float, LrsClient]] = {}


def lrs_client_forget(key: str) -> None:
    """Drop a client from this process's cache (after it is deactivated)."""
    _CLIENTS.pop(key, None)


def _client_active(key: str) -> LrsClient | None:
    now = time.monotonic()
    cached = _CLIENTS.get(key)
    if cached is not None and cached[0] > now:
        return cached[1]
    # One indexed row, no ORDER BY.
    client = next(iter(LrsClient.objects.filter(key=key, is_active=True)[:1]), None)
    if client is None:
        _CLIENTS.pop(key, None)
    else:
        if len(_CLIENTS) > CLIENT_CACHE_SIZE:
            _CLIENTS.clear()
        _CLIENTS[key] = (now + settings.LRS_CLIENT_CACHE_SECONDS, client)
    return client


def lrs_client_authenticate(*, authorization: str) -> LrsClient | None:
    """The active client named by an HTTP Basic `Authorization` header, or None.

    Clients are cached per process for `LRS_CLIENT_CACHE_SECONDS` (default 5): a deactivated
    client is refused at once by the process that deactivated it, and by every other server
    process within that time. Unknown keys are never cached."""
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        key, sep, secret = base64.b64decode(encoded.strip(), validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not sep:
        return None
    client = _client_active(key)
    if client is None or not hmac.compare_digest(client.secret_digest, lrs_secret_digest(secret)):
        return None
    return client
