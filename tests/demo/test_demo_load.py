import pytest

from commonplace.access.models import RoleGrant
from commonplace.accounts.models import User
from commonplace.demo.services import DEMO_ACCOUNTS, demo_load, demo_logins
from commonplace.learning.models import Resource
from commonplace.learning.selectors import resources_search
from commonplace.lrs.selectors import lrs_client_authenticate
from commonplace.organisation.models import OrgUnit
from commonplace.people.models import Person

pytestmark = pytest.mark.django_db


def _snapshot():
    # Sorted on every column: non-members share an empty membership number.
    return sorted(
        Person.objects.values_list(
            "membership_number", "given_name", "family_name", "status", "home_unit__name"
        )
    )


def test_demo_load_builds_a_small_union_with_every_demo_account():
    messages = []
    assert demo_load(branches=3, members=40, report=messages.append) is True

    assert OrgUnit.objects.filter(kind="region").count() == 12
    assert OrgUnit.objects.filter(kind="branch").count() == 3
    assert Person.objects.count() == 40 + len(DEMO_ACCOUNTS)
    assert {row[0] for row in demo_logins()} == {a.email for a in DEMO_ACCOUNTS}
    assert all(row[3] for row in demo_logins())  # every role is held somewhere
    assert RoleGrant.objects.filter(
        user__email="admin@demo.commonplace.test", role="administrator"
    ).exists()
    assert any("built in" in m for m in messages)


def test_demo_load_again_does_nothing():
    demo_load(branches=2, members=10, report=lambda _m: None)
    messages = []

    assert demo_load(branches=2, members=10, report=messages.append) is False
    assert Person.objects.count() == 10 + len(DEMO_ACCOUNTS)
    assert "already there" in messages[0]


def test_demo_load_is_deterministic(django_db_reset_sequences):
    demo_load(branches=2, members=25, report=lambda _m: None)
    first = _snapshot()
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    demo_load(branches=2, members=25, report=lambda _m: None)

    assert _snapshot() == first


def test_demo_lrs_client_works_with_the_published_key():
    import base64

    demo_load(branches=1, members=0, report=lambda _m: None)
    header = "Basic " + base64.b64encode(b"demo-lrs-key:demo-lrs-secret").decode()

    assert lrs_client_authenticate(authorization=header) is not None


def test_demo_quizzes_and_brief_are_catalogue_tiles_filed_under_topics():
    """Decision 0250: the builder publishes through the services, so the tiles are there."""
    demo_load(branches=1, members=0, report=lambda _m: None)
    learner = User.objects.get(email="learner@demo.commonplace.test")

    tiles = {
        tile.title: (tile.kind, tile.url, sorted(t.slug for t in tile.topics.all()))
        for tile in Resource.objects.exclude(source="")
    }
    assert tiles == {
        "Your rights at work: the basics": (
            "quiz",
            "/quizzes/rights-at-work-basics/",
            ["organising", "union-learning-reps"],
        ),
        "Digital skills check: staying safe online": (
            "quiz",
            "/quizzes/staying-safe-online/",
            ["digital-skills"],
        ),
        "Map your workplace: a learning-needs snapshot": (
            "project",
            "/projects/map-your-workplace/",
            ["organising", "union-learning-reps"],
        ),
    }
    found = resources_search(user=learner, kind="quiz")
    assert {tile.title for tile in found} == {
        "Your rights at work: the basics",
        "Digital skills check: staying safe online",
    }
