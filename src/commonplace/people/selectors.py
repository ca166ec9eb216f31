"""Reads of people. Every query of people goes through `people_visible_to`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404

from commonplace.access.selectors import scope_q, scope_unit_count

from .enums import MembershipStatus
from .models import EqualityAnswers, Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


SMALL_SCOPE_UNITS = 100


def people_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Person]:
    """Everyone `user` may `action` under the policy table."""
    return Person.objects.filter(scope_q(user=user, kind="people.person", action=action))


def person_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Person:
    """The person, if `user` may `action` them; 404 otherwise (absent and not yours look alike)."""
    return get_object_or_404(
        people_visible_to(user=user, action=action).select_related(
            "home_unit", "branch", "workplace", "employer", "service_group", "account"
        ),
        pk=pk,
    )


def person_of_user(*, user: User | AnonymousUser) -> Person | None:
    """The signed-in user's own profile (read through the same scope: the SELF rule)."""
    if not user.is_authenticated:
        return None
    return (
        Person.objects.filter(account=user)
        .select_related("home_unit", "branch", "workplace", "employer", "service_group")
        .first()
    )


def union_of_account(*, account_id: int) -> OrgUnit | None:
    """The union of the person whose account this is (None: no such person)."""
    person = Person.objects.filter(account_id=account_id).select_related("union").first()
    return person.union if person is not None else None


def people_search(
    *,
    user: User | AnonymousUser,
    text: str = "",
    status: str = "",
    unit: OrgUnit | None = None,
) -> QuerySet[Person]:
    """People visible to `user`, narrowed by name or membership number, status and unit."""
    people = people_visible_to(user=user).select_related("workplace", "branch")
    text = text.strip()
    if text:
        words = text.split()
        for word in words:
            people = people.filter(
                Q(given_name__istartswith=word)
                | Q(family_name__istartswith=word)
                | Q(membership_number=word)
            )
    if status:
        people = people.filter(status=status)
    if unit is not None:
        people = people.filter(home_unit__path__startswith=unit.path)
    if (
        unit is None
        and (scope_unit_count(user=user, kind="people.person") or 0) <= SMALL_SCOPE_UNITS
    ):
        # A small scope (a branch) is fastest read by unit and sorted; an expression keeps
        # PostgreSQL from walking the whole name index looking for the few people in it.
        return people.order_by(Concat("family_name", Value("")), "given_name", "pk")
    return people.order_by("family_name", "given_name", "pk")


def equality_answers_of(*, person: Person) -> EqualityAnswers | None:
    return EqualityAnswers.objects.filter(person=person).first()


SMALL_NUMBER = 5


def equality_summary(
    *, user: User | AnonymousUser, unit: OrgUnit, question: str
) -> list[tuple[str, int | None]]:
    """Counts of answers to one question among people `user` may see in `unit`'s subtree.

    Counts under five are suppressed (None) so that nobody can be singled out.
    """
    rows = (
        EqualityAnswers.objects.filter(
            person__in=people_visible_to(user=user).filter(home_unit__path__startswith=unit.path)
        )
        .exclude(**{question: ""})
        .values(question)
        .annotate(total=Count("pk"))
        .order_by(question)
    )
    return [(row[question], row["total"] if row["total"] >= SMALL_NUMBER else None) for row in rows]


def person_for_membership_match(
    *, union: OrgUnit, membership_number: str, family_name: str
) -> Person | None:
    """The unclaimed person of `union` with this membership number and family name, if any.

    Both values are trimmed; the family name compares case-insensitively. A person who already
    has an account never matches.
    """
    number, surname = membership_number.strip(), family_name.strip()
    if not number or not surname:
        return None
    return (
        Person.objects.filter(
            union=union,
            membership_number=number,
            family_name__iexact=surname,
            account__isnull=True,
        )
        .select_related("home_unit")
        .first()
    )


def person_is_non_member(*, user: User | AnonymousUser) -> bool:
    """Whether the account belongs to a person recorded as a non-member."""
    if not user.is_authenticated:
        return False
    return Person.objects.filter(account=user, status=MembershipStatus.NON_MEMBER).exists()
