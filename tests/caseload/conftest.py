"""A branch with two workplaces, two ULRs and a co-ordinator; another branch with its own ULR;
a learner with an account at the first workplace."""

import datetime
from dataclasses import dataclass

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.caseload.enums import ConsentAudience, ConsentMethod, ConsentSection
from commonplace.caseload.services import ConsentTerms
from tests.factories.accounts import UserFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory

ALL_SECTIONS = frozenset(ConsentSection.values)


def terms(sections=ALL_SECTIONS, audience=ConsentAudience.TEAM, partner_name=""):
    return ConsentTerms(
        sections=frozenset(sections),
        audience=audience,
        partner_name=partner_name,
        given_on=datetime.date(2026, 1, 5),
        method=ConsentMethod.IN_PERSON,
    )


@dataclass
class Branch:
    branch: object
    workplace: object
    other_workplace: object
    other_branch: object
    ulr: object
    ulr2: object
    coordinator: object
    other_ulr: object
    staff: object
    learner: object  # a Person with an account


def _user(email, role, unit):
    user = UserFactory(email=email)
    RoleGrant.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture
def b(db) -> Branch:
    union = UnionFactory(name="Union A")
    region = RegionFactory(parent=union)
    branch = BranchFactory(parent=region, name="Hospital branch")
    workplace = WorkplaceFactory(parent=branch, name="Main hospital")
    other_workplace = WorkplaceFactory(parent=branch, name="Community hospital")
    other_branch = BranchFactory(parent=region, name="Council branch")
    learner_user = UserFactory(email="learner@a.test")
    learner = PersonFactory(
        home_unit=workplace, account=learner_user, email="sam@example.org", phone="07700 900123"
    )
    RoleGrant.objects.create(user=learner_user, role=Role.LEARNER, unit=workplace)
    return Branch(
        branch=branch,
        workplace=workplace,
        other_workplace=other_workplace,
        other_branch=other_branch,
        ulr=_user("ulr@a.test", Role.ULR, branch),
        ulr2=_user("ulr2@a.test", Role.ULR, branch),
        coordinator=_user("coordinator@a.test", Role.COORDINATOR, branch),
        other_ulr=_user("other-ulr@a.test", Role.ULR, other_branch),
        staff=_user("staff@a.test", Role.STAFF, union),
        learner=learner,
    )
