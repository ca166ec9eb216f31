"""Writes to the union's tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .enums import UnitKind
from .models import PATH_SEGMENT_WIDTH, Employer, OrgUnit

if TYPE_CHECKING:
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
