"""Writes to people: profiles, membership status, equality answers. Every write is audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction

from commonplace.audit.enums import AuditAction
from commonplace.audit.services import audit_record

from .enums import MembershipStatus
from .errors import MembershipDatesError, PersonAlreadyLinkedError
from .models import EqualityAnswers, Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

PROFILE_FIELDS = {
    "given_name",
    "family_name",
    "email",
    "phone",
    "job_title",
    "working_pattern",
    "contact_by_email",
    "contact_by_phone",
    "contact_by_post",
    "contact_by_sms",
}
MEMBERSHIP_FIELDS = {"status", "joined_on", "lapsed_on", "membership_number"}
EQUALITY_FIELDS = {
    "sex",
    "gender_same_as_birth",
    "ethnicity",
    "disability",
    "age_band",
    "sexual_orientation",
    "religion",
    "caring_responsibilities",
}


def _check_membership_dates(person: Person) -> None:
    if person.status == MembershipStatus.LAPSED and person.lapsed_on is None:
        raise MembershipDatesError()
    if person.joined_on and person.lapsed_on and person.lapsed_on < person.joined_on:
        raise MembershipDatesError()


@transaction.atomic
def person_update(
    *, actor: User | AnonymousUser, person: Person, changes: dict[str, Any]
) -> list[str]:
    """Change a person's profile or membership fields; returns the names of changed fields.

    Effects: writes Person; audit `people.person.changed` with field names only.
    Raises: MembershipDatesError; ValueError on a field that is not editable here.
    """
    unknown = set(changes) - PROFILE_FIELDS - MEMBERSHIP_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    # Compare with the stored row (a form may already have copied the values onto `person`).
    current = Person.objects.select_for_update().get(pk=person.pk)
    changed = [name for name, value in changes.items() if getattr(current, name) != value]
    if not changed:
        return []
    for name in changed:
        setattr(current, name, changes[name])
        setattr(person, name, changes[name])
    _check_membership_dates(current)
    current.save(update_fields=[*changed, "updated_at"])
    audit_record(actor=actor, action=AuditAction.PERSON_CHANGED, subject=current, changes=changed)
    return sorted(changed)


@transaction.atomic
def equality_answers_save(
    *, actor: User | AnonymousUser, person: Person, answers: dict[str, str]
) -> EqualityAnswers:
    """Save the person's own equality answers (blank = not answered).

    Effects: writes EqualityAnswers; audit `people.equality.changed` (that they changed, never
    the answers).
    Raises: ValueError when `actor` is not the person (only they may answer).
    """
    if person.account_id is None or actor.pk != person.account_id:
        raise ValueError("only the person themself may record equality answers")
    record, _created = EqualityAnswers.objects.get_or_create(person=person)
    changed = [
        name
        for name, value in answers.items()
        if name in EQUALITY_FIELDS and getattr(record, name) != value
    ]
    for name in changed:
        setattr(record, name, answers[name])
    if changed:
        record.save()
        audit_record(
            actor=actor,
            action=AuditAction.EQUALITY_CHANGED,
            subject=person,
            changes=["equality answers"],
        )
    return record


def person_view_record(*, actor: User | AnonymousUser, person: Person) -> None:
    """Record that someone other than the person opened their record.

    Effects: audit `people.person.viewed` (nothing when the person views their own).
    """
    if person.account_id is not None and actor.pk == person.account_id:
        return
    audit_record(actor=actor, action=AuditAction.PERSON_VIEWED, subject=person)


@transaction.atomic
def person_link_account(*, user: User, person: Person) -> Person:
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


def person_create_non_member(
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
def person_create_learner(
    *,
    actor: User | AnonymousUser | None,
    given_name: str,
    family_name: str,
    workplace: OrgUnit,
    email: str = "",
    phone: str = "",
) -> Person:
    """Create the profile of a non-member learner a rep met (no account), at their workplace.

    Effects: writes Person (status non-member); audit `people.person.created`.
    Raises: ValueError when a name is blank or `workplace` is not a workplace.
    """
    if not given_name.strip() or not family_name.strip():
        raise ValueError("a learner needs a given and a family name")
    if workplace.kind != "workplace":
        raise ValueError("a learner is created at a workplace")
    person = Person.objects.create(
        union_id=workplace.union_id,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        contact_by_email=bool(email.strip()),
        contact_by_phone=bool(phone.strip()),
        status=MembershipStatus.NON_MEMBER,
        home_unit=workplace,
        workplace=workplace,
        branch_id=workplace.parent_id,
        employer_id=workplace.employer_id,
    )
    audit_record(actor=actor, action=AuditAction.PERSON_CREATED, subject=person)
    return person


def people_branch_follow_workplaces(*, moved: OrgUnit) -> int:
    """After a unit moved, set the branch of people at each workplace below it to the
    workplace's new parent. Returns how many people changed.

    Effects: writes Person.branch.
    """
    changed = 0
    workplaces = (
        Person.objects.filter(workplace__path__startswith=moved.path)
        .values_list("workplace_id", "workplace__parent_id")
        .distinct()
    )
    for workplace_id, branch_id in workplaces:
        changed += (
            Person.objects.filter(workplace_id=workplace_id)
            .exclude(branch_id=branch_id)
            .update(branch_id=branch_id)
        )
    return changed
