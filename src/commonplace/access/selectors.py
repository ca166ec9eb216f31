"""Reads of the permissions layer: live grants, and the one scoping filter built on the policy.

`scope_q` is the only way a query is narrowed to what a user may see; every app's
`<entities>_visible_to` selector is built on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.apps import apps
from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .enums import Reach, Role
from .models import RoleGrant
from .policy import KINDS, rules_for

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User

_GRANTS_CACHE = "_commonplace_active_grants"
_UNITS_CACHE = "_commonplace_granted_units"


def grants_active_q(*, today: date | None = None) -> Q:
    today = today or timezone.localdate()
    return (
        Q(revoked_at__isnull=True)
        & (Q(starts_on__isnull=True) | Q(starts_on__lte=today))
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))
    )


def grants_active_for(*, user: User | AnonymousUser) -> list[RoleGrant]:
    """The user's grants in force now, read once per request (the user object is per request).

    A revoked grant is therefore refused on the very next request.
    """
    if not user.is_authenticated or not user.is_active:
        return []
    cached: list[RoleGrant] | None = getattr(user, _GRANTS_CACHE, None)
    if cached is None:
        cached = list(RoleGrant.objects.filter(grants_active_q(), user=user).select_related("unit"))
        setattr(user, _GRANTS_CACHE, cached)
    return cached


def grants_forget(*, user: User | AnonymousUser) -> None:
    """Drop the per-request cache (after a grant changes within the same request)."""
    for cache in (_GRANTS_CACHE, _UNITS_CACHE):
        if hasattr(user, cache):
            delattr(user, cache)


def union_path(path: str) -> str:
    """The path of the union (the root) of the unit with `path`: its first segment."""
    return path.split(".", 1)[0] + "."


def roles_of(*, user: User | AnonymousUser) -> set[Role]:
    return {Role(grant.role) for grant in grants_active_for(user=user)}


def _unit_fk(unit_path: str) -> str:
    """`home_unit__path` → `home_unit`; `path` (the unit itself) → `pk`."""
    return unit_path[: -len("__path")] if unit_path.endswith("__path") else "pk"


def _unit_ids(
    *, user: User | AnonymousUser, subtrees: frozenset[str], places: frozenset[str]
) -> list[int]:
    """Ids of the units under `subtrees` or equal to `places`, read once per request.

    Filtering rows by a list of unit ids lets the database use the foreign key's index; a
    join on the unit's path OR-ed with the owner test made PostgreSQL scan every row.
    """
    cache: dict[tuple[frozenset[str], frozenset[str]], list[int]] = getattr(user, _UNITS_CACHE, {})
    key = (subtrees, places)
    if key not in cache:
        query = Q(path__in=places) if places else Q(pk__in=[])
        for path in subtrees:
            query |= Q(path__startswith=path)
        units = apps.get_model("organisation", "OrgUnit")._default_manager
        cache[key] = list(units.filter(query).values_list("pk", flat=True))
        if user.is_authenticated:
            setattr(user, _UNITS_CACHE, cache)
    return cache[key]


@dataclass(frozen=True)
class _Reach:
    everything: bool
    own: bool
    subtrees: frozenset[str]
    places: frozenset[str]


def _reach_of(*, user: User | AnonymousUser, kind: str, action: str) -> _Reach:
    """What the user's live grants reach for this kind and action, read from the policy."""
    own, subtrees, places = False, set(), set()
    grants = grants_active_for(user=user)
    for rule in rules_for(kind=kind, action=action):
        for grant in grants:
            if grant.role != rule.role:
                continue
            if rule.reach == Reach.SELF:
                own = True
            elif grant.unit is None:
                return _Reach(True, own, frozenset(), frozenset())  # federation-wide grant
            elif rule.reach == Reach.PLACE:
                places.add(grant.unit.path)
            elif rule.reach == Reach.UNION:
                subtrees.add(union_path(grant.unit.path))
            else:
                subtrees.add(grant.unit.path)
    return _Reach(False, own, frozenset(subtrees), frozenset(places))


def scope_q(
    *,
    user: User | AnonymousUser,
    kind: str,
    action: str = "view",
    unit_path: str | None = None,
    owner: str | None = None,
) -> Q:
    """A filter selecting exactly the objects of `kind` that `user` may `action`.

    Built from the policy table and the user's live grants: `Reach.SELF` matches objects whose
    owner is the user, `Reach.PLACE` objects in the very unit of a grant, `Reach.SUBTREE` objects
    in that unit or below, `Reach.UNION` objects anywhere in the union of that unit (the units
    come from one prefix filter on the materialised path). A
    grant with no unit is federation-wide. No grant, no rule: a filter that matches nothing.
    """
    object_kind = KINDS[kind]
    unit_path = unit_path or object_kind.unit_path
    owner = owner if owner is not None else object_kind.owner
    reach = _reach_of(user=user, kind=kind, action=action)
    if reach.everything:
        return Q()
    query = Q(pk__in=[])
    if reach.own and owner:
        query |= Q(**{owner: user.pk})
    if reach.subtrees or reach.places:
        ids = _unit_ids(user=user, subtrees=reach.subtrees, places=reach.places)
        query |= Q(**{f"{_unit_fk(unit_path)}__in": ids})
    return query


