"""Reads of quizzes and attempts, scoped by the policy table.

Learners see published quizzes of their union (`assessment.quiz` take, reach union); learning
staff and administrators see every quiz in their subtree (`view`), drafts too. A person's
attempts are theirs alone; staff see only totals for a quiz of their unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from commonplace.access.selectors import scope_q
from commonplace.organisation.selectors import units_visible_to

from .enums import QuestionKind, QuizStatus
from .models import Answer, Attempt, Choice, Question, Quiz

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


def quizzes_visible_to(*, user: User | AnonymousUser, action: str = "take") -> QuerySet[Quiz]:
    """Quizzes `user` may `action`: to take, only published ones."""
    quizzes = Quiz.objects.filter(scope_q(user=user, kind="assessment.quiz", action=action))
    if action == "take":
        quizzes = quizzes.filter(status=QuizStatus.PUBLISHED)
    return quizzes


def quiz_get_visible(*, user: User | AnonymousUser, slug: str, action: str = "take") -> Quiz:
    """The quiz, if `user` may `action` it; 404 otherwise (absent and not yours look alike)."""
    quiz = quizzes_visible_to(user=user, action=action).filter(slug=slug).first()
    if quiz is None:
        raise Http404("No quiz found.")
    return quiz


def quiz_questions(*, quiz: Quiz, order: list[int] | None = None) -> list[Question]:
    """The quiz's questions with their choices, in `order` (question ids) when given."""
    questions = list(
        Question.objects.filter(quiz=quiz).prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk"))
        )
    )
    if order:
        position = {pk: i for i, pk in enumerate(order)}
        questions.sort(key=lambda q: position.get(q.pk, len(position)))
    return questions


def quiz_question_count(*, quiz: Quiz) -> int:
    return Question.objects.filter(quiz=quiz).count()


def attempts_of(*, user: User | AnonymousUser, quiz: Quiz | None = None) -> QuerySet[Attempt]:
    """The user's own attempts (newest first), of one quiz or all."""
    attempts = Attempt.objects.filter(
        scope_q(user=user, kind="assessment.attempt", action="view", owner="user")
    ).filter(user_id=user.pk)
    if quiz is not None:
        attempts = attempts.filter(quiz=quiz)
    return attempts.select_related("quiz").order_by("-started_at", "-pk")


def attempt_get_visible(*, user: User | AnonymousUser, pk: int) -> Attempt:
    """One of the user's own attempts; 404 for anyone else's (staff see totals only)."""
    attempt = attempts_of(user=user).filter(pk=pk).first()
    if attempt is None:
        raise Http404("No attempt found.")
    return attempt


def attempts_left(*, user: User | AnonymousUser, quiz: Quiz) -> int | None:
    """How many more attempts the user may start (None: unlimited)."""
    if not quiz.attempts_limit:
        return None
    used = Attempt.objects.filter(quiz=quiz, user_id=user.pk).count()
    return max(quiz.attempts_limit - used, 0)


def attempt_open(*, user: User | AnonymousUser, quiz: Quiz) -> Attempt | None:
    """The user's started but not submitted attempt at the quiz, if any."""
    return (
        Attempt.objects.filter(quiz=quiz, user_id=user.pk, submitted_at__isnull=True)
        .order_by("-started_at", "-pk")
        .first()
    )


@dataclass(frozen=True)
class Feedback:
    question: Question
    response: Any
    correct: bool
    your_answer: str
    right_answer: str
    # The authors' feedback on the answers chosen (quiz authoring, branch `catalogue`).
    answer_feedback: list[str] = field(default_factory=list)


