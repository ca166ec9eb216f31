import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commonplace.pathways.models import Enrolment, Pathway, Step
from commonplace.pathways.selectors import pathway_steps
from commonplace.pathways.services import enrolment_create, step_finish, step_update
from tests.factories.learning import ResourceFactory
from tests.factories.pathways import PathwayFactory

from .conftest import build_pathway

pytestmark = pytest.mark.django_db


def _pathway_data(union, **extra):
    data = {
        "title": "Organising in your workplace",
        "summary": "From the first conversation to a winning campaign.",
        "description": "<p>Start here.</p>",
        "level": "beginner",
        "estimated_hours": "6",
        "language": "en",
        "owner_unit": str(union.pk),
    }
    return {**data, **extra}


# --- learners ----------------------------------------------------------------------------------


def test_list_shows_published_pathways_and_filters_by_level(client, learner, union):
    build_pathway(union, title="Digital skills for work", level="entry")
    build_pathway(union, title="Organising 2", level="intermediate")
    PathwayFactory(owner_unit=union, title="Hidden draft", draft=True)
    client.force_login(learner)

    response = client.get("/pathways/", {"level": "entry"})

    assert response.status_code == 200
    assert b"Digital skills for work" in response.content
    assert b"Organising 2" not in response.content
    assert b"Hidden draft" not in response.content


def test_list_query_count_does_not_grow_with_pathways(client, learner, union):
    build_pathway(union, resources=1)
    client.force_login(learner)
    client.get("/pathways/")
    with CaptureQueriesContext(connection) as one:
        client.get("/pathways/")
    build_pathway(union, resources=3)
    build_pathway(union, resources=2)
    with CaptureQueriesContext(connection) as three:
        client.get("/pathways/")
    assert len(three) == len(one)


def test_pathway_page_offers_enrolment_then_continue(client, learner, union):
    pathway = build_pathway(union, resources=2)
    first, second = pathway_steps(pathway=pathway)
    client.force_login(learner)

    page = client.get(f"/pathways/{pathway.slug}/")
    assert b"Enrol on this pathway" in page.content

    response = client.post(f"/pathways/{pathway.slug}/enrol/")
    assert response.status_code == 302
    assert Enrolment.objects.filter(user=learner, pathway=pathway).exists()

    page = client.get(f"/pathways/{pathway.slug}/")
    assert b"Start the first step" in page.content
    assert f"/pathways/steps/{first.pk}/".encode() in page.content

    client.post(f"/pathways/steps/{first.pk}/finish/")
    page = client.get(f"/pathways/{pathway.slug}/")
    assert b"Continue where you left off" in page.content
    assert f'href="/pathways/steps/{second.pk}/"'.encode() in page.content
    assert b"You have done 1 of 2 required steps." in page.content


def test_completing_shows_a_congratulation(client, learner, union):
    pathway = build_pathway(union, resources=1)
    enrolment_create(actor=learner, pathway=pathway)
    step = pathway_steps(pathway=pathway)[0]
    client.force_login(learner)

    response = client.post(f"/pathways/steps/{step.pk}/finish/", follow=True)

    assert b"Congratulations: you completed" in response.content
    assert b"Completed" in client.get("/pathways/mine/").content


def test_prerequisites_block_enrolment_with_a_clear_message(client, learner, union):
    first = build_pathway(union, resources=1, title="Organising 1")
    second = build_pathway(union, resources=1, title="Organising 2")
    second.prerequisites.set([first])
    client.force_login(learner)

    page = client.get(f"/pathways/{second.slug}/")
    assert b"You can enrol once you have completed:" in page.content
    assert b"Enrol on this pathway" not in page.content

    response = client.post(f"/pathways/{second.slug}/enrol/", follow=True)
    assert b"Complete these pathways before you enrol: Organising 1." in response.content
    assert not Enrolment.objects.filter(pathway=second).exists()


def test_locked_step_page_says_what_it_waits_for(client, learner, union):
    pathway = build_pathway(union, resources=2)
    first, second = pathway_steps(pathway=pathway)
    step_update(actor=None, step=second, fields={}, prerequisites=[first])
    enrolment_create(actor=learner, pathway=pathway)
    client.force_login(learner)

    page = client.get(f"/pathways/steps/{second.pk}/")

    assert b"This step unlocks when you have finished:" in page.content
    assert b"I have finished this" not in page.content
    client.post(f"/pathways/steps/{second.pk}/finish/")
    assert not second.progress.exists()


