"""Resources of the catalogue written by staff: created, changed, published; `experienced`
statements when a person opens one; topics. Every write to a resource is audited.

Rich text is sanitised with nh3 (decision 0190) on every write, so what is stored is what may
be shown: a small set of tags, links with http(s)/mailto only, no scripts, styles or `on*`
attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonplace.access.selectors import may_at
from commonplace.audit.services import audit_record
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record

from ..enums import (
    TILE_EDITABLE_FIELDS,
    TILE_KINDS,
    LearningAuditAction,
    ResourceKind,
    ResourceStatus,
)
from ..errors import (
    ResourceIncompleteError,
    ResourceKindNotAllowedError,
    ResourceNotAllowedError,
    ResourceTileOwnedError,
)
from ..models import Resource, ResourceContent, Topic
from ..selectors import (
    resource_experienced_recently,
)
from ..validation import content_problems

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li", "a",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
RESERVED_SLUGS = {"new", "proposals"}
CONTENT_FIELDS = {
    "kind", "title", "summary", "body", "url", "file", "video", "captions", "transcript",
    "duration_minutes", "level", "audiences", "language",
}  # fmt: skip
EDITABLE_FIELDS = CONTENT_FIELDS | {"owner_unit"}
ACTIVITY_TYPES = {
    ResourceKind.PAGE: vocabulary.ActivityType.LESSON,
    ResourceKind.LINK: vocabulary.ActivityType.LINK,
    ResourceKind.FILE: vocabulary.ActivityType.FILE,
    ResourceKind.VIDEO: vocabulary.ActivityType.MEDIA,
    ResourceKind.QUIZ: vocabulary.ActivityType.ASSESSMENT,
    ResourceKind.PROJECT: vocabulary.ActivityType.PROJECT,
}


def body_sanitise(html: str) -> str:
    """Rich text reduced to the allowed tags and attributes (no scripts, styles, `on*`)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def _slug_for(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:200] or "resource"
    slug, n = base, 1
    taken = Resource.objects.exclude(pk=exclude_pk) if exclude_pk else Resource.objects.all()
    while slug in RESERVED_SLUGS or taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _check_complete(content: ResourceContent) -> None:
    """Refuse content its kind cannot be shown from (the rules of `validation.content_problems`).

    Raises: ResourceIncompleteError with the first problem's message.
    """
    problems = content_problems(
        kind=content.kind,
        body=content.body,
        url=content.url,
        file=content.file,
        video=content.video,
        captions=content.captions,
        transcript=content.transcript,
    )
    if problems:
        raise ResourceIncompleteError(next(iter(problems.values())))


def _check_authored_kind(kind: object) -> None:
    """Refuse the kinds only tiles have: a quiz or brief joins the catalogue from its own app.

    Raises: ResourceKindNotAllowedError.
    """
    if kind in TILE_KINDS:
        raise ResourceKindNotAllowedError()


def _check_may_author(actor: User | AnonymousUser | None, unit: OrgUnit) -> None:
    if actor is not None and not may_at(
        user=actor, kind="learning.resource", action="add", unit_path=unit.path
    ):
        raise ResourceNotAllowedError()


