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
from django.utils.text import slugify
from django.utils.translation import gettext

from commonplace.access.selectors import may_at
from commonplace.audit.services import audit_record
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors.people import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record

from .enums import INTERACTION_TYPE, AssessmentAuditAction, QuestionKind, QuizStatus
from .errors import (
    AnswersInvalidError,
    AttemptAlreadySubmittedError,
    AttemptsUsedUpError,
    QuestionAnsweredError,
    QuestionInvalidError,
    QuizNotAllowedError,
    QuizNotPublishedError,
    QuizNotReadyError,
)
from .marking import (
    ChoiceSpec,
    ResponseInvalid,
    correct_pattern,
    question_problems,
    response_clean,
    response_correct,
    response_xapi,
)
from .models import Answer, Attempt, Choice, Question, Quiz
from .selectors import attempt_open, quiz_questions

if TYPE_CHECKING:
    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


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


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------
# Staff and administrators create quizzes at their place and below, write questions of every
# kind, put them in order and publish. Every question is checked with
# `marking.question_problems`, here and in the form; publishing re-checks them all.

QUIZ_FIELDS = {"title", "introduction", "pass_mark", "attempts_limit", "shuffle_questions"}


def _quiz_slug_for(title: str) -> str:
    base = slugify(title)[:90] or "quiz"
    slug, n = base, 1
    while slug in RESERVED_QUIZ_SLUGS or Quiz.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


RESERVED_QUIZ_SLUGS = {"my-attempts", "attempts", "manage"}


@transaction.atomic
def quiz_create(*, actor: User, owner_unit: OrgUnit, fields: dict[str, Any]) -> Quiz:
    """Add a draft quiz owned by `owner_unit`.

    Effects: writes Quiz (unique slug); audit `assessment.quiz.created`.
    Raises: QuizNotAllowedError (a unit outside the actor's scope); ValueError on unknown fields.
    """
    if unknown := set(fields) - QUIZ_FIELDS:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if not may_at(user=actor, kind="assessment.quiz", action="add", unit_path=owner_unit.path):
        raise QuizNotAllowedError()
    quiz = Quiz(**fields, owner_unit=owner_unit, status=QuizStatus.DRAFT)
    quiz.slug = _quiz_slug_for(quiz.title)
    quiz.save()
    audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_CREATED, subject=quiz)
    return quiz


@transaction.atomic
def quiz_update(*, actor: User, quiz: Quiz, fields: dict[str, Any]) -> list[str]:
    """Change a quiz's settings; returns the changed field names.

    Effects: writes Quiz; audit `assessment.quiz.changed` (field names only).
    Raises: ValueError on unknown fields.
    """
    if unknown := set(fields) - QUIZ_FIELDS:
        raise ValueError(f"not editable: {sorted(unknown)}")
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    changed = sorted(name for name, value in fields.items() if getattr(current, name) != value)
    for name in changed:
        setattr(current, name, fields[name])
    if changed:
        current.save(update_fields=[*changed, "updated_at"])
        audit_record(
            actor=actor, action=AssessmentAuditAction.QUIZ_CHANGED, subject=current,
            changes=changed,
        )  # fmt: skip
    return changed


def _question_check(
    *,
    kind: str,
    text: str,
    answer_true: bool | None,
    accepted_answers: list[str],
    choices: list[ChoiceSpec],
) -> None:
    problems = question_problems(
        kind=kind,
        text=text,
        answer_true=answer_true,
        accepted_answers=accepted_answers,
        choices=choices,
    )
    if problems:
        raise QuestionInvalidError(problems[0][1])


def _choices_write(question: Question, specs: list[ChoiceSpec]) -> None:
    """Make the question's choices exactly `specs`: change the rows that exist, add new ones,
    delete the rest. Ordering items are written in the right order and shown rotated by one,
    so the page never shows the answer."""
    rows = [spec for spec in specs if spec.text.strip()]
    existing = {c.pk: c for c in Choice.objects.filter(question=question)}
    kept: list[Choice] = []
    count = len(rows)
    for index, spec in enumerate(rows):
        choice = existing.pop(spec.pk, None) if spec.pk else None
        choice = choice or Choice(question=question)
        choice.text = spec.text.strip()
        choice.feedback = spec.feedback.strip()
        choice.is_correct = spec.is_correct and question.kind in (
            QuestionKind.SINGLE,
            QuestionKind.MULTIPLE,
        )
        matching = question.kind == QuestionKind.MATCHING
        choice.match_text = spec.match_text.strip() if matching else ""
        if question.kind == QuestionKind.ORDERING:
            choice.position = index + 1
            choice.order = (index + 1) % count
        else:
            choice.position = None
            choice.order = index
        kept.append(choice)
    Choice.objects.filter(pk__in=list(existing)).delete()
    for choice in kept:
        choice.save()


