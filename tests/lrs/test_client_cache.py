"""Authenticated clients are cached per process for LRS_CLIENT_CACHE_SECONDS: deactivation is
seen at once by the process that did it, and by others when their entry expires."""

import pytest

from commonplace.lrs.enums import Scope
from commonplace.lrs.selectors import clients as client_selectors
from commonplace.lrs.services import lrs_client_create, lrs_client_deactivate

from .conftest import Xapi, basic

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.LRS_CLIENT_CACHE_SECONDS = 60
    client_selectors._CLIENTS.clear()
    yield
    client_selectors._CLIENTS.clear()


def _caller(client):
    lrs_client, secret = lrs_client_create(actor=None, name="LMS", scopes=[Scope.ALL])
    return lrs_client, Xapi(client=client, authorization=basic(lrs_client.key, secret))


def test_a_cached_client_is_read_once(cached, client, django_assert_num_queries):
    _, xapi = _caller(client)
    assert xapi.get().status_code == 200  # reads the client
    with django_assert_num_queries(1):  # the statements query only
        assert xapi.get().status_code == 200


def test_a_wrong_secret_is_refused_even_when_the_client_is_cached(cached, client):
    lrs_client, xapi = _caller(client)
    assert xapi.get().status_code == 200
    wrong = Xapi(client=client, authorization=basic(lrs_client.key, "not-the-secret"))
    assert wrong.get().status_code == 401


def test_deactivation_is_refused_at_once_in_the_same_process(cached, client):
    lrs_client, xapi = _caller(client)
    assert xapi.get().status_code == 200
    lrs_client_deactivate(actor=None, client=lrs_client)
    assert xapi.get().status_code == 401


def test_another_process_refuses_a_deactivated_client_when_its_entry_expires(
    cached, client, settings
):
    lrs_client, xapi = _caller(client)
    assert xapi.get().status_code == 200
    # Another process deactivates it: this process's entry is untouched...
    type(lrs_client).objects.filter(pk=lrs_client.pk).update(is_active=False)
    assert xapi.get().status_code == 200
    # ...until it expires.
    settings.LRS_CLIENT_CACHE_SECONDS = 0
    key, (_, cached_client) = next(iter(client_selectors._CLIENTS.items()))
    client_selectors._CLIENTS[key] = (0.0, cached_client)
    assert xapi.get().status_code == 401
