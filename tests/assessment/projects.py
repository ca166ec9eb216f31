"""Fixtures of the project tests: a union with two regions, a learner and an assessor in the
first, an assessor in the second, and a published brief with a three-criterion rubric."""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.organisation.models import OrgUnit
from tests.factories.accounts import UserFactory
from tests.factories.assessment import CriterionFactory, ProjectBriefFactory
from tests.factories.learning import PDF_BYTES
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory


@dataclass
class Place:
    union: OrgUnit
    r1: OrgUnit
    w1: OrgUnit
    r2: OrgUnit
    w2: OrgUnit
    learner: object
    other_learner: object
    far_learner: object
    assessor: object
    far_assessor: object
    brief: object
    criteria: list


def person(email: str, unit: OrgUnit, *roles: tuple[Role, OrgUnit]):
    user = UserFactory(email=email, display_name=email.split("@")[0].title())
    PersonFactory(home_unit=unit, account=user)
    RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=unit)
    for role, where in roles:
        RoleGrant.objects.create(user=user, role=role, unit=where)
    return user


def pdf(name: str = "snapshot.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


@pytest.fixture
def place(db) -> Place:
    union = UnionFactory(name="Union A")
    r1, r2 = RegionFactory(parent=union), RegionFactory(parent=union)
    w1 = WorkplaceFactory(parent=BranchFactory(parent=r1))
    w2 = WorkplaceFactory(parent=BranchFactory(parent=r2))
    brief = ProjectBriefFactory(owner_unit=union, title="Map your workplace", slug="map")
    criteria = [CriterionFactory(brief=brief, order=n, max_points=4) for n in (1, 2, 3)]
    return Place(
        union=union,
        r1=r1,
        w1=w1,
        r2=r2,
        w2=w2,
        learner=person("learner@a.test", w1),
        other_learner=person("other@a.test", w1),
        far_learner=person("far@a.test", w2),
        assessor=person("assessor@a.test", w1, (Role.ASSESSOR, r1)),
        far_assessor=person("far-assessor@a.test", w2, (Role.ASSESSOR, r2)),
        brief=brief,
        criteria=criteria,
    )


def scores(criteria, *points, comment: str = "Good.") -> dict[int, tuple[str, str]]:
    return {c.pk: (str(p), comment) for c, p in zip(criteria, points, strict=True)}
