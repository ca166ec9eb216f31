"""Fixtures of the LRS tests: a client with credentials, and an xAPI caller over Django's client."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import pytest

from commonplace.lrs.enums import Scope
from commonplace.lrs.services import lrs_client_create


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@dataclass
class Xapi:
    """Calls /xapi/ with credentials and a version header, like an xAPI client."""

    client: Any
    authorization: str
    version: str = "2.0.0"

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Authorization": self.authorization, "X-Experience-API-Version": self.version}
        headers.update(extra or {})
        return headers

    def post(self, body: Any, path: str = "/xapi/statements", **kwargs: Any) -> Any:
        data = body if isinstance(body, bytes | str) else json.dumps(body)
        content_type = kwargs.pop("content_type", "application/json")
        return self.client.post(
            path, data, content_type=content_type, headers=self.headers(kwargs.pop("headers", None))
        )

    def put(self, body: Any, statement_id: str) -> Any:
        return self.client.put(
            f"/xapi/statements?statementId={statement_id}",
            json.dumps(body),
            content_type="application/json",
            headers=self.headers(),
        )

    def get(self, params: dict[str, Any] | None = None, path: str = "/xapi/statements") -> Any:
        return self.client.get(path, params or {}, headers=self.headers())


@pytest.fixture
def xapi(client, db) -> Xapi:
    lrs_client, secret = lrs_client_create(actor=None, name="Provider LMS", scopes=[Scope.ALL])
    return Xapi(client=client, authorization=basic(lrs_client.key, secret))


@pytest.fixture
def make_xapi(client, db):
    """An xAPI caller with the given scopes."""

    def make(*scopes: str, version: str = "2.0.0") -> Xapi:
        lrs_client, secret = lrs_client_create(actor=None, name="Scoped", scopes=list(scopes))
        return Xapi(client=client, authorization=basic(lrs_client.key, secret), version=version)

    return make
