"""Starting and submitting attempts: marking per kind, shuffling, limits, refusals, xAPI."""

import random

import pytest

from commonplace.assessment.enums import QuizStatus
from commonplace.assessment.errors import (
    AnswersInvalidError,
    AttemptAlreadySubmittedError,
    AttemptsUsedUpError,
    QuizNotPublishedError,
)
from commonplace.assessment.models import Answer, Attempt
from commonplace.assessment.services import attempt_start, attempt_submit
from commonplace.audit.models import AuditEvent
from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement
from commonplace.lrs.selectors.people import statements_actor_key_for_user

from .conftest import build_quiz

pytestmark = pytest.mark.django_db


def _wrong(kind, extra, right):
    """A well-formed but wrong answer, and a partly right one, per kind."""
    m1, _m2 = extra["multi"]
    p0, p1, p2 = extra["pairs"]
    i0, i1, i2 = extra["items"]
    return {
        "single": (str(extra["single_wrong"].pk), None),
        "multiple": (None, [str(m1.pk)]),  # the wrong answer is built from the question
        "true_false": ("true", None),
        "short_text": ("three factor", "two factors"),
        "matching": (
            {str(p0.pk): str(p1.pk), str(p1.pk): str(p0.pk), str(p2.pk): str(p2.pk)},
            {str(p0.pk): str(p1.pk), str(p1.pk): str(p0.pk), str(p2.pk): str(p2.pk)},
        ),
        "ordering": (
            {str(i0.pk): "1", str(i1.pk): "2", str(i2.pk): "3"},
            {str(i0.pk): "1", str(i1.pk): "2", str(i2.pk): "3"},
        ),
    }[kind]


@pytest.mark.parametrize(
    "kind", ["single", "multiple", "true_false", "short_text", "matching", "ordering"]
)
@pytest.mark.parametrize("how", ["right", "wrong", "partly"])
def test_each_kind_is_marked_all_or_nothing(learner, kind, how):
    quiz, questions, right, extra = build_quiz(owner_unit=learner.person.union)
    question = questions[kind]
    responses = dict(right)
    wrong, partly = _wrong(kind, extra, right)
    if how == "wrong":
        if kind == "multiple":
            wrong = [str(c.pk) for c in question.choices.all() if not c.is_correct]
        responses[question.pk] = wrong
    elif how == "partly":
        responses[question.pk] = partly if partly is not None else wrong
        if kind == "multiple":
            m1, _ = extra["multi"]
            responses[question.pk] = [str(m1.pk)]
    attempt = attempt_start(actor=learner, quiz=quiz)
    attempt = attempt_submit(actor=learner, attempt=attempt, responses=responses)
    answer = Answer.objects.get(attempt=attempt, question=question)
    assert answer.correct is (how == "right")
    assert attempt.score == (6 if how == "right" else 5)
    assert attempt.max_score == 6


def test_short_text_ignores_case_and_spaces(learner):
    quiz, questions, right, _ = build_quiz(owner_unit=learner.person.union)
    right[questions["short_text"].pk] = "\t2fa  "
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    assert attempt.score == 6


def test_pass_mark_is_reached_at_exactly_the_percentage(learner):
    quiz, questions, right, _extra = build_quiz(owner_unit=learner.person.union, pass_mark=83)
    right[questions["true_false"].pk] = "true"  # 5 of 6 = 83.3%
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    assert (attempt.score, attempt.passed) == (5, True)
    quiz.pass_mark = 84
    quiz.save()
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    assert attempt.passed is False


def test_shuffled_order_is_kept_and_answers_stay_with_their_questions(learner):
    quiz, questions, right, _ = build_quiz(owner_unit=learner.person.union, shuffle_questions=True)
    attempt = attempt_start(actor=learner, quiz=quiz, shuffle=random.Random(3))
    in_order = [q.pk for q in sorted(questions.values(), key=lambda q: q.order)]
    assert sorted(attempt.question_order) == sorted(in_order)
    assert attempt.question_order != in_order
    attempt = attempt_submit(actor=learner, attempt=attempt, responses=right)
    assert attempt.score == 6
    assert Attempt.objects.get(pk=attempt.pk).question_order == attempt.question_order


def test_attempts_limit_refuses_one_more(learner):
    quiz, _q, right, _ = build_quiz(owner_unit=learner.person.union, attempts_limit=2)
    for _ in range(2):
        attempt_submit(
            actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
        )
    with pytest.raises(AttemptsUsedUpError):
        attempt_start(actor=learner, quiz=quiz)
    assert Attempt.objects.filter(quiz=quiz).count() == 2


def test_starting_again_returns_the_unsubmitted_attempt(learner):
    quiz, *_ = build_quiz(owner_unit=learner.person.union)
    first = attempt_start(actor=learner, quiz=quiz)
    assert attempt_start(actor=learner, quiz=quiz) == first
    assert AuditEvent.objects.filter(action="assessment.attempt.started").count() == 1


