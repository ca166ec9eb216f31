"""A small union for the reps tests: one region with two branches, each with a workplace and
an employer; a ULR (with an appointment) and a co-ordinator in branch 1."""

from dataclasses import dataclass

import pytest

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import (
    BranchFactory,
    EmployerFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory
from tests.factories.reps import RepAppointmentFactory


@dataclass
class Branch:
    union: object
    region: object
    branch: object
    workplace: object
    employer: object
    other_branch: object
    other_workplace: object
    other_employer: object


@pytest.fixture
def place(db) -> Branch:
    union = UnionFactory(name="Union A")
    region = RegionFactory(parent=union, name="Wales")
    branch = BranchFactory(parent=region, name="Cardiff Health branch")
    employer = EmployerFactory(union=union, name="Cardiff NHS Trust")
    workplace = WorkplaceFactory(parent=branch, name="Cardiff General", employer=employer)
    other_branch = BranchFactory(parent=region, name="Swansea Council branch")
    other_employer = EmployerFactory(union=union, name="Swansea Council")
    other_workplace = WorkplaceFactory(
        parent=other_branch, name="Swansea Civic Centre", employer=other_employer
    )
    return Branch(
        union, region, branch, workplace, employer, other_branch, other_workplace, other_employer
    )


def member(unit, email: str, **extra):
    """A member at `unit` with an account and a learner grant there."""
    person = PersonFactory(home_unit=unit, account=UserFactory(email=email), **extra)
    RoleGrantFactory(user=person.account, role=Role.LEARNER, unit=unit)
    return person


@pytest.fixture
def ulr(place):
    person = member(place.workplace, "ulr@example.org", given_name="Carys", family_name="Jenkins")
    RoleGrantFactory(user=person.account, role=Role.ULR, unit=place.branch)
    return person


@pytest.fixture
def appointment(ulr, place):
    return RepAppointmentFactory(person=ulr, unit=place.workplace, employer=place.employer)


@pytest.fixture
def coordinator(place):
    person = member(place.workplace, "co@example.org", given_name="Emeka", family_name="Okafor")
    RoleGrantFactory(user=person.account, role=Role.COORDINATOR, unit=place.branch)
    return person.account


@pytest.fixture
def other_coordinator(place):
    person = member(place.other_workplace, "co2@example.org")
    RoleGrantFactory(user=person.account, role=Role.COORDINATOR, unit=place.other_branch)
    return person.account


@pytest.fixture
def organiser(place):
    person = member(place.workplace, "org@example.org")
    RoleGrantFactory(user=person.account, role=Role.ORGANISER, unit=place.region)
    return person.account
