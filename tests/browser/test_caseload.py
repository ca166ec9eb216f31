"""The ULR's advice-and-guidance journey on a phone: add a learner with their consent, log a
conversation, agree a plan with a linked resource and a linked pathway (seeing the learner's
progress on it), refer to a resource, see the follow-ups due; then the learner reads what was
recorded and signs the plan. `browse` runs axe on every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from tests.factories.accounts import UserFactory
from tests.factories.learning import ResourceFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.pathways import (
    EnrolmentFactory,
    PathwayFactory,
    StepFactory,
    StepProgressFactory,
)
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def branch():
    union = UnionFactory(name="Union A")
    ResourceFactory(owner_unit=union, title="Fractions and percentages at work", language="en")
    return BranchFactory(parent=RegionFactory(parent=union), name="Hospital branch")


def test_ulr_runs_a_whole_journey_and_the_learner_signs_the_plan(browse, sign_in, branch):
    workplace = WorkplaceFactory(parent=branch, name="Main hospital")
    ulr = UserFactory(email="ulr@a.test", display_name="Carys Jenkins")
    RoleGrant.objects.create(user=ulr, role=Role.ULR, unit=branch)
    account = UserFactory(email="sam@a.test")
    RoleGrant.objects.create(user=account, role=Role.LEARNER, unit=workplace)
    PersonFactory(home_unit=workplace, account=account, given_name="Sam", family_name="Pritchard")
    pathway = PathwayFactory(owner_unit=branch.union, title="Digital skills for work")
    first, _second = StepFactory(pathway=pathway), StepFactory(pathway=pathway)
    StepProgressFactory(enrolment=EnrolmentFactory(user=account, pathway=pathway), step=first)
    sign_in(ulr)

    page = browse.open("/caseload/")
    browse.follow("Add a learner")
    page.get_by_label("Name or membership number").fill("Pritch")
    browse.submit("Find")
    browse.follow("Sam Pritchard")
    for section in ("Contact details", "Needs and conversations", "Learning plan and referrals",
                    "Learning progress"):  # fmt: skip
        page.get_by_label(section).check()
    page.get_by_label("The branch's learning team").check()
    page.get_by_label("Learning needs (optional)").fill("Level 2 maths for an apprenticeship")
    browse.submit("Add to my caseload")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sam Pritchard")

    browse.follow("Log a conversation")
    page.get_by_label("Where (optional)").fill("Staff canteen")
    page.get_by_label("Numeracy").check()
    page.get_by_label("Career").check()
    page.get_by_label("What you agreed").fill("Sam will try the fractions page.")
    follow_up = timezone.localdate() + datetime.timedelta(days=2)
    page.get_by_label("Follow up on (optional)").fill(follow_up.isoformat())
    browse.submit("Save the conversation")
    expect(page.get_by_text("Sam will try the fractions page.")).to_be_visible()

    browse.follow("Agree a plan")
    page.get_by_label("What the learner wants to achieve").fill("Level 2 maths this year.")
    page.get_by_label("Fractions and percentages at work").check()
    page.get_by_label("Digital skills for work").check()
    browse.submit("Save the plan")
    expect(page.get_by_test_id("plan-pathways")).to_contain_text(
        "Digital skills for work 1 of 2 required steps done"
    )
    page.get_by_label("Goal", exact=True).fill("Take the maths initial assessment")
    browse.submit("Add the goal")
    browse.submit("Sign the plan as the union learning rep")
    browse.follow("Make a referral")
    page.get_by_label("A learning resource").check()
    page.get_by_label("Learning resource (for a resource)").select_option(
        label="Fractions and percentages at work"
    )
    browse.submit("Save the referral")
    expect(page.get_by_text("Suggested")).to_be_visible()

    browse.follow("Back to the caseload")
    browse.follow("Follow-ups due")
    expect(page.get_by_role("heading", name="This week")).to_be_visible()
    expect(page.get_by_role("link", name="Sam Pritchard")).to_be_visible()

    page.context.clear_cookies()
    sign_in(account)
    page = browse.open("/caseload/me/")
    expect(page.get_by_text("Sam will try the fractions page.")).to_be_visible()
    expect(page.get_by_text("Take the maths initial assessment").first).to_be_visible()
    expect(page.get_by_test_id("plan-pathways")).to_contain_text("1 of 2 required steps done")
    browse.submit("Sign my learning plan")
    expect(page.get_by_text("Signed by the learner and the union learning rep.")).to_be_visible()
    browse.follow("The plan to print")
    expect(page.get_by_role("table", name="Goals")).to_be_visible()


def test_demo_caseload_pages_pass_axe_and_fit_a_phone(browse, sign_in, transactional_db):
    """The pages the journey does not pass through, with the demo's data in them: the
    co-ordinator's caseload and a story, re-assigning, consent, a referral, and form errors."""
    from commonplace.accounts.models import User
    from commonplace.caseload.selectors import entry_of_learner
    from commonplace.demo.services import demo_load

    demo_load(branches=2, members=120, report=lambda _m: None)
    learner = User.objects.get(email="learner@demo.commonplace.test")
    entry = entry_of_learner(user=learner)
    referral = entry.referrals.first()

    sign_in(User.objects.get(email="coordinator@demo.commonplace.test"))
    page = browse.open("/caseload/")
    browse.follow("Sam Pritchard")
    expect(page.get_by_role("heading", name="Referrals")).to_be_visible()
    browse.follow("Give the learner a new lead union learning rep")

    page.context.clear_cookies()
    sign_in(User.objects.get(email="ulr@demo.commonplace.test"))
    for path in (
        f"/caseload/{entry.pk}/",
        f"/caseload/{entry.pk}/consent/",
        f"/caseload/{entry.pk}/withdraw/",
        f"/caseload/referrals/{referral.pk}/",
        f"/caseload/plans/{entry.plan.pk}/",
        "/caseload/follow-ups/",
        "/",
    ):
        browse.open(path)
    browse.open("/caseload/add/")
    browse.submit("Add to my caseload")  # nothing filled in: every field in error
    expect(page.get_by_role("alert")).to_be_visible()
    browse.open(f"/caseload/{entry.pk}/plan/")
    browse.submit("Add the goal")
    expect(page.get_by_role("alert")).to_be_visible()
    assert len(browse.pages_checked) == 14
