"""My learning space on a phone: log informal learning with a file, set a goal, save a resource
from the catalogue, see them in the space, download the export. `browse` checks axe and the
page width on every page."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.learning import PDF_BYTES, ResourceFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def learner():
    union = UnionFactory(name="Union A")
    ResourceFactory(
        owner_unit=union,
        title="Writing a good email to your manager",
        summary="Say what you need in the first line.",
    )
    workplace = WorkplaceFactory(parent__parent__parent=union)
    user = RoleGrantFactory(role=Role.LEARNER, unit=workplace).user
    PersonFactory(home_unit=workplace, account=user)
    return user


def test_learner_builds_their_learning_space_on_a_phone(browse, sign_in, learner, tmp_path):
    sign_in(learner)
    evidence = tmp_path / "workshop-attendance.pdf"
    evidence.write_bytes(PDF_BYTES)

    page = browse.open("/my-learning/")
    browse.follow("Log informal learning")
    page.get_by_label("What did you learn?").fill("Library workshop: writing a CV")
    page.get_by_label("Hours").fill("0")  # a mistake first: the form says so and keeps the rest
    page.get_by_label("What did you get from it? (optional)").fill("Newest job first.")
    browse.submit("Log it")
    expect(page.get_by_role("alert")).to_contain_text("The hours must be more than 0.")
    expect(page.get_by_label("What did you learn?")).to_have_value("Library workshop: writing a CV")
    page.get_by_label("Hours").fill("2")
    page.get_by_label("Evidence (optional)").set_input_files(str(evidence))
    browse.submit("Log it")
    expect(page.get_by_text("Your learning is logged.")).to_be_visible()
    expect(page.get_by_role("heading", name="Library workshop: writing a CV")).to_be_visible()

    browse.follow("Set and review your goals")
    page.get_by_label("Your goal").fill("Send my CV for the team leader job")
    page.get_by_label("Target date").fill("2099-03-01")
    browse.submit("Set the goal")
    expect(page.get_by_role("heading", name="Send my CV for the team leader job")).to_be_visible()

    browse.open("/learning/")
    browse.follow("Writing a good email to your manager")
    page.get_by_role("button", name="Save for later").click()
    expect(page.get_by_role("button", name="Stop saving it")).to_be_visible()  # swapped by htmx
    browse.check()

    browse.open("/my-learning/")
    expect(page.get_by_role("link", name="Writing a good email to your manager")).to_be_visible()
    expect(page.get_by_text("Send my CV for the team leader job")).to_be_visible()
    expect(page.get_by_role("heading", name="Library workshop: writing a CV")).to_be_visible()

    browse.follow(page.get_by_role("link", name="Export", exact=True))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    download = download_info.value
    saved = Path(tmp_path / "record.pdf")
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert download.suggested_filename == "my-learning-record.pdf"

    browse.follow(page.get_by_role("link", name="My learning space", exact=True).last)
    browse.follow("Save pages from anywhere on the web")
    href = page.locator("#bookmarklet").get_attribute("href")
    assert href.startswith("javascript:")
