"""Reads for sign-up and sign-in: the membership match, the places a learner may pick, and
whether an account belongs to a non-member or must use TOTP."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.mfa.models import Authenticator
from django.conf import settings

from commonplace.access.enums import Role
from commonplace.access.selectors import roles_of
from commonplace.organisation.enums import UnitKind
from commonplace.organisation.models import OrgUnit
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import Person

from .models import User

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import QuerySet


def person_get_for_membership_match(
    *, union: OrgUnit, membership_number: str, family_name: str
) -> Person | None:
    """The unclaimed person of `union` with this membership number and family name, if any.

    Both values are trimmed; the family name compares case-insensitively. A person who already
    has an account never matches.
    """
    number = membership_number.strip()
    surname = family_name.strip()
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


def unions_for_signup() -> QuerySet[OrgUnit]:
    """The unions a visitor may sign up to (every active union installed)."""
    return OrgUnit.objects.filter(kind=UnitKind.UNION, is_active=True).order_by("name", "pk")


def units_for_signup() -> QuerySet[OrgUnit]:
    """Active branches and workplaces of every union, in tree order (a branch, then its
    workplaces), for the non-member's choice of home unit."""
    return (
        OrgUnit.objects.filter(kind__in=[UnitKind.BRANCH, UnitKind.WORKPLACE], is_active=True)
        .select_related("union")
        .order_by("path")
    )


def user_get_by_email(*, email: str) -> User | None:
    """The account using this address (case-insensitive), if any."""
    return User.objects.filter(email__iexact=email.strip()).first() if email else None


def account_is_non_member(*, user: User | AnonymousUser) -> bool:
    """Whether the account belongs to a person recorded as a non-member (invited to join)."""
    if not user.is_authenticated:
        return False
    return Person.objects.filter(account=user, status=MembershipStatus.NON_MEMBER).exists()


def account_has_authenticator(*, user: User | AnonymousUser, kind: str | None = None) -> bool:
    """Whether the user has an MFA authenticator (of `kind`, e.g. `Authenticator.Type.TOTP`)."""
    if not user.is_authenticated:
        return False
    authenticators = Authenticator.objects.filter(user=user)
    if kind is not None:
        authenticators = authenticators.filter(type=kind)
    return bool(authenticators.exists())


def account_needs_totp(*, user: User | AnonymousUser) -> bool:
    """Whether the user must set up TOTP before going anywhere: MFA is required, they hold a
    role above learner, and they have no TOTP authenticator yet."""
    if not settings.COMMONPLACE_MFA_REQUIRED or not user.is_authenticated:
        return False
    if not roles_of(user=user) - {Role.LEARNER}:
        return False
    return not account_has_authenticator(user=user, kind=Authenticator.Type.TOTP)
