"""The demo union's pathways: published, 5+ steps each, learners at every stage."""

import pytest

from commonplace.accounts.models import User
from commonplace.caseload.models import Referral
from commonplace.demo.services import demo_load
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_of_user
from commonplace.pathways.models import Enrolment, Pathway
from commonplace.pathways.selectors import pathway_activity_id, pathway_dropoff, pathway_progress
from commonplace.skills.models import Band

pytestmark = pytest.mark.django_db


def test_demo_pathways_have_content_and_learners_at_every_stage():
    demo_load(branches=2, members=30, report=lambda _m: None)

    pathways = {p.title: p for p in Pathway.objects.all()}
    assert {
        "Becoming a union learning rep",
        "Organising 1: organising in your workplace",
        "Organising 2: from issue to campaign",
        "Digital skills for work",
    } <= set(pathways)
    assert all(p.is_published and p.steps.count() >= 5 for p in pathways.values())
    organising_2 = pathways["Organising 2: from issue to campaign"]
    assert list(organising_2.prerequisites.all()) == [
        pathways["Organising 1: organising in your workplace"]
    ]

    organising_1 = pathways["Organising 1: organising in your workplace"]
    project_step = organising_1.steps.get(kind="project")
    assert project_step.project.slug == "map-your-workplace"
    assert not project_step.required  # the demo's completions need no marked submission
    assert project_step.activity_id.endswith("/projects/map-your-workplace/")

    # The demo skills check suggests the digital pathway to those starting out with digital.
    digital_refs = Band.objects.filter(section__title="Digital skills").values_list(
        "pathway_refs", flat=True
    )
    assert [pathways["Digital skills for work"].slug] in list(digital_refs)

    ulr = pathways["Becoming a union learning rep"]
    # Demo caseload referrals to a pathway name it by slug, so the learner's story links to it.
    slugs = {p.slug for p in pathways.values()}
    assert set(Referral.objects.filter(kind="pathway").values_list("reference", flat=True)) <= slugs
    dropoff = pathway_dropoff(pathway=ulr)
    assert dropoff.completed >= 1
    assert dropoff.not_started >= 1
    assert sum(row.stopped for row in dropoff.rows) >= 2  # part-way and nearly done

    learner = User.objects.get(email="learner@demo.commonplace.test")
    progress = pathway_progress(user=learner, pathway=ulr)
    assert progress.enrolment is not None
    assert 0 < progress.required_done < progress.required_total
    quiz_step = next(view for view in progress.steps if view.step.kind == "quiz")
    assert quiz_step.state == "done"
    assert progress.next_step is not None
    assert (
        statements_of_user(user=learner)
        .filter(activity_id=pathway_activity_id(ulr), verb_id=vocabulary.REGISTERED.iri)
        .exists()
    )
    assert Enrolment.objects.filter(completed_at__isnull=False).count() >= 3