def scope_unit_count(*, user: User | AnonymousUser, kind: str, action: str = "view") -> int | None:
    """How many units the user's scope for this kind covers (None: all of them, federation-wide).

    Lists use it to pick a query plan: a small scope is best read by unit and sorted.
    """
    reach = _reach_of(user=user, kind=kind, action=action)
    if reach.everything:
        return None
    if not (reach.subtrees or reach.places):
        return 0
    return len(_unit_ids(user=user, subtrees=reach.subtrees, places=reach.places))


def visible_to(*, user: User | AnonymousUser, kind: str, action: str = "view") -> QuerySet[Model]:
    """All objects of `kind` that `user` may `action` (for kinds declared in the policy)."""
    model = apps.get_model(KINDS[kind].model)
    return model._default_manager.filter(scope_q(user=user, kind=kind, action=action)).distinct()


def may(*, user: User | AnonymousUser, kind: str, action: str, obj: Model | None = None) -> bool:
    """Whether `user` may `action` on `obj` (or on some object of `kind`, without `obj`)."""
    roles = {grant.role for grant in grants_active_for(user=user)}
    if not any(rule.role in roles for rule in rules_for(kind=kind, action=action)):
        return False
    if obj is None:
        return True
    model = type(obj)
    return (
        model._default_manager.filter(pk=obj.pk)
        .filter(scope_q(user=user, kind=kind, action=action))
        .exists()
    )


def may_reach_others(*, user: User | AnonymousUser, kind: str, action: str = "view") -> bool:
    """Whether some grant lets `user` `action` objects of `kind` beyond their own."""
    roles = {grant.role for grant in grants_active_for(user=user)}
    return any(
        rule.role in roles and rule.reach != Reach.SELF
        for rule in rules_for(kind=kind, action=action)
    )


def may_at(*, user: User | AnonymousUser, kind: str, action: str, unit_path: str) -> bool:
    """Whether `user` may `action` an object of `kind` placed at the unit with `unit_path`.

    For actions on objects that do not exist yet (adding a unit, granting a role there).
    """
    grants = grants_active_for(user=user)
    for rule in rules_for(kind=kind, action=action):
        if rule.reach == Reach.SELF:
            continue
        for grant in grants:
            if grant.role != rule.role:
                continue
            if grant.unit is None:
                return True
            if rule.reach == Reach.PLACE and unit_path == grant.unit.path:
                return True
            if rule.reach == Reach.SUBTREE and unit_path.startswith(grant.unit.path):
                return True
            if rule.reach == Reach.UNION and unit_path.startswith(union_path(grant.unit.path)):
                return True
    return False


def grants_visible_to(*, user: User | AnonymousUser, role: str = "") -> QuerySet[RoleGrant]:
    """Grants in force or ended that `user` may see, newest first."""
    grants = RoleGrant.objects.filter(scope_q(user=user, kind="access.rolegrant")).select_related(
        "user", "unit"
    )
    if role:
        grants = grants.filter(role=role)
    return grants.order_by("-created_at", "-pk")


def grant_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> RoleGrant:
    return get_object_or_404(
        RoleGrant.objects.filter(scope_q(user=user, kind="access.rolegrant", action=action)),
        pk=pk,
    )


def units_for_granting(*, user: User | AnonymousUser) -> QuerySet[Model]:
    """Units in which `user` may grant roles."""
    units = apps.get_model("organisation", "OrgUnit")._default_manager
    return units.filter(
        scope_q(user=user, kind="access.rolegrant", action="add", unit_path="path", owner="")
    ).order_by("path")


def account_by_email(*, email: str) -> Model | None:
    """The account with this email address (for granting a role to it), or None."""
    from django.contrib.auth import get_user_model

    return get_user_model()._default_manager.filter(email__iexact=email.strip()).first()


def users_holding(*, role: Role, unit_path: str) -> QuerySet[Model]:
    """Active accounts with a grant of `role` in force at the unit with `unit_path` or at one
    of its ancestors (whose role therefore reaches that unit), for telling them about work
    there. Federation-wide grants are left out: they would hear of every union's work."""
    from django.contrib.auth import get_user_model

    segments = unit_path.rstrip(".").split(".")
    ancestors = [".".join(segments[: n + 1]) + "." for n in range(len(segments))]
    holders = RoleGrant.objects.filter(grants_active_q(), role=role, unit__path__in=ancestors)
    return (
        get_user_model()
        ._default_manager.filter(is_active=True, pk__in=holders.values("user_id"))
        .order_by("pk")
    )


def grants_of_roles_within(
    *, roles: Sequence[str], unit_path: str, active_only: bool = True
) -> QuerySet[RoleGrant]:
    """Grants of `roles` held at the unit with `unit_path` or below (with user and unit).

    Not scoped: callers pass a unit the user has been checked to reach (the co-ordinator's
    branch, a region's figures). With `active_only=False`, ended and revoked grants too (when
    someone became a rep is history that stays).
    """
    grants = RoleGrant.objects.filter(role__in=list(roles), unit__path__startswith=unit_path)
    if active_only:
        grants = grants.filter(grants_active_q())
    return grants.select_related("user", "unit").order_by("unit__path", "pk")
