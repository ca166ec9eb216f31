"""Query parameters of the document, Activities and Agents resources, checked and typed.

Each function raises `BadRequest` naming the parameter and what is wrong with it, so a client
learns from the 400 which of its parameters to fix.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from django.utils.dateparse import parse_datetime

from ..errors import BadRequest
from ..http import XapiRequest
from ..validation import agent_key, agent_validate

IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:\S")
HEX = "[0-9a-fA-F]"
UUID_FORM = re.compile(rf"^{HEX}{{8}}-{HEX}{{4}}-{HEX}{{4}}-{HEX}{{4}}-{HEX}{{12}}$")


def params_check(xreq: XapiRequest, *, required: set[str], optional: set[str]) -> None:
    """Refuse a request missing a required parameter, or carrying one this request does not take."""
    given = set(xreq.params)
    missing = sorted(required - given)
    if missing:
        raise BadRequest(f"Missing parameter: {', '.join(missing)}.")
    extra = sorted(given - required - optional)
    if extra:
        raise BadRequest(
            f"Unexpected parameter for {xreq.method} on this resource: {', '.join(extra)}."
        )
    empty = sorted(name for name in required if not xreq.params[name])
    if empty:
        raise BadRequest(f"Empty parameter: {', '.join(empty)}.")


def param_iri(xreq: XapiRequest, name: str) -> str:
    value = xreq.params[name]
    if not IRI_SCHEME.match(value):
        raise BadRequest(f"{name}: must be an IRI (with a scheme, such as http:), not {value!r}.")
    return value


def param_agent(xreq: XapiRequest, name: str = "agent") -> tuple[dict[str, Any], str]:
    """The Agent of a JSON parameter, validated, and its canonical key."""
    try:
        agent = json.loads(xreq.params[name])
    except (ValueError, RecursionError) as error:  # RecursionError: nested too deep
        raise BadRequest(f"{name}: must be an Agent as JSON ({error}).") from error
    agent_validate(agent, version=xreq.version, where=name)
    return agent, agent_key(agent)


def param_registration(xreq: XapiRequest) -> uuid.UUID | None:
    value = xreq.params.get("registration")
    if value is None:
        return None
    if not UUID_FORM.match(value):
        raise BadRequest(f"registration: must be a UUID, not {value!r}.")
    return uuid.UUID(value)


def param_since(xreq: XapiRequest) -> datetime | None:
    value = xreq.params.get("since")
    if value is None:
        return None
    try:
        since = parse_datetime(value)
    except ValueError:
        since = None
    if since is None:
        raise BadRequest(f"since: must be an ISO 8601 timestamp, not {value!r}.")
    # A timestamp without a time zone is read as UTC, as xAPI says of timestamps.
    return since if since.tzinfo is not None else since.replace(tzinfo=UTC)
