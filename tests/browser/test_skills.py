"""On a phone: the demo ULR runs the Everyday skills check with a learner and they see the
bands and suggestions together; an anonymous worker answers the open workplace survey."""

import pytest

from commonplace.accounts.models import User
from commonplace.demo.services import demo_load
from commonplace.skills.models import ResultShare, SkillsResult, SurveyResponse


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=2, members=20, report=lambda _m: None)


def test_ulr_runs_a_skills_check_with_a_learner_on_a_phone(browse, sign_in, demo):
    ulr = User.objects.get(email="ulr@demo.commonplace.test")
    learner = User.objects.get(email="learner@demo.commonplace.test")
    sign_in(ulr)
    page = browse.open("/skills/")
    browse.follow("Take “Everyday skills check” with a learner")
    page.get_by_label("Learner's name or membership number").fill("Pritchard")
    browse.submit("Find")
    browse.follow("Start with Sam Pritchard")
    assert page.get_by_text("You are taking this check with Sam Pritchard").is_visible()
    # Leave the questions unanswered at first: the page says so and nothing is kept.
    browse.submit("See the result")
    assert page.get_by_role("alert").is_visible()
    before = SkillsResult.objects.count()
    for group in page.locator(".govuk-radios").all():
        group.locator("input").first.check()
    page.get_by_label("The learner agrees that their ULR").check()
    browse.submit("See the result")
    assert page.get_by_role("heading", name="Skills check result of Sam Pritchard").is_visible()
    assert page.get_by_text("Getting started (Entry level 1 to 2)").first.is_visible()
    assert page.get_by_role("heading", name="Suggested next steps").first.is_visible()
    assert page.get_by_role("link", name="Writing a good email to your manager").first.is_visible()
    result = SkillsResult.objects.order_by("-pk").first()
    assert SkillsResult.objects.count() == before + 1
    assert result.person.account == learner
    assert result.taken_with == ulr
    assert ResultShare.objects.filter(result=result).exists()
    assert len(browse.pages_checked) == 6


def test_an_anonymous_worker_answers_the_workplace_survey_on_a_phone(browse, demo):
    before = SurveyResponse.objects.count()
    page = browse.open("/s/learn1/")
    assert page.get_by_text("This survey is anonymous").is_visible()
    page.get_by_label("Maybe").check()
    page.get_by_label("Computers and phones").check()
    page.get_by_label("Is there anything that has stopped you learning before?").fill(
        "My shifts change every week."
    )
    browse.submit("Send my answers")
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert SurveyResponse.objects.count() == before + 1
    page = browse.open("/s/learn1/")
    assert page.get_by_text("You have already answered this survey").is_visible()


def test_the_other_skills_pages_pass_axe_on_a_phone(browse, sign_in, demo):
    from commonplace.skills.models import Survey

    learner = User.objects.get(email="learner@demo.commonplace.test")
    sign_in(learner)
    page = browse.open("/skills/results/")
    browse.follow(page.locator("main a.govuk-link").first)
    assert page.get_by_role("heading", name="Your skills check result").is_visible()
    browse.open("/skills/checks/everyday-skills/")
    sign_in(User.objects.get(email="ulr@demo.commonplace.test"))
    browse.open("/skills/shared/")
    survey = Survey.objects.get(code="learn1")
    page = browse.open(f"/skills/surveys/{survey.pk}/results/")
    assert page.get_by_text("fewer than 5").first.is_visible()
    page = browse.open("/skills/surveys/add/")
    page.get_by_label("Title", exact=True).fill("Canteen learning")
    browse.submit("Create the survey")
    browse.submit("Add the question")  # nothing filled in: errors shown, axe-checked
    assert page.get_by_role("alert").is_visible()
    browse.open("/skills/surveys/")
    sign_in(User.objects.get(email="staff@demo.commonplace.test"))
    browse.open("/skills/manage/")
    page = browse.open("/skills/manage/add/")
    page.get_by_label("Title").fill("Numbers at work")
    page.get_by_label("Short name for its web address").fill("numbers-at-work")
    browse.submit("Save and continue")
    page.get_by_label("Section title").fill("Numbers")
    browse.submit("Add the section")
    browse.submit("Add the band")  # nothing filled in
    assert page.get_by_role("alert").is_visible()
    assert len(browse.pages_checked) == 14
