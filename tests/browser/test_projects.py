"""On a phone: a learner sends a project with a file (after a refused one), an assessor marks
it from their queue, and the learner opens the notification and reads the feedback."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.models import Submission
from tests.factories.accounts import UserFactory
from tests.factories.assessment import CriterionFactory, ProjectBriefFactory
from tests.factories.learning import PDF_BYTES
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory


@pytest.fixture
def people(transactional_db):
    union = UnionFactory(name="Union A")
    region = RegionFactory(parent=union, name="Wales")
    workplace = WorkplaceFactory(parent=BranchFactory(parent=region), name="Ward 7")
    learner = UserFactory(email="sam@a.test", display_name="Sam Pritchard")
    PersonFactory(home_unit=workplace, account=learner)
    RoleGrant.objects.create(user=learner, role=Role.LEARNER, unit=workplace)
    assessor = UserFactory(email="rhian@a.test", display_name="Rhian Morgan")
    RoleGrant.objects.create(user=assessor, role=Role.ASSESSOR, unit=region)
    brief = ProjectBriefFactory(
        owner_unit=union, title="Map your workplace", slug="map-your-workplace"
    )
    for order, title in enumerate(("Listening to colleagues", "A clear next step"), start=1):
        CriterionFactory(brief=brief, order=order, title=title, max_points=4)
    return learner, assessor


def test_a_project_is_sent_marked_and_its_feedback_read_on_a_phone(
    browse, sign_in, people, tmp_path
):
    learner, assessor = people
    snapshot = tmp_path / "snapshot.pdf"
    snapshot.write_bytes(PDF_BYTES)
    notes = tmp_path / "notes.txt"
    notes.write_text("plain text is not accepted")

    sign_in(learner)
    page = browse.open("/projects/")
    page = browse.follow("Map your workplace")
    assert page.get_by_role("table").first.is_visible()
    browse.follow("Submit your work")
    page.get_by_label("Your work").fill("I spoke to five colleagues on the ward.")
    page.set_input_files('input[name="attachments"]', str(notes))
    browse.submit("Submit for marking")
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Your work").input_value() == "I spoke to five colleagues on the ward."
    assert page.get_by_text("choose your files again").is_visible()
    page.set_input_files('input[name="attachments"]', str(snapshot))
    browse.submit("Submit for marking")
    assert page.get_by_text("Waiting to be marked").first.is_visible()
    assert page.get_by_role("link", name="snapshot.pdf").is_visible()

    sign_in(assessor)
    browse.open("/projects/marking/")
    page = browse.follow("Map your workplace")
    criteria = ("Listening to colleagues", "A clear next step")
    for title, points in zip(criteria, ("4", "3"), strict=True):
        page.get_by_label(f"Points for “{title}” (0 to 4)").fill(points)
        page.get_by_label(f"Comment on “{title}” (optional)").fill(f"Good work on {title}.")
    page.get_by_label("Feedback for the learner").fill("A careful snapshot: take it to the branch.")
    page.get_by_label("Pass", exact=True).check()
    browse.submit("Save the marking")
    assert page.get_by_text("Nothing is waiting to be marked.").is_visible()

    sign_in(learner)
    page = browse.open("/")
    page = browse.follow(page.locator(".cp-header__link"))
    assert page.get_by_text("Unread").first.is_visible()
    browse.submit(page.get_by_role("button", name="has been marked"))
    assert page.get_by_text("Passed").first.is_visible()
    assert page.get_by_text("A careful snapshot: take it to the branch.").is_visible()
    assert page.get_by_text("7 out of 8 points").is_visible()
    assert Submission.objects.get(user=learner).status == "passed"
    assert len(browse.pages_checked) == 11


@pytest.fixture
def demo(transactional_db):
    from commonplace.demo.services import demo_load

    demo_load(branches=2, members=20, report=lambda _m: None)


def test_the_demo_assessor_and_learner_find_their_projects_on_a_phone(browse, sign_in, demo):
    from commonplace.accounts.models import User

    assessor = User.objects.get(email="assessor@demo.commonplace.test")
    learner = User.objects.get(email="learner@demo.commonplace.test")

    sign_in(assessor)
    page = browse.open("/")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # the menu folds away on a phone
        menu.click()
    page = browse.follow(page.get_by_role("link", name="Marking", exact=True))
    assert page.get_by_role("row").count() >= 3  # the header row and the waiting work
    page = browse.follow("Map your workplace: a learning-needs snapshot")
    assert page.get_by_role("radio", name="Ask for a resubmission").is_visible()
    browse.open("/projects/")
    browse.open("/notifications/")
    assert page.locator(".cp-text-button", has_text="New work to mark").count() == 6

    sign_in(learner)
    page = browse.open("/notifications/")
    assert page.get_by_text("Unread").first.is_visible()
    unread = page.get_by_text("Unread").count()
    page = browse.submit(page.get_by_role("button", name="Please resubmit"))
    assert page.get_by_text("Resubmission requested").first.is_visible()
    assert page.get_by_text("'More courses' is hard to negotiate").is_visible()
    page = browse.follow(page.get_by_role("link", name="Submit your work again").first)
    assert page.get_by_text("This will be version 2.").is_visible()
    page = browse.open("/notifications/")
    assert page.get_by_text("Unread").count() == unread - 1  # that one is read now
