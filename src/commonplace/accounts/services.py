"""Writes of the accounts app: completing a sign-up (linking or creating the person, granting
the learner role) and the user's own settings.

The person and grant writes here are stand-ins until the people and access apps publish their
services; each sits in one small function so the lead can redirect it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction

from commonplace.access.enums import Role
from commonplace.access.services import grant_create
from commonplace.audit.enums import AuditAction
from commonplace.audit.services import audit_record
from commonplace.people.selectors import person_for_membership_match
from commonplace.people.services import person_create_non_member, person_link_account

from .enums import SignupPath
from .errors import MembershipNotMatchedError
from .models import TextSize

if TYPE_CHECKING:
    from commonplace.access.models import RoleGrant
    from commonplace.organisation.models import OrgUnit
    from commonplace.people.models import Person

    from .models import User


@dataclass(frozen=True)
class SignupDetails:
    """What the sign-up form collected beyond the email address and password."""

    path: str
    union: OrgUnit
    membership_number: str = ""
    given_name: str = ""
    family_name: str = ""
    home_unit: OrgUnit | None = None


def account_learner_grant_create(*, user: User, unit: OrgUnit) -> RoleGrant:
    """Give a newly signed-up user the learner role at their home unit.

    Effects: writes RoleGrant; audit `access.grant.created` (through access's service).
    """
    return grant_create(actor=None, user=user, role=Role.LEARNER, unit=unit)


@transaction.atomic
def account_signup_complete(*, user: User, details: SignupDetails) -> Person:
    """Finish a sign-up: link (member) or create (non-member) the person, grant the learner
    role at their home unit, and record the sign-up.

    Effects: writes Person, RoleGrant, User.display_name; audit `people.person.changed` or
    `people.person.created`, `access.grant.created`, `accounts.signup.completed`.
    Raises: MembershipNotMatchedError (member path, no unclaimed match), PersonAlreadyLinkedError.
    """
    if details.path == SignupPath.MEMBER:
        match = person_for_membership_match(
            union=details.union,
            membership_number=details.membership_number,
            family_name=details.family_name,
        )
        if match is None:
            raise MembershipNotMatchedError()
        person = person_link_account(user=user, person=match)
    else:
        if details.home_unit is None or details.home_unit.union_id != details.union.pk:
            raise ValueError("a non-member signs up at a unit of the chosen union")
        person = person_create_non_member(
            user=user,
            union=details.union,
            given_name=details.given_name,
            family_name=details.family_name,
            home_unit=details.home_unit,
        )
    user.display_name = person.display_name
    user.save(update_fields=["display_name"])
    account_learner_grant_create(user=user, unit=person.home_unit)
    audit_record(actor=user, action=AuditAction.SIGNUP_COMPLETED, subject=user)
    return person


def account_login_record(*, user: User, succeeded: bool) -> None:
    """Record a log-in, or a failed attempt on an existing account (no password is kept).

    Effects: audit `accounts.login.succeeded` (actor: the user) or `accounts.login.failed`
    (actor: anonymous).
    """
    if succeeded:
        audit_record(actor=user, action=AuditAction.LOGIN_SUCCEEDED, subject=user)
    else:
        audit_record(actor=None, action=AuditAction.LOGIN_FAILED, subject=user)


def user_language_set(*, user: User, language: str) -> User:
    """Store the user's preferred language (applied at every log-in).

    Effects: writes User.preferred_language.
    Raises: ValueError for a language the site does not offer.
    """
    if language and language not in dict(settings.LANGUAGES):
        raise ValueError(f"unsupported language {language!r}")
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user


def user_text_size_set(*, user: User, size: str) -> None:
    """Effects: writes User.text_size. Raises: ValueError for an unknown size."""
    if size not in TextSize.values:
        raise ValueError(size)
    user.text_size = size
    user.save(update_fields=["text_size"])
