"""Catalogue tiles of quizzes and project briefs (decision 0250): the assessment services keep a
tile in step with its quiz or brief, the catalogue finds it like any other resource, and only
the quiz's or brief's union sees it."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps

from commonplace.access.enums import Role
from commonplace.assessment.enums import ProjectStatus, QuestionKind, QuizStatus
from commonplace.assessment.services import (
    project_brief_create,
    project_brief_delete,
    project_brief_saved,
    project_tile_source,
    quiz_delete,
    quiz_publish,
    quiz_tile_source,
    quiz_unpublish,
    quiz_update,
)
from commonplace.audit.models import AuditEvent
from commonplace.learning.enums import ResourceKind, ResourceStatus
from commonplace.learning.models import Resource
from commonplace.learning.selectors import resources_search
from tests.factories.access import RoleGrantFactory
from tests.factories.assessment import (
    ChoiceFactory,
    CriterionFactory,
    ProjectBriefFactory,
    QuestionFactory,
    QuizFactory,
)
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import RegionFactory, UnionFactory

pytestmark = pytest.mark.django_db

SETTINGS = {
    "title": "Health and safety basics",
    "introduction": "Six questions on <b>safety reps</b>.",
    "pass_mark": 60,
    "attempts_limit": 0,
    "shuffle_questions": False,
}


@pytest.fixture
def staff(union):
    return RoleGrantFactory(role=Role.STAFF, unit=union).user


@pytest.fixture
def outsider(db):
    """Staff of another union: a higher role, still outside the quiz's union."""
    return RoleGrantFactory(role=Role.STAFF, unit=UnionFactory(name="Union B")).user


@pytest.fixture
def draft_quiz(union):
    """A draft quiz of union A with three answerable questions."""
    quiz = QuizFactory(
        owner_unit=union, status=QuizStatus.DRAFT, title=SETTINGS["title"],
        introduction=SETTINGS["introduction"],
    )  # fmt: skip
    for order in range(3):
        question = QuestionFactory(quiz=quiz, kind=QuestionKind.SINGLE, order=order)
        ChoiceFactory(question=question, is_correct=True)
        ChoiceFactory(question=question)
    return quiz


def _tile(source: str) -> Resource | None:
    return Resource.objects.filter(source=source).first()


def test_publishing_a_quiz_makes_a_published_tile_found_by_search_and_the_type_filter(
    staff, learner, draft_quiz
):
    ResourceFactory(owner_unit=draft_quiz.owner_unit, title="Health and safety: a page")

    quiz_publish(actor=staff, quiz=draft_quiz)

    tile = _tile(quiz_tile_source(draft_quiz))
    assert tile is not None
    assert (tile.kind, tile.status, tile.url, tile.owner_unit) == (
        ResourceKind.QUIZ, ResourceStatus.PUBLISHED, f"/quizzes/{draft_quiz.slug}/",
        draft_quiz.owner_unit,
    )  # fmt: skip
    assert tile.summary == "Six questions on safety reps."  # tags stripped
    assert tile.duration_minutes == 6  # two minutes a question
    assert list(resources_search(user=learner, text="safety basics")) == [tile]
    assert list(resources_search(user=learner, kind=ResourceKind.QUIZ)) == [tile]
    assert AuditEvent.objects.filter(action="learning.resource.published").count() == 1


def test_the_catalogue_page_lists_the_quiz_under_its_type_filter(
    client, staff, learner, draft_quiz
):
    quiz_publish(actor=staff, quiz=draft_quiz)
    client.force_login(learner)

    page = client.get("/learning/", {"kind": "quiz"}).content.decode()

    assert 'value="quiz"' in page
    assert 'value="project"' in page
    assert "Health and safety basics" in page
    assert "Quiz ·" in page


def test_a_draft_quiz_has_no_tile(staff, draft_quiz):
    quiz_update(actor=staff, quiz=draft_quiz, fields={"title": "Renamed draft"})
    quiz_unpublish(actor=staff, quiz=draft_quiz)

    assert _tile(quiz_tile_source(draft_quiz)) is None


def test_unpublishing_a_quiz_hides_its_tile_and_publishing_again_brings_it_back(
    staff, learner, draft_quiz
):
    quiz_publish(actor=staff, quiz=draft_quiz)

    quiz_unpublish(actor=staff, quiz=draft_quiz)

    tile = _tile(quiz_tile_source(draft_quiz))
    assert tile.status == ResourceStatus.DRAFT
    assert not resources_search(user=learner, kind=ResourceKind.QUIZ).exists()
    quiz_publish(actor=staff, quiz=draft_quiz)
    assert list(resources_search(user=learner, kind=ResourceKind.QUIZ)) == [tile]
    assert Resource.objects.filter(source=quiz_tile_source(draft_quiz)).count() == 1


