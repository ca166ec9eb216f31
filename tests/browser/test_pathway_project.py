"""On a phone: a learner opens the assessed-project step of their pathway, sends their work
from it, an assessor passes it, and the learner's space shows the pathway completed and its
certificate with a verification link."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.pathways.enums import StepKind
from commonplace.pathways.services import enrolment_create, step_add
from tests.factories.accounts import UserFactory
from tests.factories.assessment import CriterionFactory, ProjectBriefFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.pathways import PathwayFactory
from tests.factories.people import PersonFactory


@pytest.fixture
def people(transactional_db):
    union = UnionFactory(name="Union A")
    region = RegionFactory(parent=union, name="Wales")
    workplace = WorkplaceFactory(parent=BranchFactory(parent=region), name="Ward 7")
    learner = UserFactory(email="sam@a.test", display_name="Sam Pritchard")
    PersonFactory(home_unit=workplace, account=learner)
    RoleGrant.objects.create(user=learner, role=Role.LEARNER, unit=workplace)
    assessor = UserFactory(email="rhian@a.test", display_name="Rhian Morgan")
    RoleGrant.objects.create(user=assessor, role=Role.ASSESSOR, unit=region)
    brief = ProjectBriefFactory(owner_unit=union, title="Map your workplace", slug="map")
    CriterionFactory(brief=brief, order=1, title="Listening to colleagues", max_points=4)
    pathway = PathwayFactory(owner_unit=union, title="Organising 1", slug="organising-1")
    step = step_add(
        actor=None,
        pathway=pathway,
        fields={"title": "Map your workplace", "kind": StepKind.PROJECT, "project": brief},
    )
    enrolment_create(actor=learner, pathway=pathway)
    return learner, assessor, step


def test_a_project_step_is_submitted_passed_and_shows_in_my_space(browse, sign_in, people):
    learner, assessor, step = people

    sign_in(learner)
    page = browse.open(f"/pathways/steps/{step.pk}/")
    assert page.get_by_role("heading", name="Map your workplace").first.is_visible()
    browse.follow("Read the brief and submit your work")
    browse.follow("Submit your work")
    page.get_by_label("Your work").fill("I spoke to five colleagues on the ward.")
    browse.submit("Submit for marking")
    assert page.get_by_text("Waiting to be marked").first.is_visible()

    sign_in(assessor)
    browse.open("/projects/marking/")
    page = browse.follow("Map your workplace")
    page.get_by_label("Points for “Listening to colleagues” (0 to 4)").fill("4")
    page.get_by_label("Feedback for the learner").fill("Clear and fair.")
    page.get_by_label("Pass", exact=True).check()
    browse.submit("Save the marking")

    sign_in(learner)
    page = browse.open("/my-learning/")
    pathways = page.locator("#pathways + ul")
    assert pathways.get_by_role("link", name="Organising 1").is_visible()
    assert pathways.get_by_text("Completed on").is_visible()
    certificates = page.locator("#certificates + ul")
    verify = certificates.get_by_role("link", name="Verification link")
    assert verify.is_visible()
    href = verify.get_attribute("href") or ""
    path = href[href.index("/certificates/verify/") :]  # absolute, on the site's public address
    page = browse.open(path)
    assert page.get_by_text("Sam Pritchard").first.is_visible()
