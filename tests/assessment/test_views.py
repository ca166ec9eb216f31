"""Quiz pages through the test client: scope (404 for another union's quiz or someone else's
attempt), drafts hidden from learners, answers kept when refused."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.assessment.enums import QuizStatus
from commonplace.assessment.models import Answer
from commonplace.assessment.services import attempt_start
from tests.factories.accounts import UserFactory
from tests.factories.assessment import QuizFactory
from tests.factories.organisation import UnionFactory
from tests.factories.people import PersonFactory

from .conftest import build_quiz

pytestmark = pytest.mark.django_db


def test_a_learner_sees_a_published_quiz_of_their_union(client, learner):
    quiz, *_ = build_quiz(owner_unit=learner.person.union, title="Rights")
    client.force_login(learner)
    response = client.get(f"/quizzes/{quiz.slug}/")
    assert response.status_code == 200
    assert b"Rights" in response.content
    assert b"Start the quiz" in response.content


def test_another_unions_quiz_is_404(client, learner):
    other = QuizFactory(owner_unit=UnionFactory(name="Union B"), title="Secret of B")
    client.force_login(learner)
    assert client.get(f"/quizzes/{other.slug}/").status_code == 404
    assert b"Secret of B" not in client.get("/quizzes/").content


def test_a_draft_is_404_for_a_learner_and_not_listed_for_taking(client, learner, union):
    draft = QuizFactory(owner_unit=union, status=QuizStatus.DRAFT, title="Work in progress")
    client.force_login(learner)
    assert client.get(f"/quizzes/{draft.slug}/").status_code == 404
    staff = UserFactory()
    RoleGrant.objects.create(user=staff, role=Role.LEARNER, unit=union)
    RoleGrant.objects.create(user=staff, role=Role.STAFF, unit=union)
    client.force_login(staff)
    assert b"Work in progress" not in client.get("/quizzes/").content


def test_someone_elses_attempt_is_404(client, learner, union):
    quiz, *_ = build_quiz(owner_unit=union)
    attempt = attempt_start(actor=learner, quiz=quiz)
    colleague = UserFactory()
    PersonFactory(home_unit=union, account=colleague)
    RoleGrant.objects.create(user=colleague, role=Role.LEARNER, unit=union)
    client.force_login(colleague)
    assert client.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 404
    assert client.post(f"/quizzes/attempts/{attempt.pk}/", {}).status_code == 404
    assert client.get(f"/quizzes/attempts/{attempt.pk}/result/").status_code == 404


def test_staff_see_totals_not_attempts(client, learner, union):
    quiz, *_ = build_quiz(owner_unit=union)
    client.force_login(learner)
    client.post(f"/quizzes/{quiz.slug}/start/")
    staff = UserFactory()
    RoleGrant.objects.create(user=staff, role=Role.STAFF, unit=union)
    RoleGrant.objects.create(user=staff, role=Role.LEARNER, unit=union)
    client.force_login(staff)
    response = client.get(f"/quizzes/{quiz.slug}/")
    assert b"Attempts by everyone" in response.content
    attempt = learner.quiz_attempts.get()
    assert client.get(f"/quizzes/attempts/{attempt.pk}/").status_code == 404


def test_refused_answers_are_shown_again_and_nothing_saved(client, learner):
    quiz, questions, *_ = build_quiz(owner_unit=learner.person.union)
    client.force_login(learner)
    start = client.post(f"/quizzes/{quiz.slug}/start/")
    attempt = learner.quiz_attempts.get()
    assert start["Location"] == f"/quizzes/attempts/{attempt.pk}/"
    data = {f"q{questions['short_text'].pk}": "my typed answer"}
    response = client.post(f"/quizzes/attempts/{attempt.pk}/", data)
    assert response.status_code == 400
    assert b"my typed answer" in response.content
    assert b"There is a problem" in response.content
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_a_whole_quiz_through_the_pages(client, learner):
    quiz, _questions, right, _ = build_quiz(owner_unit=learner.person.union)
    client.force_login(learner)
    client.post(f"/quizzes/{quiz.slug}/start/")
    attempt = learner.quiz_attempts.get()
    data = {}
    for pk, value in right.items():
        if isinstance(value, dict):
            data.update({f"q{pk}-{choice}": v for choice, v in value.items()})
        else:
            data[f"q{pk}"] = value
    response = client.post(f"/quizzes/attempts/{attempt.pk}/", data)
    assert response["Location"] == f"/quizzes/attempts/{attempt.pk}/result/"
    result = client.get(response["Location"])
    assert b"You passed" in result.content
    assert b"Because." in result.content  # the explanation
    assert b"6 out of 6" in client.get("/quizzes/my-attempts/").content
