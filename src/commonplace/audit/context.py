"""Where the current action comes from (request, task or command), kept in a context variable."""

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class AuditContext:
    interface: str = ""
    request_id: str = ""
    ip_address: str | None = None


_EMPTY = AuditContext()
_current: contextvars.ContextVar[AuditContext | None] = contextvars.ContextVar(
    "audit_context", default=None
)


def current_context() -> AuditContext:
    return _current.get() or _EMPTY


@contextlib.contextmanager
def audit_context(context: AuditContext) -> Iterator[None]:
    token = _current.set(context)
    try:
        yield
    finally:
        _current.reset(token)