def test_editing_the_quiz_title_updates_its_tile_but_keeps_staffs_metadata(
    staff, learner, draft_quiz
):
    quiz_publish(actor=staff, quiz=draft_quiz)
    tile = _tile(quiz_tile_source(draft_quiz))
    Resource.objects.filter(pk=tile.pk).update(duration_minutes=25, level="expert")

    quiz_update(actor=staff, quiz=draft_quiz, fields={**SETTINGS, "title": "Safety reps quiz"})

    tile.refresh_from_db()
    assert (tile.title, tile.duration_minutes, tile.level) == ("Safety reps quiz", 25, "expert")
    assert list(resources_search(user=learner, text="Safety reps quiz")) == [tile]
    assert not resources_search(user=learner, text="Health and safety basics").exists()
    changed = AuditEvent.objects.get(action="learning.resource.changed")
    assert changed.changes == ["title"]


def test_a_user_outside_the_quizs_union_never_sees_its_tile(client, staff, outsider, draft_quiz):
    quiz_publish(actor=staff, quiz=draft_quiz)
    tile = _tile(quiz_tile_source(draft_quiz))

    assert not resources_search(user=outsider, kind=ResourceKind.QUIZ).exists()
    client.force_login(outsider)
    assert "Health and safety basics" not in client.get("/learning/").content.decode()
    assert client.get(f"/learning/{tile.slug}/").status_code == 404


def test_the_tile_is_owned_by_the_quizs_unit(staff, union):
    """The tile's owner unit is the quiz's, so `resources_visible_to` scopes it the same way."""
    region_quiz = QuizFactory(owner_unit=RegionFactory(parent=union), status=QuizStatus.DRAFT)
    question = QuestionFactory(quiz=region_quiz)
    ChoiceFactory(question=question, is_correct=True)
    ChoiceFactory(question=question)

    quiz_publish(actor=staff, quiz=region_quiz)

    assert _tile(quiz_tile_source(region_quiz)).owner_unit == region_quiz.owner_unit


def test_deleting_a_quiz_removes_its_tile(staff, draft_quiz):
    quiz_publish(actor=staff, quiz=draft_quiz)
    source = quiz_tile_source(draft_quiz)

    quiz_delete(actor=staff, quiz=draft_quiz)

    assert _tile(source) is None
    assert AuditEvent.objects.filter(action="learning.resource.deleted").count() == 1
    assert AuditEvent.objects.filter(action="assessment.quiz.deleted").count() == 1


def test_a_brief_published_on_creation_gets_a_tile_that_follows_admin_changes(union, learner):
    brief = project_brief_create(
        actor=None, owner_unit=union, title="Map your workplace", slug="map-your-workplace",
        summary="Talk to colleagues about learning.", brief="<p>Do it.</p>",
        criteria=[{"title": "Listening", "description": "Who you talked to."}], publish=True,
    )  # fmt: skip
    tile = _tile(project_tile_source(brief))
    assert (tile.kind, tile.url, tile.duration_minutes) == (
        ResourceKind.PROJECT,
        "/projects/map-your-workplace/",
        120,
    )
    assert list(resources_search(user=learner, kind=ResourceKind.PROJECT)) == [tile]

    brief.summary = "A one-page snapshot."
    brief.status = ProjectStatus.DRAFT
    brief.save()
    project_brief_saved(actor=None, brief=brief, created=False)

    tile.refresh_from_db()
    assert (tile.summary, tile.status) == ("A one-page snapshot.", ResourceStatus.DRAFT)
    assert not resources_search(user=learner, kind=ResourceKind.PROJECT).exists()

    project_brief_delete(actor=None, brief=brief)
    assert _tile(project_tile_source(brief)) is None


def test_the_data_migration_makes_tiles_for_what_was_published_once(union, learner):
    migration = import_module("commonplace.assessment.migrations.0004_catalogue_tiles")
    quiz = QuizFactory(owner_unit=union, title="Older quiz", introduction="From before.")
    QuestionFactory.create_batch(4, quiz=quiz)
    QuizFactory(owner_unit=union, status=QuizStatus.DRAFT, title="Older draft")
    brief = ProjectBriefFactory(owner_unit=union, title="Older brief")
    CriterionFactory(brief=brief)

    assert migration.tiles_create(django_apps) == 2
    assert migration.tiles_create(django_apps) == 0  # running it again adds nothing

    quiz_tile = _tile(quiz_tile_source(quiz))
    assert (quiz_tile.kind, quiz_tile.url, quiz_tile.duration_minutes, quiz_tile.summary) == (
        "quiz",
        f"/quizzes/{quiz.slug}/",
        8,
        "From before.",
    )
    assert _tile(project_tile_source(brief)).url == f"/projects/{brief.slug}/"
    found = {r.title for r in resources_search(user=learner)}
    assert found == {"Older quiz", "Older brief"}