def _describe(question: Question, choices: list[Choice], response: Any) -> str:
    by_id = {c.pk: c for c in choices}
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        return by_id[response].text if response in by_id else ""
    if kind == QuestionKind.MULTIPLE:
        return "; ".join(by_id[pk].text for pk in response if pk in by_id)
    if kind == QuestionKind.TRUE_FALSE:
        return _("True") if response else _("False")
    if kind == QuestionKind.SHORT_TEXT:
        return str(response)
    if kind == QuestionKind.MATCHING:
        return "; ".join(
            f"{by_id[int(k)].text} → {by_id[v].match_text}"
            for k, v in response.items()
            if int(k) in by_id and v in by_id
        )
    if kind == QuestionKind.ORDERING:
        in_order = sorted(response.items(), key=lambda item: item[1])
        return "; ".join(
            f"{place}. {by_id[int(k)].text}" for k, place in in_order if int(k) in by_id
        )
    return ""


def _right_answer(question: Question, choices: list[Choice]) -> str:
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return "; ".join(c.text for c in choices if c.is_correct)
    if kind == QuestionKind.TRUE_FALSE:
        return _describe(question, choices, question.answer_true)
    if kind == QuestionKind.SHORT_TEXT:
        return str(question.accepted_answers[0]) if question.accepted_answers else ""
    if kind == QuestionKind.MATCHING:
        return _describe(question, choices, {str(c.pk): c.pk for c in choices})
    if kind == QuestionKind.ORDERING:
        return _describe(question, choices, {str(c.pk): c.position or 0 for c in choices})
    return ""


def _chosen_feedback(question: Question, choices: list[Choice], response: Any) -> list[str]:
    """The feedback written for the options a learner chose (single and multiple choice)."""
    if question.kind == QuestionKind.SINGLE:
        chosen = {response}
    elif question.kind == QuestionKind.MULTIPLE:
        chosen = set(response) if isinstance(response, list) else set()
    else:
        return []
    return [c.feedback for c in choices if c.pk in chosen and c.feedback]


def attempt_feedback(*, attempt: Attempt) -> list[Feedback]:
    """Each answered question of a submitted attempt, in the order it was asked, with what
    the person answered and the right answer."""
    questions = quiz_questions(quiz=attempt.quiz, order=attempt.question_order)
    answers = {a.question_id: a for a in Answer.objects.filter(attempt=attempt)}
    feedback = []
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None:
            continue
        choices = list(question.choices.all())
        feedback.append(
            Feedback(
                question=question,
                response=answer.response,
                correct=answer.correct,
                your_answer=_describe(question, choices, answer.response),
                right_answer=_right_answer(question, choices),
                answer_feedback=_chosen_feedback(question, choices, answer.response),
            )
        )
    return feedback


def quiz_attempt_totals(*, user: User | AnonymousUser, quiz: Quiz) -> dict[str, int]:
    """Totals of submitted attempts at the quiz, for staff whose scope covers its unit."""
    attempts = Attempt.objects.filter(
        scope_q(user=user, kind="assessment.attempt", action="summarise", owner="")
    ).filter(quiz=quiz, submitted_at__isnull=False)
    return attempts.aggregate(
        attempts=Count("pk"),
        passed=Count("pk", filter=Q(passed=True)),
        people=Count("user", distinct=True),
    )


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------


def quizzes_for_authoring(*, user: User | AnonymousUser) -> QuerySet[Quiz]:
    """Quizzes `user` may change (drafts too), with their number of questions, by title."""
    return (
        quizzes_visible_to(user=user, action="change")
        .select_related("owner_unit")
        .annotate(question_count=Count("questions"))
        .order_by("title", "pk")
    )


def units_for_quiz_authoring(*, user: User | AnonymousUser) -> QuerySet[OrgUnit]:
    """Units `user` sees in which they may add quizzes."""
    return units_visible_to(user=user).filter(
        scope_q(user=user, kind="assessment.quiz", action="add", unit_path="path", owner="")
    )


def question_of_quiz(*, quiz: Quiz, pk: object) -> Question:
    """One question of `quiz` (404 for any other, or a malformed id)."""
    try:
        number = int(str(pk))
    except ValueError:
        raise Http404("No question found.") from None
    question = (
        Question.objects.filter(quiz=quiz, pk=number)
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")))
        .first()
    )
    if question is None:
        raise Http404("No question found.")
    return question
