from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from commonplace.learning.enums import ResourceStatus
from commonplace.learning_space.enums import GoalStatus
from commonplace.learning_space.selectors import (
    goal_is_overdue,
    goals_of_user,
    informal_of_user,
    learned_activities,
    learned_describe,
    saved_resources_of_user,
    space_totals,
)
from tests.factories.learning import ResourceFactory
from tests.factories.learning_space import (
    GoalFactory,
    InformalLearningFactory,
    SavedResourceFactory,
)
from tests.factories.lrs import StatementFactory, account_agent

pytestmark = pytest.mark.django_db

EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"
PASSED = "http://adlnet.gov/expapi/verbs/passed"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def _history(user, *, activities: int, repeats: int) -> None:
    """`activities` activities, each completed `repeats` times, from an outside LMS."""
    agent = account_agent(user)
    for n in range(activities):
        for r in range(repeats):
            StatementFactory(
                actor=agent,
                activity=f"https://lms.example.org/courses/{n}",
                name=f"Course {n}",
                minutes_ago=n * 10 + r,
            )


def test_learned_activities_group_by_activity_with_the_latest_date_and_my_language(learner):
    agent = account_agent(learner)
    StatementFactory(actor=agent, activity="https://lms.example.org/a", name="Health and safety",
                     minutes_ago=30)  # fmt: skip
    StatementFactory(actor=agent, activity="https://lms.example.org/a", name="Health and safety",
                     minutes_ago=5)  # fmt: skip
    StatementFactory(actor=agent, activity="https://lms.example.org/q", verb=PASSED, name="Quiz")
    StatementFactory(actor=agent, activity="https://lms.example.org/q/1", verb=ANSWERED)
    StatementFactory(activity="https://lms.example.org/theirs")  # someone else's

    rows = list(learned_activities(user=learner))
    described = learned_describe(user=learner, rows=rows)

    assert [d.activity_id for d in described] == [
        "https://lms.example.org/q",
        "https://lms.example.org/a",
    ]
    assert described[1].times == 2
    assert described[1].name == "Health and safety"
    assert described[1].from_platform is False


def test_learned_names_are_picked_in_welsh_for_a_welsh_page(learner):
    from django.utils import translation

    StatementFactory(actor=account_agent(learner), name="Safety")
    rows = list(learned_activities(user=learner))
    with translation.override("cy"):
        assert learned_describe(user=learner, rows=rows)[0].name == "Safety (cy)"


def test_the_space_page_costs_the_same_with_a_long_history(
    client, learner, django_assert_max_num_queries
):
    _history(learner, activities=3, repeats=1)
    client.force_login(learner)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get("/my-learning/").status_code == 200
    _history(learner, activities=60, repeats=5)
    InformalLearningFactory.create_batch(30, user=learner)
    GoalFactory.create_batch(10, user=learner)
    SavedResourceFactory.create_batch(10, user=learner, resource__owner_unit=learner.person.union)
    with django_assert_max_num_queries(len(small)):
        response = client.get("/my-learning/")
    assert response.status_code == 200
    assert b"Course 0" in response.content  # the most recent first
    assert response.content.count(b"from another learning system") == 20  # one page
    assert b"Page 1</p>" in response.content  # not counted: no "of N"

    second = client.get("/my-learning/?page=2")
    assert second.content.count(b"from another learning system") == 20
    assert b'rel="prev"' in second.content
    assert b"Page 2</p>" in second.content


def test_totals_are_aggregated(learner):
    today = timezone.localdate()
    InformalLearningFactory(user=learner, hours="1.50", learned_on=today)
    InformalLearningFactory(user=learner, hours="2", learned_on=today.replace(year=today.year - 1))
    GoalFactory(user=learner, status=GoalStatus.ACHIEVED)
    GoalFactory(user=learner)
    _history(learner, activities=2, repeats=2)

    totals = space_totals(user=learner)

    assert totals.hours_this_year == Decimal("1.50")
    assert totals.hours_all == Decimal("3.50")
    assert totals.completed_this_year == 3  # two activities, one informal entry this year
    assert (totals.goals_open, totals.goals_achieved) == (1, 1)


def test_lists_hold_only_my_own(learner, other_learner):
    InformalLearningFactory(user=other_learner)
    GoalFactory(user=other_learner)
    mine = InformalLearningFactory(user=learner)
    assert list(informal_of_user(user=learner)) == [mine]
    assert list(goals_of_user(user=learner)) == []


def test_saved_resources_drop_what_i_may_no_longer_see(learner, union):
    kept = SavedResourceFactory(user=learner, resource=ResourceFactory(owner_unit=union))
    unpublished = SavedResourceFactory(user=learner, resource=ResourceFactory(owner_unit=union))
    unpublished.resource.status = ResourceStatus.DRAFT
    unpublished.resource.save()
    SavedResourceFactory(user=learner)  # a resource of another union

    assert list(saved_resources_of_user(user=learner)) == [kept]


def test_overdue_goals(learner):
    today = timezone.localdate()
    late = GoalFactory(user=learner, target_date=today - timedelta(days=1))
    done = GoalFactory(
        user=learner, target_date=today - timedelta(days=1), status=GoalStatus.ACHIEVED
    )
    assert goal_is_overdue(late)
    assert not goal_is_overdue(done)
