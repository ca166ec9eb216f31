"""Tiles on the catalogue's own pages (decision 0250): nobody adds a quiz or project kind
through the forms or the services, a tile's page opens its quiz or brief, and staff change
only a tile's catalogue metadata."""

import pytest

from commonplace.access.enums import Role
from commonplace.learning.enums import ResourceKind, ResourceStatus
from commonplace.learning.errors import ResourceKindNotAllowedError, ResourceTileOwnedError
from commonplace.learning.models import Proposal, Resource
from commonplace.learning.services import (
    proposal_submit,
    resource_create,
    resource_publish,
    resource_tile_sync,
    resource_update,
)
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_of_user
from tests.factories.access import RoleGrantFactory
from tests.factories.learning import ResourceFactory, TopicFactory
from tests.factories.organisation import WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db

NEW = {
    "title": "Take our quiz",
    "kind": "quiz",
    "summary": "Six questions.",
    "body": "",
    "url": "/quizzes/health-and-safety/",
    "duration_minutes": "10",
    "level": "entry",
    "audiences": ["members"],
    "language": "en",
}


@pytest.fixture
def member(union):
    workplace = WorkplaceFactory(parent__parent__parent=union)
    user = RoleGrantFactory(role=Role.LEARNER, unit=workplace).user
    PersonFactory(account=user, home_unit=workplace)
    return user


@pytest.fixture
def tile(union):
    return ResourceFactory(
        owner_unit=union, quiz_tile=True, title="Safety quiz", url="/quizzes/safety/"
    )


@pytest.mark.parametrize("kind", ["quiz", "project"])
def test_staff_cannot_add_a_tile_kind_by_posting_the_form(client, staff, union, kind):
    client.force_login(staff)

    page = client.get("/learning/new/").content.decode()
    response = client.post("/learning/new/", {**NEW, "kind": kind, "owner_unit": str(union.pk)})

    assert 'value="quiz"' not in page
    assert 'value="project"' not in page
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Resource.objects.exists()


def test_the_service_refuses_a_tile_kind_too(staff, union):
    fields = {**NEW, "duration_minutes": 10, "audiences": ["members"]}
    with pytest.raises(ResourceKindNotAllowedError):
        resource_create(actor=staff, owner_unit=union, fields=fields)
    page = ResourceFactory(owner_unit=union)
    with pytest.raises(ResourceKindNotAllowedError):
        resource_update(actor=staff, resource=page, fields={"kind": "quiz", "url": "/quizzes/x/"})
    assert not Resource.objects.filter(kind=ResourceKind.QUIZ).exists()


def test_the_proposal_form_and_service_refuse_a_tile_kind(client, member):
    client.force_login(member)

    response = client.post("/learning/proposals/new/", {**NEW, "kind": "project"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    with pytest.raises(ResourceKindNotAllowedError):
        proposal_submit(actor=member, fields={**NEW, "audiences": ["members"]})
    assert not Proposal.objects.exists()


def test_the_tile_page_offers_the_quiz_as_its_primary_action(client, learner, tile):
    client.force_login(learner)

    page = client.get(f"/learning/{tile.slug}/").content.decode()

    assert 'class="govuk-button" data-module="govuk-button" href="/quizzes/safety/"' in page
    assert "Start the quiz" in page
    assert tile.summary in page
    statement = statements_of_user(user=learner).get(verb_id=vocabulary.EXPERIENCED.iri)
    assert statement.data["object"]["definition"]["type"] == vocabulary.ActivityType.ASSESSMENT


def test_a_brief_tile_page_offers_to_read_the_brief(client, learner, union):
    brief = ResourceFactory(
        owner_unit=union, quiz_tile=True, kind=ResourceKind.PROJECT, url="/projects/map/"
    )
    client.force_login(learner)
    page = client.get(f"/learning/{brief.slug}/").content.decode()
    assert "Read the brief" in page
    assert 'href="/projects/map/"' in page


def test_staff_change_only_a_tiles_catalogue_metadata(client, staff, tile):
    topic = TopicFactory(name="Health and safety")
    client.force_login(staff)

    page = client.get(f"/learning/{tile.slug}/edit/").content.decode()
    response = client.post(
        f"/learning/{tile.slug}/edit/",
        {
            "title": "Hijacked", "kind": "page", "status": "draft", "url": "https://evil.test/",
            "duration_minutes": "20", "level": "expert", "topics": [str(topic.pk)],
            "audiences": ["ulrs"], "language": "cy",
        },
    )  # fmt: skip

    assert "This is the catalogue tile of a quiz" in page
    assert 'href="/quizzes/safety/">Go to the quiz to change it' in page
    assert 'name="title"' not in page
    assert 'name="kind"' not in page
    assert response.status_code == 302
    tile.refresh_from_db()
    assert (tile.title, tile.kind, tile.status, tile.url) == (
        "Safety quiz",
        ResourceKind.QUIZ,
        ResourceStatus.PUBLISHED,
        "/quizzes/safety/",
    )
    assert (tile.duration_minutes, tile.level, tile.audiences, tile.language) == (
        20,
        "expert",
        ["ulrs"],
        "cy",
    )
    assert list(tile.topics.all()) == [topic]


def test_a_tiles_owned_fields_and_status_are_refused_by_the_services(client, staff, tile):
    with pytest.raises(ResourceTileOwnedError):
        resource_update(actor=staff, resource=tile, fields={"title": "Hijacked"})
    tile.status = ResourceStatus.DRAFT
    with pytest.raises(ResourceTileOwnedError):
        resource_publish(actor=staff, resource=tile)

    client.force_login(staff)
    page = client.get(f"/learning/{tile.slug}/").content.decode()
    response = client.post(f"/learning/{tile.slug}/publish/", {"unpublish": "1"}, follow=True)

    assert 'name="unpublish"' not in page  # no publish buttons on a tile
    assert "change its title, summary or status there" in response.content.decode()
    tile.refresh_from_db()
    assert tile.status == ResourceStatus.PUBLISHED


def test_a_tile_opens_only_a_page_of_this_site(staff, union):
    for url in ("https://evil.test/", "//evil.test/"):
        with pytest.raises(ValueError, match="page of this site"):
            resource_tile_sync(
                actor=staff, source="assessment.quiz:1", kind="quiz", owner_unit=union,
                title="Quiz", summary="", url=url, published=True, duration_minutes=5,
            )  # fmt: skip
    with pytest.raises(ValueError, match="tile's kind"):
        resource_tile_sync(
            actor=staff, source="assessment.quiz:1", kind="page", owner_unit=union,
            title="Quiz", summary="", url="/quizzes/q/", published=True, duration_minutes=5,
        )  # fmt: skip
    assert not Resource.objects.exists()
