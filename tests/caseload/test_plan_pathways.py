"""Learning plans link pathways open to the learner; the learner's progress on them is shown
only as far as their consent shares progress (the learner always sees their own)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.audit.models import AuditEvent
from commonplace.caseload.errors import PathwayNotOpenToLearnerError
from commonplace.caseload.services import plan_save
from tests.factories.accounts import UserFactory
from tests.factories.caseload import CaseloadEntryFactory, LearningPlanFactory
from tests.factories.pathways import (
    EnrolmentFactory,
    PathwayFactory,
    StepFactory,
    StepProgressFactory,
)
from tests.factories.people import PersonFactory

PROGRESS = "2 of 3 required steps done"


def _pathway(union, title="Digital skills for work", steps=3):
    pathway = PathwayFactory(owner_unit=union, title=title)
    for _ in range(steps):
        StepFactory(pathway=pathway)
    StepFactory(pathway=pathway, required=False)
    return pathway


def _part_way(user, pathway, done=2):
    enrolment = EnrolmentFactory(user=user, pathway=pathway)
    for step in list(pathway.steps.filter(required=True).order_by("position"))[:done]:
        StepProgressFactory(enrolment=enrolment, step=step)
    return enrolment


@pytest.fixture
def union(b):
    return b.branch.union


@pytest.fixture
def pathway(b, union):
    pathway = _pathway(union)
    _part_way(b.learner.account, pathway)
    return pathway


def _plan_with(entry, *pathways):
    plan = LearningPlanFactory(entry=entry)
    plan.pathways.set(pathways)
    return plan


# --- the service -------------------------------------------------------------------------------


def test_plan_save_links_a_pathway_open_to_the_learner_and_audits_it(b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    plan = plan_save(actor=b.ulr, entry=entry, summary="Get online", pathways=[pathway])

    assert list(plan.pathways.all()) == [pathway]
    plan_save(actor=b.ulr, entry=entry, summary="Get online", pathways=[])
    assert not plan.pathways.exists()
    changed = AuditEvent.objects.filter(action="caseload.plan.changed").get()
    assert "pathways" in changed.changes


@pytest.mark.parametrize("which", ["other union", "draft"])
def test_plan_save_refuses_a_pathway_the_learner_cannot_see(b, union, which):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    hidden = (
        PathwayFactory() if which == "other union" else PathwayFactory(owner_unit=union, draft=True)
    )

    with pytest.raises(PathwayNotOpenToLearnerError):
        plan_save(actor=b.ulr, entry=entry, summary="Get online", pathways=[hidden])
    assert not entry.__class__.objects.filter(pk=entry.pk, plan__isnull=False).exists()


def test_plan_edit_page_refuses_a_hidden_pathway_with_a_message(client, b, union):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    plan = _plan_with(entry)
    other_union_pathway = PathwayFactory(title="Another union's pathway")
    client.force_login(b.ulr)

    response = client.post(
        reverse("caseload:plan-edit", args=[entry.pk]),
        {"form": "plan", "summary": "Get online", "pathways": [other_union_pathway.pk]},
    )

    assert response.status_code == 200
    assert "Choose only pathways the learner can see and enrol on." in response.text
    assert "Another union&#x27;s pathway" not in response.text
    assert not plan.pathways.exists()
    bad = client.post(
        reverse("caseload:plan-edit", args=[entry.pk]),
        {"form": "plan", "summary": "Get online", "pathways": ["not-a-number"]},
    )
    assert bad.status_code == 200
    assert not plan.pathways.exists()


def test_plan_edit_page_links_a_visible_pathway(client, b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    plan = _plan_with(entry)
    client.force_login(b.ulr)

    response = client.post(
        reverse("caseload:plan-edit", args=[entry.pk]),
        {"form": "plan", "summary": "Get online", "pathways": [pathway.pk]},
    )

    assert response.status_code == 302
    assert list(plan.pathways.all()) == [pathway]
    page = client.get(reverse("caseload:plan-edit", args=[entry.pk]))
    assert PROGRESS in page.text


# --- progress by consent -----------------------------------------------------------------------


def test_story_and_print_show_the_lead_the_learners_progress(client, b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    plan = _plan_with(entry, pathway)
    client.force_login(b.ulr)

    story = client.get(reverse("caseload:entry-detail", args=[entry.pk]))
    printed = client.get(reverse("caseload:plan-print", args=[plan.pk]))

    assert "Digital skills for work" in story.text
    assert PROGRESS in story.text
    assert "Digital skills for work" in printed.text
    assert PROGRESS in printed.text


def test_a_completed_pathway_shows_its_date(client, b, union):
    done = _pathway(union, title="Finished pathway", steps=1)
    enrolment = _part_way(b.learner.account, done, done=1)
    enrolment.completed_at = enrolment.enrolled_at
    enrolment.save()
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    _plan_with(entry, done)
    client.force_login(b.ulr)

    story = client.get(reverse("caseload:entry-detail", args=[entry.pk]))

    assert f"completed {enrolment.completed_at:%-d %b %Y}" in story.text


def test_ulr_without_progress_consent_sees_the_pathway_but_not_the_progress(client, b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr, consent__shares_progress=False)
    plan = _plan_with(entry, pathway)
    client.force_login(b.ulr)

    story = client.get(reverse("caseload:entry-detail", args=[entry.pk]))
    printed = client.get(reverse("caseload:plan-print", args=[plan.pk]))
    edit = client.get(reverse("caseload:plan-edit", args=[entry.pk]))

    for response in (story, printed, edit):
        assert response.status_code == 200
        assert "Digital skills for work" in response.text
        assert "required steps done" not in response.text
    assert "has not agreed to share their progress" in story.text


def test_ulr_outside_the_scope_gets_404_for_the_plan(client, b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr)
    plan = _plan_with(entry, pathway)
    client.force_login(b.other_ulr)

    assert client.get(reverse("caseload:entry-detail", args=[entry.pk])).status_code == 404
    assert client.get(reverse("caseload:plan-print", args=[plan.pk])).status_code == 404
    assert client.get(reverse("caseload:plan-edit", args=[entry.pk])).status_code == 404


def test_learner_sees_their_own_progress_whatever_they_share(client, b, pathway):
    entry = CaseloadEntryFactory(learner=b.learner, lead_ulr=b.ulr, consent__shares_progress=False)
    plan = _plan_with(entry, pathway)
    client.force_login(b.learner.account)

    mine = client.get(reverse("caseload:my-record"))
    printed = client.get(reverse("caseload:plan-print", args=[plan.pk]))

    assert PROGRESS in mine.text
    assert PROGRESS in printed.text


def test_story_reads_all_linked_pathways_progress_in_fixed_queries(client, b, union):
    def count(n):
        learner = PersonFactory(home_unit=b.workplace, account=UserFactory())
        entry = CaseloadEntryFactory(learner=learner, lead_ulr=b.ulr)
        pathways = [_pathway(union, title=f"Pathway {n}-{i}") for i in range(n)]
        for p in pathways:
            _part_way(entry.learner.account, p)
        _plan_with(entry, *pathways)
        url = reverse("caseload:entry-detail", args=[entry.pk])
        client.get(url)  # warm caches (grants, units)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.text.count(PROGRESS) == n
        return len(queries)

    client.force_login(b.ulr)
    assert count(1) == count(3)
