import pytest

from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record
from commonplace.pathways.enums import StepState
from commonplace.pathways.selectors import (
    enrolments_of_user,
    is_pathway_activity,
    pathway_activity_id,
    pathway_dropoff,
    pathway_progress,
    pathway_steps,
    pathways_visible_to,
    session_activity_id,
)
from commonplace.pathways.services import enrolment_create, step_finish, step_update
from tests.factories.pathways import PathwayFactory

from .conftest import build_pathway

pytestmark = pytest.mark.django_db


def test_learners_see_published_pathways_of_their_union_only(learner, staff, outsider, union):
    published = build_pathway(union, resources=1)
    draft = PathwayFactory(owner_unit=union, draft=True)
    assert set(pathways_visible_to(user=learner)) == {published}
    assert set(pathways_visible_to(user=staff)) == {published, draft}
    assert not pathways_visible_to(user=outsider).exists()


def test_progress_states_done_next_locked(learner, union):
    pathway = build_pathway(union, resources=3)
    first, second, third = pathway_steps(pathway=pathway)
    step_update(actor=None, step=third, fields={}, prerequisites=[second])
    enrolment_create(actor=learner, pathway=pathway)
    step_finish(actor=learner, step=first)

    progress = pathway_progress(user=learner, pathway=pathway)

    assert [view.state for view in progress.steps] == [
        StepState.DONE,
        StepState.NEXT,
        StepState.LOCKED,
    ]
    assert progress.steps[2].waiting_for == [second]
    assert progress.next_step == second
    assert (progress.required_done, progress.required_total, progress.percent) == (1, 3, 33)


def _record_noise(user, count):
    """Statements that are nothing to do with the pathway: the learner's history grows."""
    for i in range(count):
        statement_record(
            actor=statements_actor_for_user(user),
            verb=vocabulary.EXPERIENCED,
            activity_id=f"https://elsewhere.example/{i}",
            activity_type=vocabulary.ActivityType.LESSON,
            activity_name={"en": f"Page {i}"},
        )


def test_progress_query_count_does_not_grow_with_steps_or_statements(
    django_assert_max_num_queries, learner, union
):
    small = build_pathway(union, resources=2)
    big = build_pathway(union, resources=12, optional=3)
    for pathway in (small, big):
        enrolment_create(actor=learner, pathway=pathway)
        step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])
    _record_noise(learner, 20)
    with django_assert_max_num_queries(4):
        pathway_progress(user=learner, pathway=small)
    with django_assert_max_num_queries(4):
        progress = pathway_progress(user=learner, pathway=big)
    assert len(progress.steps) == 15


def test_my_pathways_is_one_query_with_counts(django_assert_num_queries, learner, union):
    for resources in (1, 3, 5):
        pathway = build_pathway(union, resources=resources, optional=1)
        enrolment_create(actor=learner, pathway=pathway)
        step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])
    with django_assert_num_queries(2):  # the grants (once per request), the enrolments
        enrolments = list(enrolments_of_user(user=learner))
    assert sorted((e.required_done, e.required_total) for e in enrolments) == [
        (1, 1),
        (1, 3),
        (1, 5),
    ]


def test_dropoff_query_count_does_not_grow_with_learners(
    django_assert_max_num_queries, learner, other_learner, staff, union
):
    pathway = build_pathway(union, resources=6)
    steps = pathway_steps(pathway=pathway)
    for n, user in enumerate((learner, other_learner, staff)):
        enrolment_create(actor=user, pathway=pathway)
        for step in steps[: n + 1]:
            step_finish(actor=user, step=step)
    with django_assert_max_num_queries(4):
        dropoff = pathway_dropoff(pathway=pathway)
    assert [row.stopped for row in dropoff.rows] == [1, 1, 1, 0, 0, 0]
    assert [row.completed for row in dropoff.rows] == [3, 2, 1, 0, 0, 0]


def test_pathway_activities_are_told_from_step_activities(union):
    pathway = build_pathway(union, resources=1)
    step = pathway_steps(pathway=pathway)[0]
    assert is_pathway_activity(pathway_activity_id(pathway))
    assert not is_pathway_activity(session_activity_id(step))
    assert not is_pathway_activity(step.activity_id)
    assert not is_pathway_activity("https://elsewhere.example/pathways/x/")
