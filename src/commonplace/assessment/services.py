"""Writes of quizzes: starting and submitting an attempt, with its xAPI statements.

Submitting checks every answer on the server against its question's kind; when one is
refused nothing is saved, so the page can show the learner's answers back with the errors.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from commonplace.audit.services import audit_record
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors.people import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record

from .enums import INTERACTION_TYPE, AssessmentAuditAction, QuestionKind, QuizStatus
from .errors import (
    AnswersInvalidError,
    AttemptAlreadySubmittedError,
    AttemptsUsedUpError,
    QuizNotPublishedError,
)
from .marking import (
    ResponseInvalid,
    correct_pattern,
    response_clean,
    response_correct,
    response_xapi,
)
from .models import Answer, Attempt, Choice, Question, Quiz
from .selectors import attempt_open, quiz_questions

if TYPE_CHECKING:
    from commonplace.accounts.models import User


def quiz_activity_id(quiz: Quiz) -> str:
    """The xAPI activity id (IRI) of a quiz: its page on this site."""
    return f"{settings.SITE_URL.rstrip('/')}/quizzes/{quiz.slug}/"


def question_activity_id(question: Question, quiz: Quiz) -> str:
    return f"{quiz_activity_id(quiz)}questions/{question.pk}"


@transaction.atomic
def attempt_start(*, actor: User, quiz: Quiz, shuffle: random.Random | None = None) -> Attempt:
    """Start an attempt at a published quiz, or return the one the person left unsubmitted.

    The questions' order is fixed now (shuffled when the quiz asks for it) and kept on the
    attempt, so the page and the marking agree however often it is shown.
    Effects: writes Attempt; audit `assessment.attempt.started`.
    Raises: QuizNotPublishedError; AttemptsUsedUpError when the attempts limit is reached.
    """
    quiz = Quiz.objects.select_for_update().get(pk=quiz.pk)  # one start at a time per quiz
    if quiz.status != QuizStatus.PUBLISHED:
        raise QuizNotPublishedError()
    if (current := attempt_open(user=actor, quiz=quiz)) is not None:
        return current
    used = Attempt.objects.filter(quiz=quiz, user=actor).count()
    if quiz.attempts_limit and used >= quiz.attempts_limit:
        raise AttemptsUsedUpError()
    order = list(
        Question.objects.filter(quiz=quiz).order_by("order", "pk").values_list("pk", flat=True)
    )
    if quiz.shuffle_questions:
        (shuffle or random.SystemRandom()).shuffle(order)
    attempt = Attempt.objects.create(
        quiz=quiz, user=actor, question_order=order, max_score=len(order)
    )
    audit_record(actor=actor, action=AssessmentAuditAction.ATTEMPT_STARTED, subject=attempt)
    return attempt


def _responses_check(questions: list[Question], responses: dict[int, Any]) -> dict[int, Any]:
    """Clean every response; raises AnswersInvalidError naming each refused question."""
    cleaned: dict[int, Any] = {}
    errors: dict[int, str] = {}
    for question in questions:
        choices = list(question.choices.all())
        try:
            cleaned[question.pk] = response_clean(question, choices, responses.get(question.pk))
        except ResponseInvalid as error:
            errors[question.pk] = str(error)
    if errors:
        raise AnswersInvalidError(errors)
    return cleaned


@transaction.atomic
def attempt_submit(*, actor: User, attempt: Attempt, responses: dict[int, Any]) -> Attempt:
    """Check, mark and record an attempt's answers (`responses`: question id → response).

    One mark per question, all or nothing; passed when the percentage reaches the pass mark.
    Effects: writes Answer (one per question) and Attempt's score; audit
    `assessment.attempt.submitted`; xAPI: one `answered` statement per question, then
    `passed` or `failed` for the quiz, all with the attempt's registration.
    Raises: AttemptAlreadySubmittedError; AnswersInvalidError (nothing is saved).
    """
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if attempt.submitted_at is not None:
        raise AttemptAlreadySubmittedError()
    if attempt.user_id != actor.pk:
        raise ValueError("only the person taking an attempt submits it")
    quiz = attempt.quiz
    questions = quiz_questions(quiz=quiz, order=attempt.question_order)
    cleaned = _responses_check(questions, responses)
    answers = []
    for question in questions:
        choices = list(question.choices.all())
        correct = response_correct(question, choices, cleaned[question.pk])
        answers.append(
            Answer(
                attempt=attempt, question=question, response=cleaned[question.pk], correct=correct
            )
        )
    Answer.objects.bulk_create(answers)
    attempt.score = sum(1 for answer in answers if answer.correct)
    attempt.max_score = len(questions)
    attempt.passed = 100 * attempt.score >= quiz.pass_mark * attempt.max_score
    attempt.submitted_at = timezone.now()
    attempt.save(update_fields=["score", "max_score", "passed", "submitted_at"])
    audit_record(
        actor=actor,
        action=AssessmentAuditAction.ATTEMPT_SUBMITTED,
        subject=attempt,
        changes=["score", "passed"],
    )
    _statements_record(attempt=attempt, questions=questions, answers=answers, actor=actor)
    return attempt


def _interaction(question: Question, choices: list[Choice]) -> dict[str, Any]:
    """The cmi.interaction definition of a question: its type, right answer and components."""
    definition: dict[str, Any] = {
        "interactionType": INTERACTION_TYPE[QuestionKind(question.kind)],
        "correctResponsesPattern": correct_pattern(question, choices),
    }
    items = [{"id": f"c{c.pk}", "description": {"en": c.text}} for c in choices]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.ORDERING):
        definition["choices"] = items
    elif question.kind == QuestionKind.MATCHING:
        definition["source"] = items
        definition["target"] = [
            {"id": f"c{c.pk}", "description": {"en": c.match_text}} for c in choices
        ]
    return definition


def _statements_record(
    *, attempt: Attempt, questions: list[Question], answers: list[Answer], actor: User
) -> None:
    quiz = attempt.quiz
    agent = statements_actor_for_user(actor)
    quiz_id = quiz_activity_id(quiz)
    context = {
        "registration": str(attempt.registration),
        "contextActivities": {
            "parent": [
                {
                    "objectType": "Activity",
                    "id": quiz_id,
                    "definition": {
                        "type": vocabulary.ActivityType.ASSESSMENT,
                        "name": {"en": quiz.title},
                    },
                }
            ]
        },
    }
    for question, answer in zip(questions, answers, strict=True):
        choices = list(question.choices.all())
        statement_record(
            actor=agent,
            verb=vocabulary.ANSWERED,
            activity_id=question_activity_id(question, quiz),
            activity_type=vocabulary.ActivityType.QUESTION,
            activity_name={"en": question.text[:500]},
            definition=_interaction(question, choices),
            result={
                "success": answer.correct,
                "response": response_xapi(question, choices, answer.response),
            },
            context=context,
        )
    score, top = attempt.score or 0, attempt.max_score
    statement_record(
        actor=agent,
        verb=vocabulary.PASSED if attempt.passed else vocabulary.FAILED,
        activity_id=quiz_id,
        activity_type=vocabulary.ActivityType.ASSESSMENT,
        activity_name={"en": quiz.title},
        result={
            "score": {
                "scaled": round(score / top, 4) if top else 0,
                "raw": score,
                "min": 0,
                "max": top,
            },
            "success": bool(attempt.passed),
            "completion": True,
        },
        context=context,
    )
