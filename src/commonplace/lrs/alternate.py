"""The xAPI 1.0.3 alternate request syntax (§ "Alternate Request Syntax", for CORS clients).

A POST whose only query parameter is `method` carries the real method; headers, the content and
the resource's parameters travel as form fields of an application/x-www-form-urlencoded body.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from django.http import HttpRequest

from .errors import BadRequest
from .http import XapiRequest

HEADER_FIELDS = {
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
}


def alternate_request_or_none(request: HttpRequest) -> XapiRequest | None:
    if request.method != "POST" or "method" not in request.GET:
        return None
    if set(request.GET) != {"method"}:
        raise BadRequest("With the alternate request syntax, `method` is the only query parameter.")
    method = request.GET["method"].upper()
    if method not in {"GET", "PUT", "POST", "DELETE", "HEAD"}:
        raise BadRequest(f"Unknown method in the alternate request syntax: {method!r}.")
    if not (request.content_type or "").lower().startswith("application/x-www-form-urlencoded"):
        raise BadRequest(
            "The alternate request syntax needs an application/x-www-form-urlencoded body."
        )
    try:
        form = {
            k: v[-1] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()
        }
    except UnicodeDecodeError as error:
        raise BadRequest("The form body is not valid UTF-8.") from error
    headers = {name.lower(): value for name, value in request.headers.items()}
    headers["content-type"] = "application/json"  # the content's type, unless a field names one
    params: dict[str, str] = {}
    for name, value in form.items():
        if name.lower() in HEADER_FIELDS:
            headers[name.lower()] = value
        elif name != "content":
            params[name] = value
    content = form.get("content", "")
    return XapiRequest(
        method=method,
        headers=headers,
        params=params,
        body=content.encode(),
        content_type=headers["content-type"].lower(),
        alternate=True,
    )
