"""Reads of the union's tree, always narrowed by the permissions layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from commonplace.access.selectors import scope_q

from .enums import UnitKind
from .models import Employer, OrgUnit, ServiceGroup

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User


def units_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(scope_q(user=user, kind="organisation.orgunit", action=action))


def unit_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> OrgUnit:
    return get_object_or_404(units_visible_to(user=user, action=action), pk=pk)


def unit_get_visible_or_none(*, user: User | AnonymousUser, pk: object) -> OrgUnit | None:
    """A unit named in a query string, if it is a number and visible; None otherwise.

    Units are visible to anyone who may see people in them, so a ULR can filter by their branch.
    """
    try:
        number = int(str(pk))
    except ValueError:
        return None
    # Anyone who may see the unit, or the people in it (a ULR narrowing their list), may use it.
    reach = scope_q(user=user, kind="organisation.orgunit") | scope_q(
        user=user, kind="people.person", unit_path="path", owner=""
    )
    return OrgUnit.objects.filter(reach, pk=number).first()


def unit_roots_visible_to(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """The highest units a user may see: their starting points in the tree."""
    visible = units_visible_to(user=user)
    return visible.exclude(parent__in=visible).order_by("path")


def unit_children(*, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """Children of a unit with how many people belong to each one's subtree, in one query."""
    people_in_subtree = (
        OrgUnit.objects.filter(path__startswith=OuterRef("path"))
        .values("union")
        .annotate(total=Count("people"))
        .values("total")[:1]
    )
    return unit.children.order_by("name").annotate(
        people_total=Coalesce(Subquery(people_in_subtree), 0),
        child_total=Count("children"),
    )


def unit_breadcrumbs(*, unit: OrgUnit, user: User | AnonymousUser) -> list[OrgUnit]:
    """The unit's ancestors the user may see, root first, in one query (ids come from the path)."""
    ids = [int(segment) for segment in unit.path.split(".") if segment][:-1]
    return list(units_visible_to(user=user).filter(pk__in=ids).order_by("depth"))


def employers_of(*, union: OrgUnit) -> QuerySet[Employer]:
    return Employer.objects.filter(union=union).annotate(workplace_total=Count("workplaces"))


def service_groups_of(*, union: OrgUnit) -> QuerySet[ServiceGroup]:
    return ServiceGroup.objects.filter(union=union)


def unions_active() -> QuerySet[OrgUnit]:
    """Every active union installed (the roots of the trees)."""
    return OrgUnit.objects.filter(kind=UnitKind.UNION, is_active=True).order_by("name", "pk")


def units_for_signup() -> QuerySet[OrgUnit]:
    """Active branches and workplaces of every union in tree order (a branch, then its
    workplaces), for a non-member's choice of home unit at sign-up."""
    return (
        OrgUnit.objects.filter(kind__in=[UnitKind.BRANCH, UnitKind.WORKPLACE], is_active=True)
        .select_related("union")
        .order_by("path")
    )
