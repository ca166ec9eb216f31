"""Learning journeys on a phone: a learner filters the catalogue and opens a resource; staff
add a resource and publish it. `browse` checks axe and the page width on every page."""

import pytest
from playwright.sync_api import expect

from commonplace.access.enums import Role
from commonplace.learning.enums import Level
from tests.factories.access import RoleGrantFactory
from tests.factories.learning import ResourceFactory, TopicFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def union():
    union = UnionFactory(name="Union A")
    safety = TopicFactory(slug="health-and-safety", name="Health and safety")
    ResourceFactory(
        owner_unit=union,
        title="Spotting a stress risk at work",
        summary="Stress is a health and safety issue.",
        body="<p>Employers must assess the risk of work-related stress.</p>",
        level=Level.BEGINNER,
        topics=[safety],
    )
    ResourceFactory(owner_unit=union, title="Fractions and percentages at work", level=Level.ENTRY)
    return union


def test_learner_filters_the_catalogue_and_opens_a_resource(browse, sign_in, union):
    learner = RoleGrantFactory(
        role=Role.LEARNER, unit=WorkplaceFactory(parent__parent__parent=union)
    ).user
    sign_in(learner)

    page = browse.open("/learning/")
    page.get_by_label("Topic").select_option("health-and-safety")
    browse.submit("Show learning")
    # htmx may swap the results in place of a full load: wait for them.
    expect(page.get_by_role("link", name="Fractions and percentages at work")).to_have_count(0)
    expect(page.get_by_role("link", name="Spotting a stress risk at work")).to_be_visible()
    browse.check()

    browse.follow("Spotting a stress risk at work")
    assert page.get_by_role("heading", level=1).inner_text() == "Spotting a stress risk at work"
    assert page.get_by_text("Employers must assess").is_visible()


def test_staff_add_and_publish_a_resource(browse, sign_in, union):
    staff = RoleGrantFactory(role=Role.STAFF, unit=union).user
    sign_in(staff)

    page = browse.open("/learning/")
    browse.follow("Add a learning resource")
    page.get_by_label("Title").fill("Writing a good email to your manager")
    page.get_by_label("Kind").select_option("page")
    page.get_by_label("Summary").fill("Say what you need in the first line.")
    page.get_by_label("Body").fill("<p>Put the request first.</p>")
    page.get_by_label("Time it takes, in minutes").fill("15")
    page.get_by_label("Level").select_option("entry")
    page.get_by_label("Language").select_option("en")
    page.get_by_label("Owned by").select_option(label="Union A")
    browse.submit("Save the resource")
    assert page.get_by_text("Draft").first.is_visible()

    browse.submit("Publish")
    assert page.get_by_text("The resource is published.").is_visible()
