"""The quiz result page offers "Back to your pathway" for the pathways the learner is enrolled
on that have the quiz as a step (pathways answers assessment's `quiz_result_shown` signal:
assessment, below pathways in the tiers, never imports it)."""

import pytest

from commonplace.assessment.selectors import quiz_result_links
from commonplace.assessment.services import attempt_start, attempt_submit
from commonplace.pathways.services import enrolment_create

from .conftest import build_pathway, passable_quiz

pytestmark = pytest.mark.django_db


def _pass(learner, quiz, right):
    attempt = attempt_start(actor=learner, quiz=quiz)
    attempt_submit(actor=learner, attempt=attempt, responses=right)
    return attempt


def test_the_result_page_links_back_to_the_pathway(client, learner, union):
    quiz, right = passable_quiz(union)
    pathway = build_pathway(union, resources=1, quiz=quiz, title="Rights at work")
    enrolment_create(actor=learner, pathway=pathway)
    attempt = _pass(learner, quiz, right)
    client.force_login(learner)

    page = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()

    assert "Back to your pathway: Rights at work" in page
    assert f'href="/pathways/{pathway.slug}/#steps"' in page


def test_no_link_without_an_enrolment_or_for_another_quiz(client, learner, union):
    quiz, right = passable_quiz(union)
    other_quiz, _ = passable_quiz(union, slug="other-quiz")
    build_pathway(union, resources=1, quiz=quiz, title="Not enrolled")
    enrolled = build_pathway(union, resources=1, quiz=other_quiz, title="Enrolled elsewhere")
    enrolment_create(actor=learner, pathway=enrolled)
    attempt = _pass(learner, quiz, right)
    client.force_login(learner)

    page = client.get(f"/quizzes/attempts/{attempt.pk}/result/").content.decode()

    assert "Back to your pathway" not in page
    assert quiz_result_links(user=learner, quiz=quiz) == []


def test_another_learners_enrolment_gives_no_link(learner, other_learner, union):
    quiz, _right = passable_quiz(union)
    pathway = build_pathway(union, resources=1, quiz=quiz)
    enrolment_create(actor=other_learner, pathway=pathway)
    assert quiz_result_links(user=learner, quiz=quiz) == []
    assert [url for _label, url in quiz_result_links(user=other_learner, quiz=quiz)] == [
        f"/pathways/{pathway.slug}/#steps"
    ]


def test_a_result_page_of_another_learner_is_still_404(client, learner, other_learner, union):
    quiz, right = passable_quiz(union)
    pathway = build_pathway(union, resources=1, quiz=quiz)
    enrolment_create(actor=learner, pathway=pathway)
    attempt = _pass(learner, quiz, right)
    client.force_login(other_learner)
    assert client.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 404
