"""The one way to write the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model
from django.utils import timezone

from .context import current_context
from .enums import ACTION_CODE
from .models import AuditEvent

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.access.models import RoleGrant
    from commonplace.accounts.models import User

SECRET_MARKERS = ("password", "secret", "token", "key", "otp")


def _related_person(subject: Model) -> Model | None:
    """The person a record is about: itself, its `person`, or its user's profile."""
    if subject._meta.label_lower == "people.person":
        return subject
    for attribute in ("person", "user"):
        related = getattr(subject, attribute, None)
        if related is None:
            continue
        if attribute == "user":
            try:
                related = related.person
            except ObjectDoesNotExist:
                return None
        if related._meta.label_lower == "people.person":
            return related
    return None


def _union_id(subject: Model, person: Model | None) -> int | None:
    if person is not None:
        return person.union_id  # type: ignore[attr-defined, no-any-return]
    for attribute in ("union_id",):
        if getattr(subject, attribute, None) is not None:
            return getattr(subject, attribute)  # type: ignore[no-any-return]
    unit = getattr(subject, "unit", None)
    return getattr(unit, "union_id", None)


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: str,
    subject: Model,
    changes: Iterable[str] = (),
    grant: RoleGrant | None = None,
) -> AuditEvent:
    """Append one event to the audit log.

    `changes` are field names only; names that look like secrets are masked, and no value (free
    text, special-category answers) ever enters the row.
    Effects: writes AuditEvent.
    Raises: ValueError for an ill-formed action code (a programming error).
    """
    if not ACTION_CODE.match(action):
        raise ValueError(f"ill-formed audit action code: {action!r}")
    context = current_context()
    person = _related_person(subject)
    union_id = _union_id(subject, person)
    actor_user = actor if actor is not None and actor.is_authenticated else None
    masked = [
        "****" if any(marker in name.lower() for marker in SECRET_MARKERS) else name
        for name in changes
    ]
    return AuditEvent.objects.create(
        at=timezone.now(),
        actor=actor_user,
        actor_label=(actor_user.email if actor_user is not None else "") or "anonymous",
        grant=grant,
        action=action,
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        subject_label=str(subject)[:254],
        person_id=person.pk if person is not None else None,
        union_id=union_id,
        changes=sorted(masked),
        interface=context.interface,
        request_id=context.request_id,
        ip_address=context.ip_address,
    )
