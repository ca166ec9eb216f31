"""The Statements resource: PUT, POST, GET and HEAD of /xapi/statements."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

import orjson
from django.conf import settings
from django.core import signing
from django.http import HttpResponse

from .. import multipart
from ..enums import Scope
from ..errors import BadRequest, NotFound
from ..formats import statement_formatted
from ..http import XapiRequest, XapiView, json_response
from ..multipart import AttachmentPart
from ..selectors.statements import (
    StatementQuery,
    StoredStatement,
    attachments_for,
    statement_get,
    statements_query,
)
from ..services.statements import statements_store
from ..validation import agent_validate, iri_validate

WRITE = {Scope.STATEMENTS_WRITE.value}
READ = {Scope.STATEMENTS_READ.value, Scope.STATEMENTS_READ_MINE.value, Scope.ALL_READ.value}
QUERY_PARAMS = {
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
}
SINGLE_PARAMS = {"statementId", "voidedStatementId", "format", "attachments"}
FORMATS = {"exact", "ids", "canonical"}
MORE_SALT = "commonplace.lrs.more"


def _bool_param(params: dict[str, str], name: str) -> bool:
    value = params.get(name, "false")
    if value not in ("true", "false"):
        raise BadRequest(f"`{name}` must be true or false, not {value!r}.")
    return value == "true"


def _time_param(params: dict[str, str], name: str) -> datetime | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as error:
        raise BadRequest(f"`{name}` must be an ISO 8601 timestamp, not {value!r}.") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _uuid_param(params: dict[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise BadRequest(f"`{name}` must be a UUID, not {value!r}.") from error


def _statements_body(xreq: XapiRequest) -> tuple[Any, dict[str, AttachmentPart]]:
    """The JSON of a request's statements, and its attachment parts if multipart/mixed."""
    if xreq.content_type.startswith("multipart/mixed"):
        body, parts = multipart.parse_request(xreq.headers.get("content-type", ""), xreq.body)
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError as error:
            raise BadRequest(f"The statements part is not valid JSON: {error}") from error
        return data, parts
    if not xreq.content_type.startswith("application/json"):
        raise BadRequest("Statements are sent as application/json or multipart/mixed.")
    try:
        data = orjson.loads(xreq.body)
    except orjson.JSONDecodeError as error:
        raise BadRequest(f"The request body is not valid JSON: {error}") from error
    return data, {}