def test_a_draft_quiz_cannot_be_started(learner):
    quiz, *_ = build_quiz(owner_unit=learner.person.union, status=QuizStatus.DRAFT)
    with pytest.raises(QuizNotPublishedError):
        attempt_start(actor=learner, quiz=quiz)


@pytest.mark.parametrize(
    ("kind", "bad"),
    [
        ("single", "999999"),
        ("single", ["1"]),
        ("single", "abc"),
        ("multiple", "not a list"),
        ("multiple", ["999999"]),
        ("true_false", "maybe"),
        ("short_text", ["a"]),
        ("short_text", "   "),
        ("matching", "x"),
        ("matching", {"1": "2"}),
        ("ordering", {}),
        ("ordering", "1,2,3"),
    ],
)
def test_bad_answers_are_refused_per_question_and_nothing_is_saved(learner, kind, bad):
    quiz, questions, right, _ = build_quiz(owner_unit=learner.person.union)
    attempt = attempt_start(actor=learner, quiz=quiz)
    right[questions[kind].pk] = bad
    with pytest.raises(AnswersInvalidError) as refused:
        attempt_submit(actor=learner, attempt=attempt, responses=right)
    assert set(refused.value.errors) == {questions[kind].pk}
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
    assert attempt.score is None
    assert not Answer.objects.filter(attempt=attempt).exists()
    assert not Statement.objects.exists()


def test_a_choice_of_another_question_is_refused(learner):
    quiz, questions, right, extra = build_quiz(owner_unit=learner.person.union)
    right[questions["single"].pk] = str(extra["pairs"][0].pk)
    right[questions["ordering"].pk] = {str(c.pk): "1" for c in extra["items"]}  # all first
    with pytest.raises(AnswersInvalidError) as refused:
        attempt_submit(
            actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
        )
    assert set(refused.value.errors) == {questions["single"].pk, questions["ordering"].pk}


def test_an_attempt_is_submitted_once(learner):
    quiz, _q, right, _ = build_quiz(owner_unit=learner.person.union)
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    with pytest.raises(AttemptAlreadySubmittedError):
        attempt_submit(actor=learner, attempt=attempt, responses=right)
    assert Answer.objects.filter(attempt=attempt).count() == 6


def test_submitting_records_xapi_statements_as_described(learner):
    quiz, questions, right, _ = build_quiz(owner_unit=learner.person.union, pass_mark=80)
    right[questions["true_false"].pk] = "true"  # 5 of 6: passed at 80%
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    statements = list(Statement.objects.order_by("id"))
    assert len(statements) == 7
    quiz_iri = f"http://testserver/quizzes/{quiz.slug}/".replace("http://testserver", "")
    for statement in statements:
        assert statement.registration == attempt.registration
        assert statement.actor_key == statements_actor_key_for_user(learner)
        parent = statement.data["context"]["contextActivities"]["parent"]
        assert len(parent) == 1
        assert parent[0]["id"].endswith(quiz_iri)
        assert parent[0]["definition"]["type"] == vocabulary.ActivityType.ASSESSMENT
    answered = statements[:6]
    assert {s.verb_id for s in answered} == {vocabulary.ANSWERED.iri}
    by_question = {s.activity_id: s.data for s in answered}
    truth = next(d for a, d in by_question.items() if a.endswith(f"/{questions['true_false'].pk}"))
    assert truth["object"]["definition"]["type"] == vocabulary.ActivityType.QUESTION
    assert truth["object"]["definition"]["interactionType"] == "true-false"
    assert truth["result"] == {"success": False, "response": "true"}
    types = sorted(d["object"]["definition"]["interactionType"] for d in by_question.values())
    assert types == sorted(["choice", "choice", "true-false", "fill-in", "matching", "sequencing"])
    final = statements[6].data
    assert statements[6].verb_id == vocabulary.PASSED.iri
    assert final["object"]["id"].endswith(quiz_iri)
    assert final["object"]["definition"]["type"] == vocabulary.ActivityType.ASSESSMENT
    assert final["result"]["score"] == {"scaled": 0.8333, "raw": 5, "min": 0, "max": 6}
    assert final["result"]["success"] is True


def test_a_failed_attempt_records_failed(learner):
    quiz, questions, right, _ = build_quiz(owner_unit=learner.person.union, pass_mark=100)
    right[questions["true_false"].pk] = "true"
    attempt_submit(actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right)
    final = Statement.objects.order_by("id").last()
    assert final.verb_id == vocabulary.FAILED.iri
    assert final.data["result"]["success"] is False


def test_starting_and_submitting_are_audited(learner):
    quiz, _q, right, _ = build_quiz(owner_unit=learner.person.union)
    attempt = attempt_submit(
        actor=learner, attempt=attempt_start(actor=learner, quiz=quiz), responses=right
    )
    events = AuditEvent.objects.filter(
        subject_type="assessment.attempt", subject_id=str(attempt.pk)
    ).order_by("at")
    assert [e.action for e in events] == [
        "assessment.attempt.started",
        "assessment.attempt.submitted",
    ]
    assert all(e.person_id == learner.person.pk for e in events)