@transaction.atomic
def resource_create(
    *,
    actor: User | AnonymousUser | None,
    owner_unit: OrgUnit,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
) -> Resource:
    """Add a draft resource owned by `owner_unit` (actor None: the demo builder).

    Effects: writes Resource (body sanitised, unique slug) and its topics; audit
    `learning.resource.created`.
    Raises: ResourceNotAllowedError; ResourceKindNotAllowedError (a tile's kind);
    ResourceIncompleteError; ValueError on unknown fields.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_authored_kind(fields.get("kind"))
    _check_may_author(actor, owner_unit)
    values = {**fields, "owner_unit": owner_unit}
    values["body"] = body_sanitise(values.get("body", ""))
    resource = Resource(**values)
    resource.slug = _slug_for(resource.title)
    resource.author = actor if actor is not None and actor.is_authenticated else None
    _check_complete(resource)
    resource.save()
    if topics:
        resource.topics.set(topics)
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_CREATED, subject=resource)
    return resource


@transaction.atomic
def resource_update(
    *,
    actor: User | AnonymousUser | None,
    resource: Resource,
    fields: dict[str, Any],
    topics: list[Topic] | None = None,
) -> list[str]:
    """Change a resource; returns the names of the changed fields.

    Effects: writes Resource (body sanitised) and its topics; audit `learning.resource.changed`
    with field names only.
    Raises: ResourceNotAllowedError (moving it to a unit outside the actor's scope);
    ResourceKindNotAllowedError (to a tile's kind); ResourceTileOwnedError (a field a tile's
    quiz or brief owns); ResourceIncompleteError; ValueError on unknown fields.
    """
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    current = Resource.objects.select_for_update().get(pk=resource.pk)
    if current.is_tile and set(fields) - TILE_EDITABLE_FIELDS:
        raise ResourceTileOwnedError()
    if not current.is_tile:
        _check_authored_kind(fields.get("kind"))
    if "body" in fields:
        fields = {**fields, "body": body_sanitise(fields["body"])}
    changed = [name for name, value in fields.items() if getattr(current, name) != value]
    if "owner_unit" in changed:
        _check_may_author(actor, fields["owner_unit"])
    for name in changed:
        setattr(current, name, fields[name])
    _check_complete(current)
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
    if topics is not None and set(topics) != set(current.topics.all()):
        current.topics.set(topics)
        changed.append("topics")
    if changed:
        audit_record(
            actor=actor, action=LearningAuditAction.RESOURCE_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
    return sorted(changed)


@transaction.atomic
def resource_publish(*, actor: User | AnonymousUser | None, resource: Resource) -> Resource:
    """Publish a resource: everyone in its union can find it from now on.

    Effects: writes Resource.status and published_at (first publication only);
    audit `learning.resource.published`. Publishing a published resource changes nothing.
    Raises: ResourceTileOwnedError (a tile is published with its quiz or brief);
    ResourceIncompleteError.
    """
    if resource.is_tile:
        raise ResourceTileOwnedError()
    if resource.status == ResourceStatus.PUBLISHED:
        return resource
    _check_complete(resource)
    resource.status = ResourceStatus.PUBLISHED
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "published_at", "updated_at"])
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_PUBLISHED, subject=resource)
    return resource


@transaction.atomic
def resource_unpublish(*, actor: User | AnonymousUser | None, resource: Resource) -> Resource:
    """Take a resource back to draft: only its authors' scope sees it.

    Effects: writes Resource.status; audit `learning.resource.unpublished`.
    Raises: ResourceTileOwnedError (a tile is unpublished with its quiz or brief).
    """
    if resource.is_tile:
        raise ResourceTileOwnedError()
    if resource.status == ResourceStatus.DRAFT:
        return resource
    resource.status = ResourceStatus.DRAFT
    resource.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=LearningAuditAction.RESOURCE_UNPUBLISHED, subject=resource)
    return resource


def resource_experience_record(*, user: User, resource: Resource, activity_id: str) -> bool:
    """Record that `user` opened a published resource: one `experienced` statement per person,
    resource and day. Returns whether a statement was stored.

    Effects: an xAPI statement through `lrs.services.statements.statement_record` (actor: the
    user's account agent; object: the resource's absolute IRI).
    """
    if not resource.is_published or resource_experienced_recently(
        user=user, activity_id=activity_id
    ):
        return False
    statement_record(
        actor=statements_actor_for_user(user),
        verb=vocabulary.EXPERIENCED,
        activity_id=activity_id,
        activity_type=ACTIVITY_TYPES[ResourceKind(resource.kind)],
        activity_name={resource.language: resource.title},
    )
    return True


def topic_create(*, slug: str, name: str, name_cy: str = "") -> Topic:
    """Add a topic resources are filed under (or return the one with this slug).

    Effects: writes Topic. Topics are shared vocabulary, not personal data: not audited.
    """
    topic, _created = Topic.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_cy": name_cy}
    )
    return topic
