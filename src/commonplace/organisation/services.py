"""Writes to the union's tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from commonplace.audit.enums import AuditAction
from commonplace.audit.services import audit_record

from .enums import UnitKind
from .errors import DuplicateCodeError, UnitMoveError
from .models import PATH_SEGMENT_WIDTH, Employer, OrgUnit
from .signals import unit_moved

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User


def path_segment(pk: int) -> str:
    return f"{pk:0{PATH_SEGMENT_WIDTH}d}."


@transaction.atomic
def unit_create(
    *,
    name: str,
    kind: str,
    parent: OrgUnit | None = None,
    code: str = "",
    employer: Employer | None = None,
    actor: User | None = None,
) -> OrgUnit:
    """Create a unit under `parent` (or a new union at the root when `parent` is None).

    Effects: writes OrgUnit (path and depth computed from the parent).
    """
    if parent is None and kind != UnitKind.UNION:
        raise ValueError("only a union may be the root of a tree")
    unit = OrgUnit.objects.create(
        name=name,
        kind=kind,
        parent=parent,
        code=code,
        employer=employer,
        union=parent.union if parent is not None else None,
    )
    unit.path = (parent.path if parent is not None else "") + path_segment(unit.pk)
    unit.depth = parent.depth + 1 if parent is not None else 0
    if parent is None:
        unit.union = unit
    unit.save(update_fields=["path", "depth", "union"])
    return unit


@transaction.atomic
def unit_update(
    *, actor: User | AnonymousUser, unit: OrgUnit, changes: dict[str, object]
) -> list[str]:
    """Rename or edit a unit. Effects: writes OrgUnit; audit `organisation.unit.changed`."""
    allowed = {"name", "code", "kind", "employer", "is_active"}
    changed = [k for k, v in changes.items() if k in allowed and getattr(unit, k) != v]
    if unit.parent_id is None and changes.get("kind", unit.kind) != UnitKind.UNION:
        raise UnitMoveError(_("The root of a tree is always a union."))
    for name in changed:
        setattr(unit, name, changes[name])
    if changed:
        unit.save(update_fields=[*changed, "updated_at"])
        audit_record(actor=actor, action=AuditAction.UNIT_CHANGED, subject=unit, changes=changed)
    return changed


@transaction.atomic
def unit_move(*, actor: User | AnonymousUser, unit: OrgUnit, new_parent: OrgUnit) -> OrgUnit:
    """Move a unit and its whole subtree under `new_parent`: one UPDATE rewrites every path.

    Effects: writes OrgUnit.parent, and path and depth of the whole subtree; audit
    `organisation.unit.moved`; signal `unit_moved` (people follow their workplace).
    Raises: UnitMoveError when moving a union, into another union, or under itself.
    """
    unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    if unit.parent_id is None:
        raise UnitMoveError(_("A union cannot be moved."))
    if new_parent.union_id != unit.union_id:
        raise UnitMoveError(_("A unit cannot move to another union."))
    if new_parent.path.startswith(unit.path):
        raise UnitMoveError(_("A unit cannot move under itself or a unit below it."))
    old_path, new_path = unit.path, new_parent.path + path_segment(unit.pk)
    depth_change = new_parent.depth + 1 - unit.depth
    OrgUnit.objects.filter(path__startswith=old_path).update(
        path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
        depth=F("depth") + depth_change,
    )
    OrgUnit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    audit_record(actor=actor, action=AuditAction.UNIT_MOVED, subject=unit, changes=["parent"])
    unit_moved.send(sender=OrgUnit, unit=unit)
    return unit


@transaction.atomic
def unit_add_child(
    *,
    actor: User | AnonymousUser,
    parent: OrgUnit,
    name: str,
    kind: str,
    code: str = "",
    employer: Employer | None = None,
    is_active: bool = True,
) -> OrgUnit:
    """Effects: writes OrgUnit; audit `organisation.unit.created`.
    Raises: UnitMoveError for a second union inside a tree; DuplicateCodeError."""
    if kind == UnitKind.UNION:
        raise UnitMoveError(_("A union is always the root of its own tree."))
    if code and OrgUnit.objects.filter(union_id=parent.union_id, code=code).exists():
        raise DuplicateCodeError()
    unit = unit_create(name=name, kind=kind, parent=parent, code=code, employer=employer)
    if not is_active:
        unit.is_active = False
        unit.save(update_fields=["is_active"])
    audit_record(actor=actor, action=AuditAction.UNIT_CREATED, subject=unit)
    return unit


@transaction.atomic
def employer_create(
    *, actor: User | AnonymousUser, union: OrgUnit, name: str, sector: str = ""
) -> Employer:
    """Effects: writes Employer."""
    return Employer.objects.create(union=union, name=name, sector=sector)
