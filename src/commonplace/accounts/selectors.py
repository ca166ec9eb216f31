"""Reads for sign-up and sign-in: the membership match, the places a learner may pick, and
whether an account belongs to a non-member or must use TOTP."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.mfa.models import Authenticator
from django.conf import settings

from commonplace.access.enums import Role
from commonplace.access.selectors import roles_of
from commonplace.people.selectors import person_is_non_member

from .models import User

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def user_get_by_email(*, email: str) -> User | None:
    """The account using this address (case-insensitive), if any."""
    return User.objects.filter(email__iexact=email.strip()).first() if email else None


def account_is_non_member(*, user: User | AnonymousUser) -> bool:
    """Whether the account belongs to a person recorded as a non-member (invited to join)."""
    return person_is_non_member(user=user)


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
