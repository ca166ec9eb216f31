"""Reads of quizzes and attempts, scoped by the policy table.

Learners see published quizzes of their union (`assessment.quiz` take, reach union); learning
staff and administrators see every quiz in their subtree (`view`), drafts too. A person's
attempts are theirs alone; staff see only totals for a quiz of their unit.

Projects: published briefs are read by anyone in their union; a submission is its learner's
own, and assessors (staff, administrators) read and mark those placed at or below where they
hold the role - never their own work (`submissions_to_mark`, `submission_get_for_marking`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.dispatch import Signal
from django.http import Http404
from django.utils.translation import gettext as _

from commonplace.access.selectors import scope_q
from commonplace.organisation.selectors import units_visible_to

from .enums import ProjectStatus, QuestionKind, QuizStatus, SubmissionStatus
from .models import (
    Answer,
    Attempt,
    Choice,
    Criterion,
    CriterionScore,
    Marking,
    ProjectBrief,
    Question,
    Quiz,
    Submission,
    SubmissionFile,
)

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


# --- Assessed projects -------------------------------------------------------------------------


def projects_visible_to(
    *, user: User | AnonymousUser, action: str = "take"
) -> QuerySet[ProjectBrief]:
    """Project briefs `user` may `action`: to take (read and submit), only published ones."""
    briefs = ProjectBrief.objects.filter(
        scope_q(user=user, kind="assessment.projectbrief", action=action)
    )
    if action == "take":
        briefs = briefs.filter(status=ProjectStatus.PUBLISHED)
    return briefs.order_by("title", "pk")


def project_get_visible(
    *, user: User | AnonymousUser, slug: str, action: str = "take"
) -> ProjectBrief:
    """The brief, if `user` may `action` it; 404 otherwise."""
    brief = projects_visible_to(user=user, action=action).filter(slug=slug).first()
    if brief is None:
        raise Http404("No project found.")
    return brief


def project_criteria(*, brief: ProjectBrief) -> list[Criterion]:
    """The brief's rubric, in order."""
    return list(Criterion.objects.filter(brief=brief).order_by("order", "pk"))


def project_max_points(*, brief: ProjectBrief) -> int:
    return sum(criterion.max_points for criterion in project_criteria(brief=brief))


def submissions_of(
    *, user: User | AnonymousUser, brief: ProjectBrief | None = None
) -> QuerySet[Submission]:
    """The user's own submissions (newest first), to one brief or all."""
    submissions = Submission.objects.filter(
        scope_q(user=user, kind="assessment.submission", action="view", owner="user")
    ).filter(user_id=user.pk)
    if brief is not None:
        submissions = submissions.filter(brief=brief)
    return submissions.select_related("brief", "marking").order_by("-submitted_at", "-pk")


def submission_latest(*, user: User | AnonymousUser, brief: ProjectBrief) -> Submission | None:
    """The user's latest version for the brief, if any."""
    return Submission.objects.filter(user_id=user.pk, brief=brief).order_by("-version").first()


def submission_may_submit(*, user: User | AnonymousUser, brief: ProjectBrief) -> bool:
    """Whether the user may submit now: nothing yet, or a resubmission was asked for."""
    latest = submission_latest(user=user, brief=brief)
    return latest is None or latest.status == SubmissionStatus.RESUBMISSION_REQUESTED


def submissions_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[Submission]:
    """Submissions `user` may `action`: their own, and those their assessor role reaches."""
    return Submission.objects.filter(
        scope_q(user=user, kind="assessment.submission", action=action)
    )


def submission_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> Submission:
    """One submission `user` may `action`; 404 otherwise (absent and not yours look alike)."""
    submission = (
        submissions_visible_to(user=user, action=action)
        .select_related("brief", "user", "unit")
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404("No submission found.")
    return submission


def submissions_to_mark(*, user: User | AnonymousUser) -> QuerySet[Submission]:
    """The marking queue: submissions waiting in the user's scope, oldest first, never the
    user's own (an assessor may not mark their own work)."""
    return (
        submissions_visible_to(user=user, action="mark")
        .filter(status=SubmissionStatus.SUBMITTED)
        .exclude(user_id=user.pk)
        .select_related("brief", "user", "unit")
        .order_by("submitted_at", "pk")
    )


def submission_get_for_marking(*, user: User | AnonymousUser, pk: int) -> Submission:
    """A submission the user may mark (waiting or already marked); 404 for one outside their
    scope and for their own."""
    submission = (
        submissions_visible_to(user=user, action="mark")
        .exclude(user_id=user.pk)
        .select_related("brief", "user", "unit")
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404("No submission found.")
    return submission


def submission_versions(*, submission: Submission) -> list[Submission]:
    """Every version of this learner's work on the brief, first to last."""
    return list(
        Submission.objects.filter(brief_id=submission.brief_id, user_id=submission.user_id)
        .select_related("marking")
        .order_by("version")
    )


def submission_files(*, submission: Submission) -> list[SubmissionFile]:
    return list(SubmissionFile.objects.filter(submission=submission).order_by("pk"))


def submission_file_get_visible(
    *, user: User | AnonymousUser, pk: int
) -> tuple[Submission, SubmissionFile]:
    """A submission's file and its submission, if `user` may view the submission; 404 else."""
    found = (
        SubmissionFile.objects.filter(
            submission__in=submissions_visible_to(user=user, action="view")
        )
        .select_related("submission", "submission__user", "submission__unit")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("No file found.")
    return found.submission, found


@dataclass(frozen=True)
class ScoreLine:
    criterion: Criterion
    points: int | None
    comment: str


def marking_of(*, submission: Submission) -> Marking | None:
    """The submission's marking with its assessor, or None."""
    return Marking.objects.filter(submission=submission).select_related("assessor").first()


def marking_lines(*, submission: Submission) -> list[ScoreLine]:
    """The rubric with the points and comment given for each criterion (None: not marked)."""
    scores = {
        score.criterion_id: score
        for score in CriterionScore.objects.filter(marking__submission=submission)
    }
    return [
        ScoreLine(
            criterion=criterion,
            points=scores[criterion.pk].points if criterion.pk in scores else None,
            comment=scores[criterion.pk].comment if criterion.pk in scores else "",
        )
        for criterion in project_criteria(brief=submission.brief)
    ]


# --- links other apps offer on the quiz result page ----------------------------------------

# Sent when a learner's quiz result is shown, with `user` and `quiz`; each receiver returns a
# list of (label, url) links to show under the result. Apps above assessment in the tiers
# (pathways: "Back to your pathway") connect to it; assessment knows none of them.
quiz_result_shown = Signal()


def quiz_result_links(*, user: User | AnonymousUser, quiz: Quiz) -> list[tuple[str, str]]:
    """The links the connected apps offer `user` under their result of `quiz`, in order."""
    links: list[tuple[str, str]] = []
    for _receiver, answer in quiz_result_shown.send(sender=Quiz, user=user, quiz=quiz):
        if isinstance(answer, list):
            links.extend(answer)
    return links
