"""How a batch is written (COPY on PostgreSQL, executemany elsewhere): a clash with a statement
stored meanwhile is a 409-style Conflict that stores nothing of the batch; what no database can
store (the NUL character) is refused alike on SQLite and PostgreSQL."""

import json

import pytest

from commonplace.lrs.enums import Scope, XapiVersion
from commonplace.lrs.errors import Conflict
from commonplace.lrs.models import Statement
from commonplace.lrs.services import lrs_client_create
from commonplace.lrs.services import statements as store

from .builders import new_id, statement
from .test_http import basic

pytestmark = pytest.mark.django_db


def test_a_batch_clashing_with_a_statement_stored_meanwhile_stores_nothing(monkeypatch):
    taken = new_id()
    store.statements_store([statement(id=taken)], client=None, version=XapiVersion.V2_0_0)
    # Another request stored `taken` after this batch looked for stored ids.
    monkeypatch.setattr(store, "_not_yet_stored", lambda statements: statements)
    batch = [statement(id=new_id()), statement(id=taken), statement(id=new_id())]

    with pytest.raises(Conflict, match="stored meanwhile"):
        store.statements_store(batch, client=None, version=XapiVersion.V2_0_0)

    assert [str(i) for i in Statement.objects.values_list("statement_id", flat=True)] == [taken]


def test_a_batch_is_stored_whole_with_its_columns():
    ids = [new_id() for _ in range(3)]
    registration = new_id()
    batch = [
        statement(id=i, context={"registration": registration}, timestamp="2026-11-01T10:00:00Z")
        for i in ids
    ]

    stored = store.statements_store(batch, client=None, version=XapiVersion.V2_0_0)

    assert stored == ids
    rows = Statement.objects.filter(statement_id__in=ids)
    assert {str(r.statement_id) for r in rows} == set(ids)
    for row in rows:
        assert str(row.registration) == registration
        assert row.timestamp.isoformat() == "2026-11-01T10:00:00+00:00"
        assert row.data["id"] == str(row.statement_id)
        assert "x:http://example.test/activities/organising-1" in row.keys


@pytest.mark.parametrize("count", [1, 3])
def test_a_nul_character_in_a_statement_is_refused_on_every_database(client, count):
    lrs, secret = lrs_client_create(actor=None, name="LMS", scopes=[Scope.ALL])
    headers = {"Authorization": basic(lrs.key, secret), "X-Experience-API-Version": "2.0.0"}
    batch = [statement(id=new_id()) for _ in range(count)]
    batch[-1]["actor"]["name"] = "A\u0000B"
    body = json.dumps(batch if count > 1 else batch[0])

    response = client.post(
        "/xapi/statements", body, content_type="application/json", headers=headers
    )

    assert response.status_code == 400
    assert "NUL character" in response.json()["error"]["message"]
    assert not Statement.objects.exists()
