"""Cross-app fixtures only. App fixtures live beside their tests."""

import email
import email.message
import email.policy
import os
import socket

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's event loop vs. the ORM


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttles and caches live in the cache: every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english():
    """Every test starts in English: a request in Welsh leaves its language active in the
    thread, and the next test would read Welsh messages."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _mfa_requirement(request, settings):
    """Tests of other features sign people in without TOTP; `@pytest.mark.mfa` keeps the
    production requirement on for the tests of the requirement itself."""
    settings.COMMONPLACE_MFA_REQUIRED = request.node.get_closest_marker("mfa") is not None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Inbox:
    """Collects the messages an SMTP server receives, parsed."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        return "250 OK"


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on a free local port; Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


def pytest_terminal_summary(terminalreporter) -> None:
    from tests.permissions.counter import CASES

    if CASES:
        terminalreporter.write_sep("-", "permission cases checked")
        for name, count in sorted(CASES.items()):
            terminalreporter.write_line(f"{name}: {count}")
        terminalreporter.write_line(f"total: {sum(CASES.values())}")