def test_step_page_of_a_quiz_links_to_the_quiz(client, learner, union):
    from .conftest import passable_quiz

    quiz, _right = passable_quiz(union)
    pathway = build_pathway(union, resources=0, quiz=quiz)
    step = pathway_steps(pathway=pathway)[0]
    client.force_login(learner)
    page = client.get(f"/pathways/steps/{step.pk}/")
    assert f"/quizzes/{quiz.slug}/".encode() in page.content
    assert b"Take the quiz" in page.content


def test_pathway_and_step_of_another_union_are_404(client, outsider, union):
    pathway = build_pathway(union, resources=1)
    step = pathway_steps(pathway=pathway)[0]
    client.force_login(outsider)
    assert client.get(f"/pathways/{pathway.slug}/").status_code == 404
    assert client.get(f"/pathways/steps/{step.pk}/").status_code == 404
    assert client.post(f"/pathways/{pathway.slug}/enrol/").status_code == 404
    assert not Enrolment.objects.exists()


def test_draft_pathway_is_404_for_a_learner(client, learner, union):
    pathway = PathwayFactory(owner_unit=union, draft=True)
    client.force_login(learner)
    assert client.get(f"/pathways/{pathway.slug}/").status_code == 404


def test_another_learners_enrolment_is_404(client, learner, other_learner, union):
    pathway = build_pathway(union, resources=1)
    theirs = enrolment_create(actor=other_learner, pathway=pathway)
    mine = enrolment_create(actor=learner, pathway=pathway)
    client.force_login(learner)
    assert client.get(f"/pathways/enrolments/{mine.pk}/").status_code == 200
    assert client.get(f"/pathways/enrolments/{theirs.pk}/").status_code == 404


def test_my_pathways_lists_only_my_own(client, learner, other_learner, union):
    mine = build_pathway(union, resources=1, title="Mine to do")
    theirs = build_pathway(union, resources=1, title="Someone else's")
    enrolment_create(actor=learner, pathway=mine)
    enrolment_create(actor=other_learner, pathway=theirs)
    client.force_login(learner)
    page = client.get("/pathways/mine/")
    assert b"Mine to do" in page.content
    assert b"Someone else" not in page.content


def test_anonymous_visitors_are_sent_to_sign_in(client, union):
    pathway = build_pathway(union, resources=1)
    for path in ("/pathways/", f"/pathways/{pathway.slug}/", "/pathways/mine/"):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


# --- authors -----------------------------------------------------------------------------------


def test_learner_cannot_author(client, learner, union):
    pathway = build_pathway(union, resources=1)
    step = pathway_steps(pathway=pathway)[0]
    client.force_login(learner)
    for path in (
        "/pathways/new/",
        f"/pathways/{pathway.slug}/edit/",
        f"/pathways/{pathway.slug}/steps/new/",
        f"/pathways/{pathway.slug}/drop-off/",
        f"/pathways/steps/{step.pk}/edit/",
        f"/pathways/steps/{step.pk}/remove/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/pathways/{pathway.slug}/publish/", {"unpublish": "1"}).status_code == 404
    assert client.post(f"/pathways/steps/{step.pk}/move/", {"direction": "up"}).status_code == 404
    assert Pathway.objects.get().is_published


def test_region_staff_cannot_change_a_national_pathway(client, region_staff, union):
    pathway = build_pathway(union, resources=1)
    client.force_login(region_staff)
    assert client.get(f"/pathways/{pathway.slug}/").status_code == 200
    assert client.get(f"/pathways/{pathway.slug}/edit/").status_code == 404


def test_staff_create_a_pathway_add_steps_reorder_and_publish(client, staff, union):
    first_resource = ResourceFactory(owner_unit=union, title="The one-to-one conversation")
    second_resource = ResourceFactory(owner_unit=union, title="Mapping your workplace")
    client.force_login(staff)

    response = client.post("/pathways/new/", _pathway_data(union))
    pathway = Pathway.objects.get()
    assert response["Location"] == f"/pathways/{pathway.slug}/"
    assert not pathway.is_published

    for resource in (first_resource, second_resource):
        response = client.post(
            f"/pathways/{pathway.slug}/steps/new/",
            {"title": resource.title, "kind": "resource", "resource": str(resource.pk),
             "required": "on"},
        )  # fmt: skip
        assert response.status_code == 302
    second = Step.objects.get(resource=second_resource)
    client.post(f"/pathways/steps/{second.pk}/move/", {"direction": "up"})
    assert [s.title for s in pathway_steps(pathway=pathway)] == [
        "Mapping your workplace",
        "The one-to-one conversation",
    ]

    client.post(f"/pathways/{pathway.slug}/publish/")
    pathway.refresh_from_db()
    assert pathway.is_published