@transaction.atomic
def question_save(
    *,
    actor: User,
    quiz: Quiz,
    question: Question | None = None,
    kind: str,
    text: str,
    explanation: str = "",
    answer_true: bool | None = None,
    accepted_answers: list[str] | None = None,
    choices: list[ChoiceSpec] | None = None,
) -> Question:
    """Add a question at the end of `quiz`, or change `question`, with its choices.

    Effects: writes Question and its Choices; audit `assessment.question.added` or
    `assessment.question.changed`.
    Raises: QuestionInvalidError when it could not be answered correctly as written.
    """
    accepted = [a.strip() for a in (accepted_answers or []) if a.strip()]
    specs = choices or []
    uses_choices = kind not in (QuestionKind.TRUE_FALSE, QuestionKind.SHORT_TEXT)
    if not uses_choices:
        specs = []
    _question_check(
        kind=kind, text=text, answer_true=answer_true, accepted_answers=accepted, choices=specs
    )
    if question is None:
        last = Question.objects.filter(quiz=quiz).order_by("-order").first()
        question = Question(quiz=quiz, order=(last.order + 1) if last else 1)
        action = AssessmentAuditAction.QUESTION_ADDED
    else:
        question = Question.objects.select_for_update().get(pk=question.pk, quiz=quiz)
        action = AssessmentAuditAction.QUESTION_CHANGED
    question.kind = kind
    question.text = text.strip()
    question.explanation = explanation.strip()
    question.answer_true = answer_true if kind == QuestionKind.TRUE_FALSE else None
    question.accepted_answers = accepted if kind == QuestionKind.SHORT_TEXT else []
    question.save()
    _choices_write(question, specs)
    audit_record(actor=actor, action=action, subject=question)
    return question


@transaction.atomic
def question_remove(*, actor: User, question: Question) -> None:
    """Remove a question nobody has answered yet.

    Effects: deletes Question and its Choices; audit `assessment.question.removed`.
    Raises: QuestionAnsweredError when an attempt has answered it.
    """
    if Answer.objects.filter(question=question).exists():
        raise QuestionAnsweredError()
    audit_record(actor=actor, action=AssessmentAuditAction.QUESTION_REMOVED, subject=question)
    question.delete()


@transaction.atomic
def question_move(*, actor: User, question: Question, step: int) -> None:
    """Move a question one place up (`step=-1`) or down (`step=1`) in its quiz.

    Effects: writes Question.order of the quiz's questions (numbered 1, 2, ...); audit
    `assessment.question.moved`. Moving past either end changes nothing.
    """
    siblings = Question.objects.select_for_update().filter(quiz_id=question.quiz_id)
    questions = list(siblings.order_by("order", "pk"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(questions):
        return
    questions[index], questions[target] = questions[target], questions[index]
    for number, item in enumerate(questions, start=1):
        item.order = number
    Question.objects.bulk_update(questions, ["order"])
    audit_record(actor=actor, action=AssessmentAuditAction.QUESTION_MOVED, subject=question)


@transaction.atomic
def quiz_publish(*, actor: User, quiz: Quiz) -> Quiz:
    """Publish a quiz: everyone in its union may take it from now on.

    Effects: writes Quiz.status; audit `assessment.quiz.published`.
    Raises: QuizNotReadyError (no questions); QuestionInvalidError naming the first question
    that cannot be answered correctly.
    """
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    questions = quiz_questions(quiz=current)
    if not questions:
        raise QuizNotReadyError()
    for number, question in enumerate(questions, start=1):
        specs = [
            ChoiceSpec(text=c.text, is_correct=c.is_correct, match_text=c.match_text)
            for c in question.choices.all()
        ]
        problems = question_problems(
            kind=question.kind,
            text=question.text,
            answer_true=question.answer_true,
            accepted_answers=[str(a) for a in question.accepted_answers],
            choices=specs,
        )
        if problems:
            raise QuestionInvalidError(
                gettext("Question %(number)s: %(problem)s")
                % {"number": number, "problem": problems[0][1]}
            )
    if current.status != QuizStatus.PUBLISHED:
        current.status = QuizStatus.PUBLISHED
        current.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_PUBLISHED, subject=current)
    return current


@transaction.atomic
def quiz_unpublish(*, actor: User, quiz: Quiz) -> Quiz:
    """Take a quiz back to draft: nobody can start it; attempts already made are kept.

    Effects: writes Quiz.status; audit `assessment.quiz.unpublished`.
    """
    current = Quiz.objects.select_for_update().get(pk=quiz.pk)
    if current.status != QuizStatus.DRAFT:
        current.status = QuizStatus.DRAFT
        current.save(update_fields=["status", "updated_at"])
        audit_record(actor=actor, action=AssessmentAuditAction.QUIZ_UNPUBLISHED, subject=current)
    return current
