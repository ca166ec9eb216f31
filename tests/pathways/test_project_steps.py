"""The assessed-project step: a step of kind `project` points at a published brief, its
activity is the brief's IRI, and the assessor's `passed` marking (an LRS statement) completes
it; a `not passed` marking or a resubmission request does not."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.enums import MarkingOutcome, ProjectStatus
from commonplace.assessment.services import (
    project_activity_id,
    submission_mark,
    submission_submit,
)
from commonplace.pathways.enums import StepKind
from commonplace.pathways.errors import StepIncompleteError
from commonplace.pathways.models import Step
from commonplace.pathways.services import enrolment_create, step_add, step_finish
from tests.factories.assessment import CriterionFactory, ProjectBriefFactory
from tests.factories.pathways import PathwayFactory

from .conftest import _person

pytestmark = pytest.mark.django_db


@pytest.fixture
def brief(union):
    brief = ProjectBriefFactory(owner_unit=union, title="Map your workplace", slug="map")
    CriterionFactory(brief=brief, order=1, max_points=4)
    return brief


@pytest.fixture
def assessor(workplace, union):
    user = _person(workplace, "assessor@a.test")
    RoleGrant.objects.create(user=user, role=Role.ASSESSOR, unit=union)
    return user


def _pathway_with_project(union, brief):
    pathway = PathwayFactory(owner_unit=union)
    step = step_add(
        actor=None,
        pathway=pathway,
        fields={"title": "Map your workplace", "kind": StepKind.PROJECT, "project": brief},
    )
    return pathway, step


def _mark(assessor, submission, outcome, points="3"):
    criterion = submission.brief.criteria.get()
    return submission_mark(
        actor=assessor,
        submission=submission,
        scores={criterion.pk: (points, "Clear.")},
        feedback="Thank you.",
        outcome=outcome,
    )


def test_a_project_step_takes_the_briefs_activity_iri(union, brief):
    _, step = _pathway_with_project(union, brief)
    assert step.activity_id == project_activity_id(brief)
    assert step.activity_id.endswith("/projects/map/")


def test_a_project_step_needs_a_brief(union):
    pathway = PathwayFactory(owner_unit=union)
    with pytest.raises(StepIncompleteError):
        step_add(actor=None, pathway=pathway, fields={"title": "Project", "kind": StepKind.PROJECT})
    assert not Step.objects.filter(pathway=pathway).exists()


def test_an_assessor_passing_the_submission_completes_the_step(learner, assessor, union, brief):
    pathway, step = _pathway_with_project(union, brief)
    enrolment = enrolment_create(actor=learner, pathway=pathway)

    first = submission_submit(actor=learner, brief=brief, text="Five colleagues.", files=[])
    _mark(assessor, first, MarkingOutcome.RESUBMIT, points="1")
    assert not enrolment.progress.exists()  # asked to resubmit: not done yet

    second = submission_submit(actor=learner, brief=brief, text="Ten colleagues.", files=[])
    _mark(assessor, second, MarkingOutcome.PASSED)

    enrolment.refresh_from_db()
    assert enrolment.progress.get().step == step
    assert enrolment.completed_at is not None


def test_a_not_passed_marking_leaves_the_step_open(learner, assessor, union, brief):
    pathway, _ = _pathway_with_project(union, brief)
    enrolment = enrolment_create(actor=learner, pathway=pathway)
    submission = submission_submit(actor=learner, brief=brief, text="Little.", files=[])
    _mark(assessor, submission, MarkingOutcome.NOT_PASSED, points="0")
    assert not enrolment.progress.exists()
    assert enrolment.completed_at is None


def test_a_project_step_is_not_finished_by_saying_so(learner, union, brief):
    pathway, step = _pathway_with_project(union, brief)
    enrolment_create(actor=learner, pathway=pathway)
    with pytest.raises(ValueError, match="passing"):
        step_finish(actor=learner, step=step)


def test_the_step_page_shows_the_brief_and_a_link_to_submit(client, learner, union, brief):
    pathway, step = _pathway_with_project(union, brief)
    enrolment_create(actor=learner, pathway=pathway)
    client.force_login(learner)

    content = client.get(f"/pathways/steps/{step.pk}/").content.decode()

    assert "Map your workplace" in content
    assert brief.summary in content
    assert 'href="/projects/map/"' in content
    assert client.post(f"/pathways/steps/{step.pk}/finish/").status_code == 302
    assert not step.pathway.enrolments.get().progress.exists()


def test_the_step_page_of_another_unions_pathway_is_404(client, outsider, union, brief):
    _, step = _pathway_with_project(union, brief)
    client.force_login(outsider)
    assert client.get(f"/pathways/steps/{step.pk}/").status_code == 404


def test_the_step_form_offers_published_briefs_only(client, staff, union, brief):
    ProjectBriefFactory(owner_unit=union, title="Draft brief", status=ProjectStatus.DRAFT)
    ProjectBriefFactory(title="Another union's brief")
    pathway = PathwayFactory(owner_unit=union)
    client.force_login(staff)

    content = client.get(f"/pathways/{pathway.slug}/steps/new/").content.decode()
    assert "Map your workplace" in content
    assert "Draft brief" not in content
    assert "Another union" not in content

    response = client.post(
        f"/pathways/{pathway.slug}/steps/new/",
        {"title": "Map it", "kind": StepKind.PROJECT, "project": brief.pk, "required": "on"},
    )
    assert response.status_code == 302
    assert Step.objects.get(pathway=pathway).project == brief
