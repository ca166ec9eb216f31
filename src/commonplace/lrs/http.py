"""The xAPI HTTP layer shared by every resource under /xapi/.

Each request becomes an `XapiRequest` (method, headers, params, body, version, client) whether it
came in the ordinary way or through the 1.0.3 alternate request syntax, so resource handlers
never look at Django's request directly. `XapiView` negotiates the version from
`X-Experience-API-Version` (each request gets its own version's behaviour), authenticates the
client (HTTP Basic), checks its scopes, answers CORS, and turns `XapiError` into a JSON error
with the right status. This follows the xAPI specification, not the habits of our JSON API.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from .enums import XapiVersion
from .errors import BadRequest, Forbidden, Unauthorised, XapiError
from .models import LrsClient
from .selectors.clients import lrs_client_authenticate

VERSION_HEADER = "X-Experience-API-Version"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "HEAD, GET, POST, PUT, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Content-Type, Content-Length, Authorization, If-Match, If-None-Match, "
        "X-Experience-API-Version, X-Experience-API-Consistent-Through"
    ),
    "Access-Control-Expose-Headers": (
        "ETag, Last-Modified, Cache-Control, Content-Type, Content-Length, WWW-Authenticate, "
        "X-Experience-API-Version, X-Experience-API-Consistent-Through"
    ),
}


def negotiate_version(value: str | None) -> XapiVersion:
    """1.0.x → 1.0.3 behaviour, 2.0.x → 2.0.0 behaviour; anything else is refused."""
    if not value:
        raise BadRequest(f"The {VERSION_HEADER} header is required.")
    parts = value.strip().split(".")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise BadRequest(f"Unsupported {VERSION_HEADER}: {value!r}.")
    major, minor = int(parts[0]), int(parts[1])
    if (major, minor) == (1, 0):
        return XapiVersion.V1_0_3
    if (major, minor) == (2, 0):
        return XapiVersion.V2_0_0
    raise BadRequest(f"Unsupported {VERSION_HEADER}: {value!r}.")


@dataclass
class XapiRequest:
    method: str
    headers: Mapping[str, str]  # lower-cased names
    params: dict[str, str]
    body: bytes
    content_type: str
    version: XapiVersion = XapiVersion.V2_0_0
    client: LrsClient | None = None
    alternate: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_v2(self) -> bool:
        return self.version == XapiVersion.V2_0_0

    def json_body(self) -> Any:
        try:
            return json.loads(self.body or b"null")
        except (ValueError, UnicodeDecodeError, RecursionError) as error:
            raise BadRequest(f"The request body is not valid JSON: {error}") from error


def xapi_request_from(request: HttpRequest) -> XapiRequest:
    """Build the xAPI view of a Django request (the alternate syntax is handled in `alternate`)."""
    headers = {name.lower(): value for name, value in request.headers.items()}
    return XapiRequest(
        method=request.method or "GET",
        headers=headers,
        params={key: request.GET.get(key, "") for key in request.GET},
        body=request.body,
        content_type=(request.content_type or "").lower(),
    )


def json_response(
    data: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        status=status,
        content_type="application/json",
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error_response(error: XapiError) -> HttpResponse:
    response = json_response(
        {"error": {"code": error.status, "message": error.message}}, status=error.status
    )
    if error.status == 401:
        response["WWW-Authenticate"] = 'Basic realm="xAPI"'
    return response


Handler = Callable[[XapiRequest], HttpResponse]


@method_decorator(csrf_exempt, name="dispatch")
class XapiView(View):
    """Base of every xAPI resource view.

    Subclasses define `handle_<method>(xreq)` for the methods they serve and `scopes`: for each
    method, the client scopes of which any one allows it.
    """

    scopes: ClassVar[dict[str, set[str]]] = {}
    require_version: ClassVar[bool] = True
    require_auth: ClassVar[bool] = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            return self._with_common_headers(HttpResponse(status=200), None)
        xreq: XapiRequest | None = None
        try:
            xreq = self.build_request(request)
            self.authorise(xreq)
            handler: Handler | None = getattr(self, f"handle_{xreq.method.lower()}", None)
            if handler is None:
                response = error_response(
                    XapiError(f"Method {xreq.method} is not allowed here.", status=405)
                )
            else:
                response = handler(xreq)
        except XapiError as error:
            response = error_response(error)
        return self._with_common_headers(response, xreq)

    def build_request(self, request: HttpRequest) -> XapiRequest:
        from .alternate import alternate_request_or_none  # the 1.0.3 alternate request syntax

        xreq = alternate_request_or_none(request) or xapi_request_from(request)
        header = xreq.headers.get(VERSION_HEADER.lower())
        xreq.version = XapiVersion(settings.LRS_DEFAULT_VERSION)  # what an error names
        if header or self.require_version:
            xreq.version = negotiate_version(header)
        if xreq.alternate and xreq.is_v2:
            raise BadRequest("xAPI 2.0 does not allow the alternate request syntax.")
        with_nul = sorted(repr(k) for k, v in xreq.params.items() if "\x00" in k or "\x00" in v)
        if with_nul:  # no database column can store it (PostgreSQL refuses it in text)
            raise BadRequest(f"Parameters cannot hold the NUL character: {', '.join(with_nul)}.")
        return xreq

    def authorise(self, xreq: XapiRequest) -> None:
        if not self.require_auth:
            return
        client = lrs_client_authenticate(authorization=xreq.headers.get("authorization", ""))
        if client is None:
            raise Unauthorised("Valid LRS credentials (HTTP Basic) are required.")
        xreq.client = client
        allowed = self.scopes.get(xreq.method, set())
        if allowed and not (set(client.scopes) & (allowed | {"all"})):
            raise Forbidden("These credentials do not have the scope this request needs.")

    def _with_common_headers(
        self, response: HttpResponse, xreq: XapiRequest | None
    ) -> HttpResponse:
        version = xreq.version if xreq is not None else XapiVersion(settings.LRS_DEFAULT_VERSION)
        response[VERSION_HEADER] = version.value
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response
