"""The WSGI entry point sends /xapi/ through the short middleware list."""

import io

import pytest

from commonplace import wsgi

pytestmark = pytest.mark.django_db


def call(path: str) -> tuple[str, dict[str, str], bytes]:
    answer: dict[str, object] = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "https",
    }
    body = b"".join(wsgi.application(environ, start_response))
    return answer["status"], answer["headers"], body  # type: ignore[return-value]


def test_xapi_requests_skip_the_page_middleware():
    status, headers, body = call("/xapi/about")
    assert status.startswith("200")
    assert b"2.0.0" in body
    assert "Content-Security-Policy" not in headers  # no page middleware
    assert headers["X-Experience-API-Version"] == "2.0.0"


def test_pages_keep_their_middleware():
    status, headers, _ = call("/accessibility/")
    assert status.startswith("200")
    assert "Content-Security-Policy" in headers
