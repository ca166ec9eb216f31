"""A learner on a phone takes the demo quiz, gets an answer wrong at first, and passes."""

import pytest
from playwright.sync_api import expect

from commonplace.accounts.models import User
from commonplace.assessment.models import Attempt, Quiz
from commonplace.demo.services import demo_load, quiz_right_responses


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=2, members=20, report=lambda _m: None)


def _answer(page, responses) -> None:
    for question_pk, value in responses.items():
        name = f"q{question_pk}"
        if isinstance(value, list):
            for choice in value:
                page.locator(f'input[name="{name}"][value="{choice}"]').check()
        elif isinstance(value, dict):
            for choice_pk, picked in value.items():
                page.locator(f'select[name="{name}-{choice_pk}"]').select_option(picked)
        elif page.locator(f'input[type="radio"][name="{name}"]').count():
            page.locator(f'input[name="{name}"][value="{value}"]').check()
        else:
            page.locator(f'input[name="{name}"]').fill(value)


def test_learner_takes_and_passes_the_demo_quiz_on_a_phone(browse, sign_in, demo):
    learner = User.objects.get(email="learner@demo.commonplace.test")
    quiz = Quiz.objects.get(slug="rights-at-work-basics")
    responses = quiz_right_responses(quiz)
    sign_in(learner)
    page = browse.open("/quizzes/")
    page = browse.follow("Your rights at work: the basics")
    assert page.get_by_text("75%").is_visible()
    browse.submit("Start the quiz")
    # Leave the first question out: the page says so, and keeps every other answer.
    first, *rest = responses
    _answer(page, {pk: responses[pk] for pk in rest})
    browse.submit("Submit my answers")
    assert page.get_by_role("alert").is_visible()
    assert page.locator(".govuk-error-message").count() == 1
    _answer(page, {first: responses[first]})
    browse.submit("Submit my answers")
    assert page.get_by_role("heading", name="You passed").is_visible()
    assert page.get_by_text(f"You scored {len(responses)} out of {len(responses)}").is_visible()
    browse.follow("My attempts")
    assert page.get_by_role("link", name="Your rights at work: the basics").count() == 2
    attempts = Attempt.objects.filter(user=learner, quiz=quiz, passed=True)
    assert attempts.count() == 2
    assert len(browse.pages_checked) == 6


def test_learner_finds_the_quiz_through_the_catalogue_and_opens_it_on_a_phone(
    browse, sign_in, demo
):
    """Decision 0250: a published quiz is a catalogue tile, found by search and the type filter."""
    learner = User.objects.get(email="learner@demo.commonplace.test")
    sign_in(learner)

    page = browse.open("/learning/")
    page.get_by_label("Search").fill("rights at work")
    page.get_by_label("Kind").select_option("quiz")
    browse.submit("Show learning")
    # htmx may swap the results in place of a full load: wait for them.
    expect(
        page.get_by_role("link", name="Digital skills check: staying safe online")
    ).to_have_count(0)
    expect(page.get_by_role("link", name="Your rights at work: the basics")).to_be_visible()
    browse.check()

    browse.follow("Your rights at work: the basics")
    assert page.get_by_text("Quiz · Beginner").is_visible()
    browse.follow("Start the quiz")
    assert page.url.endswith("/quizzes/rights-at-work-basics/")
    assert page.get_by_role("heading", level=1).inner_text() == "Your rights at work: the basics"
    assert page.get_by_role("button", name="Start the quiz").is_visible()
    assert len(browse.pages_checked) == 5
