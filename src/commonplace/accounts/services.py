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
from commonplace.access.models import RoleGrant
from commonplace.access.services import grant_create
from commonplace.audit.enums import AuditAction
from commonplace.audit.services import audit_record
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import Person

from .enums import SignupPath
from .errors import MembershipNotMatchedError, PersonAlreadyLinkedError
from .models import TextSize
from .selectors import person_get_for_membership_match

if TYPE_CHECKING:
    from commonplace.organisation.models import OrgUnit

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
def account_person_link(*, user: User, person: Person) -> Person:
    """Link a member's existing record to their new account.

    Effects: writes Person.account; audit `people.person.changed`.
    Raises: PersonAlreadyLinkedError when another account claimed the record first.
    """
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.account_id is not None:
        raise PersonAlreadyLinkedError()
    person.account = user
    person.save(update_fields=["account", "updated_at"])
    audit_record(actor=user, action=AuditAction.PERSON_CHANGED, subject=person, changes=["account"])
    return person


def non_member_person_create(
    *, user: User, union: OrgUnit, given_name: str, family_name: str, home_unit: OrgUnit
) -> Person:
    """Create the profile of a non-member learner who signed up, at the unit they chose.

    Effects: writes Person (status non-member, linked to `user`); audit `people.person.created`.
    """
    is_workplace = home_unit.kind == "workplace"
    person = Person.objects.create(
        union=union,
        account=user,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        email=user.email,
        status=MembershipStatus.NON_MEMBER,
        home_unit=home_unit,
        workplace=home_unit if is_workplace else None,
        branch=home_unit.parent if is_workplace else home_unit,
    )
    audit_record(actor=user, action=AuditAction.PERSON_CREATED, subject=person)
    return person


@transaction.atomic
def account_signup_complete(*, user: User, details: SignupDetails) -> Person:
    """Finish a sign-up: link (member) or create (non-member) the person, grant the learner
    role at their home unit, and record the sign-up.

    Effects: writes Person, RoleGrant, User.display_name; audit `people.person.changed` or
    `people.person.created`, `access.grant.created`, `accounts.signup.completed`.
    Raises: MembershipNotMatchedError (member path, no unclaimed match), PersonAlreadyLinkedError.
    """
    if details.path == SignupPath.MEMBER:
        match = person_get_for_membership_match(
            union=details.union,
            membership_number=details.membership_number,
            family_name=details.family_name,
        )
        if match is None:
            raise MembershipNotMatchedError()
        person = account_person_link(user=user, person=match)
    else:
        if details.home_unit is None or details.home_unit.union_id != details.union.pk:
            raise ValueError("a non-member signs up at a unit of the chosen union")
        person = non_member_person_create(
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
