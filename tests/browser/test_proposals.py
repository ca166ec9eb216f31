"""A community contribution on a phone: a member proposes a resource, the content reviewer
returns it with a comment, the member changes and resubmits it, the reviewer approves it and it
appears in the catalogue. `browse` checks axe and the page width on every page."""

import pytest
from playwright.sync_api import expect

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.organisation import RegionFactory, UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_proposes_reviewer_returns_member_resubmits_reviewer_approves(browse, sign_in):
    union = UnionFactory(name="Union A")
    region = RegionFactory(parent=union, name="Wales")
    workplace = WorkplaceFactory(parent__parent=region, name="Cardiff depot")
    member = UserFactory(email="member@a.test", display_name="Aled Evans")
    PersonFactory(account=member, home_unit=workplace)
    RoleGrantFactory(user=member, role=Role.LEARNER, unit=workplace)
    reviewer = UserFactory(email="reviewer@a.test", display_name="Nia Morgan")
    RoleGrantFactory(user=reviewer, role=Role.REVIEWER, unit=region)
    RoleGrantFactory(user=reviewer, role=Role.LEARNER, unit=workplace)

    sign_in(member)
    page = browse.open("/learning/")
    browse.follow("Propose a resource")
    page.get_by_label("Title").fill("Reading your payslip")
    page.get_by_label("Kind").select_option("page")
    page.get_by_label("Summary").fill("Gross pay, deductions and net pay, line by line.")
    page.get_by_label("Body").fill("<p>Check your payslip every month.</p>")
    page.get_by_label("Time it takes, in minutes").fill("10")
    page.get_by_label("Level").select_option("entry")
    page.get_by_label("Language").select_option("en")
    browse.submit("Send for review")
    expect(page.get_by_text("Waiting for review").first).to_be_visible()

    sign_in(reviewer)
    browse.open("/learning/")
    browse.follow("Proposals to review")
    browse.follow("Reading your payslip")
    page.get_by_label("Comments for the person who proposed it").fill(
        "Please add how to check your tax code."
    )
    browse.submit("Return with comments")
    expect(page.get_by_text("The proposal was returned with your comments.")).to_be_visible()

    sign_in(member)
    browse.open("/learning/proposals/")
    expect(page.get_by_text("Please add how to check your tax code.")).to_be_visible()
    browse.follow("Reading your payslip")
    browse.follow("Change and resubmit")
    page.get_by_label("Body").fill(
        "<p>Check your payslip every month.</p><p>Your tax code is printed near the top.</p>"
    )
    browse.submit("Save and resubmit")
    expect(page.get_by_text("Waiting for review").first).to_be_visible()

    sign_in(reviewer)
    browse.open("/learning/proposals/review/")
    browse.follow("Reading your payslip")
    browse.submit("Approve and publish")
    assert page.get_by_role("heading", level=1).inner_text() == "Reading your payslip"
    expect(page.get_by_text("Contributed by Aled Evans")).to_be_visible()

    sign_in(member)
    page = browse.open("/learning/")
    browse.follow("Reading your payslip")
    expect(page.get_by_text("Your tax code is printed near the top.")).to_be_visible()