class StatementsView(XapiView):
    scopes: ClassVar[dict[str, set[str]]] = {
        "PUT": WRITE,
        "POST": WRITE,
        "GET": READ,
        "HEAD": READ,
    }

    # Writes ------------------------------------------------------------------------------

    def handle_put(self, xreq: XapiRequest) -> HttpResponse:
        statement_id = _uuid_param(xreq.params, "statementId")
        if statement_id is None:
            raise BadRequest("PUT needs the `statementId` parameter.")
        if set(xreq.params) - {"statementId"}:
            raise BadRequest(f"Unknown parameters: {sorted(set(xreq.params) - {'statementId'})}.")
        statement, parts = _statements_body(xreq)
        if not isinstance(statement, dict):
            raise BadRequest("PUT takes one statement, a JSON object.")
        if "id" in statement and str(statement["id"]).lower() != statement_id:
            raise BadRequest("The statement's id differs from the statementId parameter.")
        statement["id"] = statement_id
        statements_store([statement], client=xreq.client, version=xreq.version, parts=parts)
        return HttpResponse(status=204)

    def handle_post(self, xreq: XapiRequest) -> HttpResponse:
        if xreq.params and not xreq.alternate:
            raise BadRequest(f"POST takes no parameters: {sorted(xreq.params)}.")
        if xreq.alternate and "statementId" in xreq.params:
            return self.handle_put(xreq)
        body, parts = _statements_body(xreq)
        statements = body if isinstance(body, list) else [body]
        if not statements:
            raise BadRequest("The batch is empty.")
        ids = statements_store(statements, client=xreq.client, version=xreq.version, parts=parts)
        return json_response(ids)

    # Reads -------------------------------------------------------------------------------

    def handle_head(self, xreq: XapiRequest) -> HttpResponse:
        response = self.handle_get(xreq)
        response.content = b""
        return response

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        mine = self._mine_only(xreq)
        params = xreq.params
        if "more" in params:
            return self._more(xreq, params["more"], mine)
        fmt = params.get("format", "exact")
        if fmt not in FORMATS:
            raise BadRequest(f"`format` must be one of exact, ids, canonical; not {fmt!r}.")
        attachments = _bool_param(params, "attachments")
        if "statementId" in params or "voidedStatementId" in params:
            return self._single(xreq, fmt=fmt, attachments=attachments, mine=mine)
        unknown = set(params) - QUERY_PARAMS
        if unknown:
            raise BadRequest(f"Unknown parameters: {sorted(unknown)}.")
        query = self._query_from(xreq, mine)
        return self._page(xreq, query, fmt=fmt, attachments=attachments)

    def _mine_only(self, xreq: XapiRequest) -> Any:
        """statements/read/mine alone: the client reads only the statements it stored."""
        scopes = set(xreq.client.scopes) if xreq.client else set()
        broad = {Scope.ALL, Scope.ALL_READ, Scope.STATEMENTS_READ}
        return xreq.client if not scopes & broad else None

    def _single(self, xreq: XapiRequest, *, fmt: str, attachments: bool, mine: Any) -> HttpResponse:
        params = xreq.params
        if "statementId" in params and "voidedStatementId" in params:
            raise BadRequest("Give statementId or voidedStatementId, not both.")
        unknown = set(params) - SINGLE_PARAMS
        if unknown:
            raise BadRequest(
                f"With a statement id, these parameters are not allowed: {sorted(unknown)}."
            )
        voided = "voidedStatementId" in params
        statement_id = _uuid_param(params, "voidedStatementId" if voided else "statementId")
        row = statement_get(str(statement_id), voided=voided, client=mine)
        if row is None:
            raise NotFound("No statement with this id.")
        body = _rendered([row], fmt, xreq.headers.get("accept-language", ""))[1:-1]
        response = self._respond(body, [row], attachments=attachments)
        response["Last-Modified"] = row.stored.strftime("%a, %d %b %Y %H:%M:%S GMT")
        return response

    def _query_from(self, xreq: XapiRequest, mine: Any) -> StatementQuery:
        params = xreq.params
        query = StatementQuery(client=mine)
        if "agent" in params:
            try:
                query.agent = orjson.loads(params["agent"])
            except orjson.JSONDecodeError as error:
                raise BadRequest("`agent` must be an Agent or Group as JSON.") from error
            agent_validate(query.agent, version=xreq.version, where="agent")
        for name in ("verb", "activity"):
            if name in params:
                iri_validate(params[name], where=name)
                setattr(query, name, params[name])
        query.registration = _uuid_param(params, "registration")
        query.related_activities = _bool_param(params, "related_activities")
        query.related_agents = _bool_param(params, "related_agents")
        query.ascending = _bool_param(params, "ascending")
        query.since = _time_param(params, "since")
        query.until = _time_param(params, "until")
        limit = params.get("limit", "0")
        if not limit.isdigit():
            raise BadRequest(f"`limit` must be a whole number, not {limit!r}.")
        query.limit = int(limit)
        return query

    def _page(
        self, xreq: XapiRequest, query: StatementQuery, *, fmt: str, attachments: bool
    ) -> HttpResponse:
        rows, more = statements_query(query, page_size=settings.LRS_PAGE_SIZE)
        more_link = ""
        if more:
            token = {
                "params": dict(xreq.params),
                "after": [rows[-1].stored.isoformat(), rows[-1].id],
                "client": query.client.pk if query.client else None,
            }
            more_link = "/xapi/statements?more=" + signing.dumps(
                token, salt=MORE_SALT, compress=True
            )
        statements = _rendered(rows, fmt, xreq.headers.get("accept-language", ""))
        body = b'{"statements":' + statements + b',"more":' + orjson.dumps(more_link) + b"}"
        return self._respond(body, rows, attachments=attachments)

    def _more(self, xreq: XapiRequest, token: str, mine: Any) -> HttpResponse:
        if set(xreq.params) != {"more"}:
            raise BadRequest("A `more` link takes no other parameters.")
        try:
            data = signing.loads(token, salt=MORE_SALT)
        except signing.BadSignature as error:
            raise BadRequest("This `more` link is not valid.") from error
        if data["client"] != (mine.pk if mine else None):
            raise NotFound("This `more` link belongs to other credentials.")
        xreq.params = data["params"]
        query = self._query_from(xreq, mine)
        query.after = (datetime.fromisoformat(data["after"][0]), int(data["after"][1]))
        fmt = xreq.params.get("format", "exact")
        return self._page(xreq, query, fmt=fmt, attachments=_bool_param(xreq.params, "attachments"))

    def _with_common_headers(
        self, response: HttpResponse, xreq: XapiRequest | None
    ) -> HttpResponse:
        """Every answer to a GET, errors included, says how far the store is consistent."""
        if xreq is None or xreq.method in ("GET", "HEAD"):
            response["X-Experience-API-Consistent-Through"] = (
                datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            )
        return super()._with_common_headers(response, xreq)

    def _respond(
        self, body: bytes, rows: list[StoredStatement], *, attachments: bool
    ) -> HttpResponse:
        if attachments:
            multipart_body, content_type = multipart.build_response(
                body, attachments_for(row.data for row in rows)
            )
            return HttpResponse(multipart_body, content_type=content_type)
        return HttpResponse(body, content_type="application/json")


def _rendered(rows: list[StoredStatement], fmt: str, languages: str) -> bytes:
    """A JSON array of the statements in `fmt`; `exact` copies the stored JSON text as it is."""
    if fmt == "exact":
        return b"[" + b",".join(row.raw.encode() for row in rows) + b"]"
    return orjson.dumps([statement_formatted(row.data, fmt, languages) for row in rows])
