"""Writes of the xAPI document resources (State, Activity Profile, Agent Profile).

Concurrency follows the version of the request: `If-Match` and `If-None-Match` are honoured on
PUT, POST and DELETE as RFC 7232 describes; a PUT over an existing document that carries
neither header is refused with 409 where the version requires it (the caller says so through
`require_precondition`: both versions for the profiles, 2.0 alone for State). In 1.0.3 a PUT
to a profile must carry one of them even to create a document, as ADL's conformance suite
checks (`create_needs_precondition`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..enums import DocumentKind
from ..errors import BadRequest, Conflict, PreconditionFailed
from ..models import Document
from ..selectors.documents import DocumentKey, documents_matching

JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Preconditions:
    """The request's conditional headers, as sent (None when absent)."""

    if_match: str | None = None
    if_none_match: str | None = None

    @property
    def present(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None


def document_etag(content: bytes) -> str:
    """The entity tag of a content: its SHA-1 in hexadecimal (unquoted)."""
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def _tags(header: str) -> set[str]:
    """The entity tags of a header value, unquoted, weak or strong alike ("*" kept as is)."""
    tags = set()
    for raw in header.split(","):
        tag = raw.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        tags.add(tag.strip('"'))
    return tags - {""}


def preconditions_check(*, document: Document | None, preconditions: Preconditions) -> None:
    """Refuse with PreconditionFailed when `If-Match` or `If-None-Match` does not hold."""
    if preconditions.if_match is not None:
        tags = _tags(preconditions.if_match)
        if document is None or not (tags & {"*", document.etag}):
            raise PreconditionFailed("The document does not match the If-Match header.")
    if preconditions.if_none_match is not None and document is not None:
        tags = _tags(preconditions.if_none_match)
        if tags & {"*", document.etag}:
            raise PreconditionFailed("The document matches the If-None-Match header.")


def _json_object_or_none(content: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested too deep
        return None
    return value if isinstance(value, dict) else None


def _json_check(content: bytes, content_type: str) -> None:
    if content_type != JSON_TYPE:
        return
    try:
        json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise BadRequest(f"The document is sent as {JSON_TYPE} but is not valid JSON.") from error


def _locked(key: DocumentKey) -> Document | None:
    return Document.objects.select_for_update().filter(**key.lookup()).first()


def _save(
    *, key: DocumentKey, document: Document | None, content: bytes, content_type: str
) -> Document:
    now = timezone.now()
    etag = document_etag(content)
    if document is not None:
        document.content = content
        document.content_type = content_type
        document.etag = etag
        document.updated = now
        document.save(update_fields=["content", "content_type", "etag", "updated"])
        return document
    try:
        with transaction.atomic():
            return Document.objects.create(
                **key.lookup(), content=content, content_type=content_type, etag=etag, updated=now
            )
    except IntegrityError as error:
        raise Conflict("The document was created by another request meanwhile; retry.") from error


@transaction.atomic
def document_put(
    *,
    key: DocumentKey,
    content: bytes,
    content_type: str,
    preconditions: Preconditions,
    require_precondition: bool,
    create_needs_precondition: bool = False,
) -> Document:
    """Store a document, replacing any with the same key.

    Effects: writes Document.
    Raises: BadRequest (JSON that does not parse; no conditional header for a new document
    while `create_needs_precondition`), PreconditionFailed, Conflict (an existing document and
    no conditional header while `require_precondition`).
    """
    _json_check(content, content_type)
    document = _locked(key)
    if not preconditions.present:
        if document is not None and require_precondition:
            raise Conflict(
                "A document with these parameters exists: send If-Match with its ETag to "
                "replace it, or If-None-Match: * to create it only when absent."
            )
        if document is None and create_needs_precondition:
            raise BadRequest(
                "A PUT to this resource must carry If-Match or If-None-Match "
                "(If-None-Match: * to create a document)."
            )
    preconditions_check(document=document, preconditions=preconditions)
    return _save(key=key, document=document, content=content, content_type=content_type)


@transaction.atomic
def document_post(
    *, key: DocumentKey, content: bytes, content_type: str, preconditions: Preconditions
) -> Document:
    """Store a new document, or merge a JSON object into an existing JSON object document.

    The merge keeps the stored properties the new object does not name and takes the new value
    of every property it does (one level deep).
    Effects: writes Document.
    Raises: BadRequest (either document not a JSON object when one exists), PreconditionFailed.
    """
    document = _locked(key)
    preconditions_check(document=document, preconditions=preconditions)
    if document is None:
        _json_check(content, content_type)
        return _save(key=key, document=None, content=content, content_type=content_type)
    new = _json_object_or_none(content) if content_type == JSON_TYPE else None
    old = _json_object_or_none(bytes(document.content)) if document.is_json else None
    if new is None or old is None:
        raise BadRequest(
            "A POST merges JSON objects: the stored document and the one sent must both be "
            f"JSON objects sent as {JSON_TYPE}."
        )
    merged = json.dumps({**old, **new}, ensure_ascii=False, separators=(",", ":")).encode()
    return _save(key=key, document=document, content=merged, content_type=JSON_TYPE)


@transaction.atomic
def document_delete(*, key: DocumentKey, preconditions: Preconditions) -> bool:
    """Delete one document; returns whether there was one.

    Effects: deletes Document.
    Raises: PreconditionFailed.
    """
    document = _locked(key)
    preconditions_check(document=document, preconditions=preconditions)
    if document is None:
        return False
    document.delete()
    return True


@transaction.atomic
def documents_delete(
    *,
    kind: DocumentKind,
    activity_id: str = "",
    agent_key: str = "",
    registration: uuid.UUID | None = None,
) -> int:
    """Delete every document a multiple-document DELETE names; returns how many.

    Effects: deletes Document rows.
    """
    deleted, _ = documents_matching(
        kind=kind, activity_id=activity_id, agent_key=agent_key, registration=registration
    ).delete()
    return deleted
