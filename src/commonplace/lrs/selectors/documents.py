"""Reads of the xAPI document resources (State, Activity Profile, Agent Profile)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, QuerySet

from ..enums import DocumentKind
from ..models import Document


@dataclass(frozen=True)
class DocumentKey:
    """What names one document: its kind and its resource's parameters (unused ones empty)."""

    kind: DocumentKind
    document_id: str
    activity_id: str = ""
    agent_key: str = ""
    registration: uuid.UUID | None = None

    def lookup(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "activity_id": self.activity_id,
            "agent_key": self.agent_key,
            "registration": self.registration,
            "document_id": self.document_id,
        }


def document_get(*, key: DocumentKey) -> Document | None:
    """The document named by `key`, or None."""
    return Document.objects.filter(**key.lookup()).first()


def documents_matching(
    *,
    kind: DocumentKind,
    activity_id: str = "",
    agent_key: str = "",
    registration: uuid.UUID | None = None,
    since: datetime | None = None,
) -> QuerySet[Document]:
    """The documents of one activity and/or agent, as a multiple-document request names them.

    Without `registration`, State documents of every registration match (as in ADL's LRS);
    `since` keeps the documents updated strictly after it.
    """
    documents = Document.objects.filter(kind=kind, activity_id=activity_id, agent_key=agent_key)
    if registration is not None:
        documents = documents.filter(registration=registration)
    if since is not None:
        documents = documents.filter(updated__gt=since)
    return documents


def document_ids_list(
    *,
    kind: DocumentKind,
    activity_id: str = "",
    agent_key: str = "",
    registration: uuid.UUID | None = None,
    since: datetime | None = None,
) -> tuple[list[str], datetime | None]:
    """The ids of the matching documents (each once, in order) and when the latest changed."""
    documents = documents_matching(
        kind=kind,
        activity_id=activity_id,
        agent_key=agent_key,
        registration=registration,
        since=since,
    )
    ordered = documents.order_by("document_id").values_list("document_id", flat=True)
    ids = list(dict.fromkeys(ordered))
    latest = documents.aggregate(latest=Max("updated"))["latest"]
    return ids, latest
