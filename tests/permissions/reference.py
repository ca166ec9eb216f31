"""A plain-Python reading of the policy table: walks parent links, never uses paths or SQL.

The permission tests compare the real layer (`scope_q`, `may`, `visible_to`) with this."""

from commonplace.access.enums import Reach
from commonplace.access.policy import POLICY
from commonplace.organisation.models import OrgUnit


def ancestors_or_self(unit: OrgUnit) -> list[int]:
    chain = []
    while unit is not None:
        chain.append(unit.pk)
        unit = unit.parent
    return chain


def place_and_owner(kind: str, obj) -> tuple[OrgUnit | None, int | None]:
    if kind == "people.person":
        return obj.home_unit, obj.account_id
    if kind == "people.equalityanswers":
        return obj.person.home_unit, obj.person.account_id
    if kind == "organisation.orgunit":
        return obj, None
    if kind == "access.rolegrant":
        return obj.unit, obj.user_id
    if kind == "audit.auditevent":
        return (OrgUnit.objects.get(pk=obj.union_id) if obj.union_id else None), None
    if kind == "lrs.client":
        return (OrgUnit.objects.get(pk=obj.union_id) if obj.union_id else None), None
    if kind == "lrs.statement":
        union_id = obj.client.union_id if obj.client_id else None
        return (OrgUnit.objects.get(pk=union_id) if union_id else None), None
    if kind == "learning.resource":
        return obj.owner_unit, None
    raise KeyError(kind)


def _reaches(rule, unit: OrgUnit | None, place: OrgUnit | None, owner, user_id: int) -> bool:
    if rule.reach == Reach.SELF:
        return owner is not None and owner == user_id
    if unit is None:
        return True  # a federation-wide grant
    if place is None:
        return False
    if rule.reach == Reach.PLACE:
        return place.pk == unit.pk
    if rule.reach == Reach.UNION:
        return ancestors_or_self(place)[-1] == ancestors_or_self(unit)[-1]
    return unit.pk in ancestors_or_self(place)


def reference_allows(
    *, grants: list[tuple[str, OrgUnit | None]], user_id: int, kind: str, action: str, obj
) -> bool:
    place, owner = place_and_owner(kind, obj)
    return any(
        _reaches(rule, unit, place, owner, user_id)
        for rule in POLICY
        if rule.kind == kind and rule.action == action
        for role, unit in grants
        if role == rule.role
    )
