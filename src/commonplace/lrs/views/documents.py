"""The document resources: State (/activities/state), Activity Profile (/activities/profile)
and Agent Profile (/agents/profile).

One base view parses each resource's parameters into a document key and calls a door; the
resources differ only in their parameters, scope and whether a PUT over an existing document
needs a conditional header (the profiles in both versions, State from 2.0 on).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from django.http import HttpResponse
from django.utils.http import http_date

from ..enums import DocumentKind, Scope
from ..errors import NotFound
from ..http import XapiRequest, XapiView
from ..selectors.documents import DocumentKey, document_get, document_ids_list
from ..services.documents import (
    Preconditions,
    document_delete,
    document_post,
    document_put,
    documents_delete,
)
from .params import param_agent, param_iri, param_registration, param_since, params_check


@dataclass(frozen=True)
class Target:
    """The documents a request names: one when `document_id` is set, else a set (with `since`)."""

    activity_id: str
    agent_key: str
    registration: uuid.UUID | None
    document_id: str | None
    since: datetime | None


def _quoted(etag: str) -> str:
    return f'"{etag}"'


def _no_content(etag: str | None = None) -> HttpResponse:
    response = HttpResponse(status=204)
    if etag:
        response["ETag"] = _quoted(etag)
    return response


class HeadAsGetMixin:
    """HEAD answers as GET would, without the body."""

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        raise NotImplementedError

    def handle_head(self, xreq: XapiRequest) -> HttpResponse:
        response = self.handle_get(xreq)
        response.content = b""
        return response


class DocumentView(HeadAsGetMixin, XapiView):
    kind: ClassVar[DocumentKind]
    id_param: ClassVar[str]
    context_params: ClassVar[tuple[str, ...]]  # required on every method
    optional_params: ClassVar[frozenset[str]] = frozenset()
    delete_many: ClassVar[bool] = False  # DELETE without the id deletes every match
    scope: ClassVar[str]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        read = {cls.scope, Scope.ALL_READ}
        cls.scopes = {"GET": read, "HEAD": read, "PUT": {cls.scope}, "POST": {cls.scope}}
        cls.scopes["DELETE"] = {cls.scope}

    def target(self, xreq: XapiRequest, *, id_required: bool, since: bool = False) -> Target:
        required = set(self.context_params) | ({self.id_param} if id_required else set())
        optional = set(self.optional_params) | {self.id_param} | ({"since"} if since else set())
        params_check(xreq, required=required, optional=optional)
        document_id = xreq.params.get(self.id_param) or None
        return Target(
            activity_id=param_iri(xreq, "activityId") if "activityId" in required else "",
            agent_key=param_agent(xreq)[1] if "agent" in required else "",
            registration=param_registration(xreq),
            document_id=document_id,
            since=param_since(xreq) if since else None,  # checked always, used by lists only
        )

    def key(self, target: Target, document_id: str) -> DocumentKey:
        return DocumentKey(
            kind=self.kind,
            document_id=document_id,
            activity_id=target.activity_id,
            agent_key=target.agent_key,
            registration=target.registration,
        )

    def require_precondition(self, xreq: XapiRequest) -> bool:
        """Whether a PUT over an existing document needs If-Match or If-None-Match (409)."""
        return True

    def create_needs_precondition(self, xreq: XapiRequest) -> bool:
        """Whether a PUT creating a document needs If-Match or If-None-Match (400).

        xAPI 1.0.3 tells clients to send one on every profile PUT; ADL's 1.0.3 suite holds the
        LRS to refusing a PUT without either; 2.0 dropped that check.
        """
        return not xreq.is_v2

    # GET and HEAD

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        target = self.target(xreq, id_required=False, since=True)
        document_id = target.document_id
        if document_id is None:
            ids, latest = document_ids_list(
                kind=self.kind,
                activity_id=target.activity_id,
                agent_key=target.agent_key,
                registration=target.registration,
                since=target.since,
            )
            response = HttpResponse(json.dumps(ids), content_type="application/json")
            if latest is not None:
                response["Last-Modified"] = http_date(latest.timestamp())
            return response
        document = document_get(key=self.key(target, document_id))
        if document is None:
            raise NotFound(f"No document with {self.id_param} {document_id!r}.")
        response = HttpResponse(bytes(document.content), content_type=document.content_type)
        response["ETag"] = _quoted(document.etag)
        response["Last-Modified"] = http_date(document.updated.timestamp())
        return response

    # PUT, POST, DELETE

    def handle_put(self, xreq: XapiRequest) -> HttpResponse:
        target = self.target(xreq, id_required=True)
        document = document_put(
            key=self.key(target, xreq.params[self.id_param]),
            content=xreq.body,
            content_type=_content_type(xreq),
            preconditions=_preconditions(xreq),
            require_precondition=self.require_precondition(xreq),
            create_needs_precondition=self.create_needs_precondition(xreq),
        )
        return _no_content(document.etag)

    def handle_post(self, xreq: XapiRequest) -> HttpResponse:
        target = self.target(xreq, id_required=True)
        document = document_post(
            key=self.key(target, xreq.params[self.id_param]),
            content=xreq.body,
            content_type=_content_type(xreq),
            preconditions=_preconditions(xreq),
        )
        return _no_content(document.etag)

    def handle_delete(self, xreq: XapiRequest) -> HttpResponse:
        target = self.target(xreq, id_required=not self.delete_many)
        document_id = target.document_id
        if document_id is None:
            documents_delete(
                kind=self.kind,
                activity_id=target.activity_id,
                agent_key=target.agent_key,
                registration=target.registration,
            )
        else:
            document_delete(key=self.key(target, document_id), preconditions=_preconditions(xreq))
        return _no_content()


def _content_type(xreq: XapiRequest) -> str:
    return xreq.content_type.split(";")[0].strip().lower() or "application/octet-stream"


def _preconditions(xreq: XapiRequest) -> Preconditions:
    return Preconditions(
        if_match=xreq.headers.get("if-match"), if_none_match=xreq.headers.get("if-none-match")
    )


class StateView(DocumentView):
    """/xapi/activities/state: documents of an activity, an agent and optionally a registration."""

    kind = DocumentKind.STATE
    id_param = "stateId"
    context_params = ("activityId", "agent")
    optional_params = frozenset({"registration"})
    delete_many = True
    scope = Scope.STATE

    def require_precondition(self, xreq: XapiRequest) -> bool:
        # 1.0.3 lets a State PUT overwrite without conditional headers; 2.0 does not.
        return xreq.is_v2

    def create_needs_precondition(self, xreq: XapiRequest) -> bool:
        return False


class ActivityProfileView(DocumentView):
    """/xapi/activities/profile: documents about an activity."""

    kind = DocumentKind.ACTIVITY_PROFILE
    id_param = "profileId"
    context_params = ("activityId",)
    scope = Scope.PROFILE


class AgentProfileView(DocumentView):
    """/xapi/agents/profile: documents about an agent."""

    kind = DocumentKind.AGENT_PROFILE
    id_param = "profileId"
    context_params = ("agent",)
    scope = Scope.PROFILE
