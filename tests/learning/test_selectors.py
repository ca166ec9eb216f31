import pytest

from commonplace.learning.enums import Language, Level, ResourceKind
from commonplace.learning.selectors import resources_search, resources_visible_to
from tests.factories.learning import ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(union, region):
    """Resources that differ in one way each, so every filter has something to leave out."""
    health = TopicFactory(slug="health-and-safety", name="Health and safety")
    return {
        "stress": ResourceFactory(
            owner_unit=union, title="Spotting a stress risk at work", duration_minutes=15,
            level=Level.BEGINNER, kind=ResourceKind.PAGE, topics=[health],
        ),
        "email": ResourceFactory(
            owner_unit=region, title="Writing a good email to your manager", duration_minutes=40,
            level=Level.ENTRY, kind=ResourceKind.LINK, url="https://www.acas.org.uk/",
        ),
        "welsh": ResourceFactory(
            owner_unit=union, title="Beth mae cynrychiolydd dysgu yn ei wneud",
            duration_minutes=90, level=Level.INTERMEDIATE, language=Language.WELSH,
        ),
        "draft": ResourceFactory(owner_unit=union, title="Unfinished stress notes", draft=True),
        "health": health,
    }  # fmt: skip


def _titles(queryset):
    return {resource.title for resource in queryset}


def test_learner_sees_published_resources_of_their_union_only(learner, shelf, outsider):
    other = ResourceFactory(title="Another union's resource")
    assert _titles(resources_visible_to(user=learner)) == {
        shelf["stress"].title, shelf["email"].title, shelf["welsh"].title
    }  # fmt: skip
    assert other not in resources_visible_to(user=learner)


def test_union_isolation_other_union_sees_none_of_ours(shelf, outsider):
    assert not set(resources_visible_to(user=outsider)) & {
        shelf["stress"], shelf["email"], shelf["welsh"], shelf["draft"]
    }  # fmt: skip


def test_drafts_are_seen_only_by_authors_in_scope(learner, staff, region_staff, shelf):
    assert shelf["draft"] not in resources_visible_to(user=learner)
    assert shelf["draft"] in resources_visible_to(user=staff)
    assert shelf["draft"] not in resources_visible_to(user=region_staff)  # owned above them


def test_search_by_text_matches_title_summary_or_body(learner, shelf):
    assert _titles(resources_search(user=learner, text="stress")) == {shelf["stress"].title}


def test_filter_by_topic(learner, shelf):
    result = resources_search(user=learner, topic=shelf["health"])
    assert _titles(result) == {shelf["stress"].title}


def test_filter_by_level(learner, shelf):
    assert _titles(resources_search(user=learner, level=Level.ENTRY)) == {shelf["email"].title}


def test_filter_by_kind(learner, shelf):
    result = resources_search(user=learner, kind=ResourceKind.LINK)
    assert _titles(result) == {shelf["email"].title}


@pytest.mark.parametrize(
    ("band", "expected"),
    [("short", {"stress"}), ("hour", {"stress", "email"}), ("longer", {"welsh"})],
)
def test_filter_by_duration(learner, shelf, band, expected):
    result = resources_search(user=learner, duration=band)
    assert _titles(result) == {shelf[key].title for key in expected}


def test_filter_by_language(learner, shelf):
    result = resources_search(user=learner, language=Language.WELSH)
    assert _titles(result) == {shelf["welsh"].title}
