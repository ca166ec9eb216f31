"""Each role's journey on a phone: every page checked by axe as it opens."""

import pytest

from commonplace.access.enums import Role
from commonplace.accounts.models import User
from commonplace.demo.services import demo_load


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=3, members=30, report=lambda _m: None)


def user(key: str) -> User:
    return User.objects.get(email=f"{key}@demo.commonplace.test")


def test_learner_checks_profile_and_answers_equality_questions(browse, sign_in, demo):
    sign_in(user("learner"))
    page = browse.open("/")
    assert page.get_by_role("heading", name="Hello, Sam").is_visible()

    browse.follow("Check and update your profile")
    page.get_by_label("Job title").fill("Senior healthcare assistant")
    browse.submit("Save my details")
    assert page.get_by_text("Your profile was saved.").is_visible()

    browse.follow("Equality monitoring questions")
    page.get_by_role("group", name="What is your sex?").get_by_label("Prefer not to say").check()
    browse.submit("Save my answers")
    assert page.get_by_text("Thank you. Your answers were saved.").is_visible()


def test_branch_officer_finds_a_member_and_opens_their_record(browse, sign_in, demo):
    sign_in(user("officer"))
    page = browse.open("/")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # the menu folds away on a phone
        menu.click()
    browse.follow(page.get_by_role("link", name="People", exact=True))
    browse.follow(page.locator(".cp-result-list").get_by_role("link").first)
    assert page.get_by_role("heading", level=1).is_visible()
    browse.follow("Edit this record")
    browse.submit("Save the record")


def test_staff_browse_the_tree_and_add_a_unit(browse, sign_in, demo):
    sign_in(user("staff"))
    page = browse.open("/organisation/")
    browse.follow(page.get_by_role("link", name="Wales / Cymru"))
    browse.follow("Add a unit below")
    page.get_by_label("Name").fill("Aberystwyth University branch")
    page.get_by_label("Kind").select_option("branch")
    browse.submit("Add the unit")
    assert page.get_by_role("heading", name="Aberystwyth University branch").is_visible()


def test_administrator_grants_a_role_and_searches_the_audit_log(browse, sign_in, demo):
    sign_in(user("admin"))
    page = browse.open("/roles/")
    browse.follow("Grant a role")
    page.get_by_label("Email address of the person's account").fill("learner@demo.commonplace.test")
    page.get_by_label("Role").select_option(Role.ULR.value)
    page.get_by_label("Place").select_option(label="Commonplace Demo Union")
    browse.submit("Grant the role")
    assert page.get_by_text("The role was granted.").is_visible()
    browse.open("/audit/?action=access")
    assert page.get_by_role("cell", name="access.grant.created").is_visible()


def test_welsh_and_largest_text_at_320_pixels(browse, sign_in, demo):
    browse.page.set_viewport_size({"width": 320, "height": 700})
    sign_in(user("ulr"))
    page = browse.open("/")
    browse.submit(page.get_by_role("button", name="Largest"))
    browse.submit(page.get_by_role("button", name="Cymraeg"))
    assert page.locator("html").get_attribute("lang") == "cy"
    assert page.get_by_role("link", name="Neidio i'r prif gynnwys").count() == 1
    assert "cp-text-largest" in page.locator("html").get_attribute("class")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    browse.open("/people/")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320


def test_keyboard_user_skips_to_the_main_content(browse, sign_in, demo):
    sign_in(user("learner"))
    page = browse.open("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
