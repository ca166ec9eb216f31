"""Quiz authoring on a phone: staff create a quiz, a question refused until one answer is
marked right, a true-or-false question, and publish. `browse` checks axe on every page."""

import pytest
from playwright.sync_api import expect

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import UnionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_write_and_publish_a_quiz(browse, sign_in):
    union = UnionFactory(name="Union A")
    sign_in(RoleGrantFactory(role=Role.STAFF, unit=union).user)

    page = browse.open("/quizzes/manage/")
    browse.follow("Create a quiz")
    page.get_by_label("Title").fill("Your rights at work")
    page.get_by_label("Pass mark (per cent)").fill("50")
    browse.submit("Save the quiz")
    expect(page.get_by_text("No questions yet.")).to_be_visible()

    browse.follow("Add a question")
    page.get_by_label("Single choice").check()
    browse.submit("Continue")
    page.get_by_label("Question", exact=True).fill("Who can help you find a course at work?")
    page.get_by_label("Answer 1", exact=True).fill("A union learning rep")
    page.get_by_label("Answer 2", exact=True).fill("Nobody")
    browse.submit("Save the question")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_label("Answer 1", exact=True)).to_have_value("A union learning rep")
    page.get_by_label("Answer 1 is right").check()
    page.get_by_label("Feedback for someone who chooses answer 2").fill("ULRs are there to help.")
    browse.submit("Save the question")

    browse.follow("Add a question")
    page.get_by_label("True or false").check()
    browse.submit("Continue")
    page.get_by_label("Question", exact=True).fill("Stress at work is a health and safety issue.")
    page.get_by_label("True", exact=True).check()
    browse.submit("Save the question")

    expect(page.get_by_text("Who can help you find a course at work?")).to_be_visible()
    browse.submit("Publish the quiz")
    expect(page.get_by_text("The quiz is published.")).to_be_visible()
