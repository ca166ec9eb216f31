"""Sets the audit context (interface, request id, client IP) for the length of each request."""

import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import AuditContext, audit_context


class AuditContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
        interface = "api" if request.path.startswith(("/api/", "/xapi/")) else "web"
        context = AuditContext(
            interface=interface, request_id=request_id, ip_address=request.META.get("REMOTE_ADDR")
        )
        with audit_context(context):
            return self.get_response(request)
