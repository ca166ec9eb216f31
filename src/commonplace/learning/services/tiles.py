"""Tiles (decision 0250): a published quiz or project brief is a resource of the catalogue,
kept in step by the assessment app's services in the same transaction. The tile's owner is
named by `Resource.source`; its title, summary, address, owner unit and status follow the
owner, and its catalogue metadata (duration, level, audiences, language, topics) is staff's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from commonplace.audit.services import audit_record

from ..enums import TILE_KINDS, Audience, Language, LearningAuditAction, Level, ResourceStatus
from ..models import Resource
from .resources import _slug_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

TILE_OWNED_FIELDS = ("kind", "title", "summary", "url", "owner_unit")
TILE_DEFAULTS: dict[str, Any] = {
    "level": Level.BEGINNER,
    "audiences": [Audience.MEMBERS.value],
    "language": Language.ENGLISH,
}


def _tile_values(
    *, kind: str, source: str, owner_unit: OrgUnit, title: str, summary: str, url: str
) -> dict[str, Any]:
    if kind not in TILE_KINDS or not source:
        raise ValueError("a tile needs a tile's kind and its owner's identity")
    if not url.startswith("/") or url.startswith("//"):
        raise ValueError("a tile opens a page of this site")
    summary = " ".join(strip_tags(summary).split()) or title
    return {
        "kind": kind,
        "title": title[:200],
        "summary": Truncator(summary).chars(300),
        "url": url,
        "owner_unit": owner_unit,
    }


@transaction.atomic
def resource_tile_sync(
    *,
    actor: User | AnonymousUser | None,
    source: str,
    kind: str,
    owner_unit: OrgUnit,
    title: str,
    summary: str,
    url: str,
    published: bool,
    duration_minutes: int,
) -> Resource | None:
    """Make the tile of a quiz or project brief (`source`, e.g. "assessment.quiz:12") match it.

    The tile is made on the owner's first publication, with `duration_minutes` and the default
    level, audience and language; after that only the owner's fields (kind, title, summary,
    address, owner unit) and the status follow it. Returns the tile, or None when the owner
    was never published (nothing is made for a draft).
    Effects: writes Resource; audit `learning.resource.created`, `.changed` (field names),
    `.published`, `.unpublished`, each when it happens.
    Raises: ValueError for a kind that is not a tile's, an empty source or an address off this
    site (programming errors).
    """
    values = _tile_values(
        kind=kind, source=source, owner_unit=owner_unit, title=title, summary=summary, url=url
    )
    tile = Resource.objects.select_for_update().filter(source=source).first()
    if tile is None:
        if not published:
            return None
        tile = Resource(
            **values, **TILE_DEFAULTS, source=source, duration_minutes=max(1, duration_minutes)
        )
        tile.slug = _slug_for(tile.title)
        tile.status = ResourceStatus.PUBLISHED
        tile.published_at = timezone.now()
        tile.save()
        audit_record(actor=actor, action=LearningAuditAction.RESOURCE_CREATED, subject=tile)
        audit_record(actor=actor, action=LearningAuditAction.RESOURCE_PUBLISHED, subject=tile)
        return tile
    changed = [name for name in TILE_OWNED_FIELDS if getattr(tile, name) != values[name]]
    for name in changed:
        setattr(tile, name, values[name])
    status = ResourceStatus.PUBLISHED if published else ResourceStatus.DRAFT
    status_changed = tile.status != status
    if status_changed:
        tile.status = status
        tile.published_at = tile.published_at or timezone.now()
    if changed or status_changed:
        extra = ["status", "published_at"] if status_changed else []
        tile.save(update_fields=[*changed, *extra, "updated_at"])
    if changed:
        audit_record(
            actor=actor, action=LearningAuditAction.RESOURCE_CHANGED, subject=tile,
            changes=changed,
        )  # fmt: skip
    if status_changed:
        action = (
            LearningAuditAction.RESOURCE_PUBLISHED
            if published
            else LearningAuditAction.RESOURCE_UNPUBLISHED
        )
        audit_record(actor=actor, action=action, subject=tile)
    return tile


@transaction.atomic
def resource_tile_remove(*, actor: User | AnonymousUser | None, source: str) -> None:
    """Take the tile of a deleted quiz or project brief out of the catalogue.

    A pathway step protects its resource: a tile one still points at is kept as a draft tile
    (out of the catalogue, still owned by `source`) instead.
    Effects: deletes Resource (its saved copies go with it), audit `learning.resource.deleted`;
    or writes Resource.status, audit `learning.resource.unpublished`. Nothing without a tile.
    """
    tile = Resource.objects.select_for_update().filter(source=source).first()
    if tile is None:
        return
    try:
        with transaction.atomic():
            audit_record(actor=actor, action=LearningAuditAction.RESOURCE_DELETED, subject=tile)
            tile.delete()
    except ProtectedError:
        if tile.status != ResourceStatus.DRAFT:
            tile.status = ResourceStatus.DRAFT
            tile.save(update_fields=["status", "updated_at"])
            audit_record(actor=actor, action=LearningAuditAction.RESOURCE_UNPUBLISHED, subject=tile)