def test_publishing_an_empty_pathway_shows_why(client, staff, union):
    pathway = PathwayFactory(owner_unit=union, draft=True)
    client.force_login(staff)
    response = client.post(f"/pathways/{pathway.slug}/publish/", follow=True)
    assert b"Add at least one required step before publishing" in response.content
    pathway.refresh_from_db()
    assert not pathway.is_published


def test_invalid_pathway_form_keeps_what_was_typed(client, staff, union):
    client.force_login(staff)
    response = client.post(
        "/pathways/new/", _pathway_data(union, estimated_hours="lots", title="Keep this title")
    )
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b'value="Keep this title"' in response.content
    assert not Pathway.objects.exists()


def test_step_form_refuses_a_quiz_step_without_a_quiz(client, staff, union):
    pathway = PathwayFactory(owner_unit=union)
    client.force_login(staff)
    response = client.post(
        f"/pathways/{pathway.slug}/steps/new/", {"title": "The quiz", "kind": "quiz"}
    )
    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b'value="The quiz"' in response.content
    assert not Step.objects.exists()


def test_step_cycle_is_refused_on_the_form(client, staff, union):
    pathway = build_pathway(union, resources=2)
    first, second = pathway_steps(pathway=pathway)
    step_update(actor=None, step=second, fields={}, prerequisites=[first])
    client.force_login(staff)
    response = client.post(
        f"/pathways/steps/{first.pk}/edit/",
        {"title": first.title, "kind": "resource", "resource": str(first.resource_id),
         "required": "on", "prerequisites": [str(second.pk)]},
    )  # fmt: skip
    assert response.status_code == 200
    assert b"go round in a circle" in response.content
    assert not first.prerequisites.exists()


def test_dropoff_page_shows_a_table_of_totals(client, staff, learner, union):
    pathway = build_pathway(union, resources=2)
    enrolment_create(actor=learner, pathway=pathway)
    step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])
    client.force_login(staff)
    page = client.get(f"/pathways/{pathway.slug}/drop-off/")
    assert page.status_code == 200
    assert b"<caption" in page.content
    assert b"Learners by step" in page.content
    assert learner.email.encode() not in page.content


def test_remove_step_asks_then_removes(client, staff, union):
    pathway = build_pathway(union, resources=2)
    first, second = pathway_steps(pathway=pathway)
    client.force_login(staff)
    assert b"Remove the step" in client.get(f"/pathways/steps/{first.pk}/remove/").content
    client.post(f"/pathways/steps/{first.pk}/remove/")
    assert [s.pk for s in pathway_steps(pathway=pathway)] == [second.pk]


def test_list_filters_by_topic_and_language(client, learner, union):
    from tests.factories.learning import TopicFactory

    organising = TopicFactory(slug="organising", name="Organising")
    english = build_pathway(union, title="Organising at work")
    english.topics.set([organising])
    build_pathway(union, title="Trefnu yn y gweithle", language="cy").topics.set([organising])
    build_pathway(union, title="Digital skills for work")
    client.force_login(learner)

    by_topic = client.get("/pathways/", {"topic": "organising"}).content
    assert b"Organising at work" in by_topic
    assert b"Digital skills for work" not in by_topic

    welsh = client.get("/pathways/", {"topic": "organising", "language": "cy"}).content
    assert b"Trefnu yn y gweithle" in welsh
    assert b"Organising at work" not in welsh


def test_pathway_page_query_count_does_not_grow_with_steps(client, learner, union):
    small = build_pathway(union, resources=2)
    big = build_pathway(union, resources=6, optional=2)
    for pathway in (small, big):
        enrolment_create(actor=learner, pathway=pathway)
        step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])
    client.force_login(learner)
    client.get(f"/pathways/{small.slug}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/pathways/{small.slug}/")
    with CaptureQueriesContext(connection) as many:
        response = client.get(f"/pathways/{big.slug}/")
    assert response.status_code == 200
    assert len(many) == len(few)


def test_staff_mark_a_pathway_as_ulr_training_in_the_authoring_form(client, staff, union):
    pathway = build_pathway(union, title="Becoming a union learning rep")
    client.force_login(staff)

    form = client.get(f"/pathways/{pathway.slug}/edit/")
    assert "Completing it meets the statutory ULR training condition" in form.text
    response = client.post(
        f"/pathways/{pathway.slug}/edit/",
        _pathway_data(union, title=pathway.title, meets_ulr_training="on"),
    )

    assert response.status_code == 302
    pathway.refresh_from_db()
    assert pathway.meets_ulr_training
