"""Quizzes: questions of six kinds, their choices, and people's attempts and answers.
Assessed projects: briefs with a rubric, learners' submissions (versions, files) and markings.

A quiz belongs to a unit (usually the union) and is taken by anyone in that union once
published. Marking is one mark per question, all or nothing; `services.py` does it.
A project brief is marked by an assessor against its criteria (see the projects section).
"""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import (
    PROJECT_FILE_MAX_BYTES,
    PROJECT_FILE_SIGNATURES,
    MarkingOutcome,
    ProjectStatus,
    QuestionKind,
    QuizStatus,
    SubmissionStatus,
)


class Quiz(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    owner_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner unit"),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (per cent)"), default=70)
    attempts_limit = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=0, help_text=_("0 means unlimited.")
    )
    shuffle_questions = models.BooleanField(_("shuffle the questions"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=QuizStatus.choices, default=QuizStatus.DRAFT
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__lte=100), name="assessment_quiz_pass_mark_le_100"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("quiz")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=QuestionKind.choices)
    text = models.TextField(_("question"))
    explanation = models.TextField(_("explanation shown after answering"), blank=True)
    # True or false questions: the right answer.
    answer_true = models.BooleanField(_("the statement is true"), null=True, blank=True)
    # Short text questions: the answers accepted (compared ignoring case and spaces).
    accepted_answers = models.JSONField(_("accepted answers"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["quiz", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    """An option (single and multiple choice), a pair (matching: `text` ↔ `match_text`) or an
    item to put in order (ordering: `position` is its right place, from 1)."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    text = models.CharField(_("text"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    match_text = models.CharField(_("matches"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("correct position"), null=True, blank=True)
    # Shown to a learner who chose this answer (quiz authoring, branch `catalogue`).
    feedback = models.CharField(_("feedback on this answer"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    quiz = models.ForeignKey(
        Quiz, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("quiz")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
        verbose_name=_("person"),
    )
    # The xAPI registration of every statement about this attempt.
    registration = models.UUIDField(_("registration"), default=uuid.uuid4, unique=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(_("out of"), default=0)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    question_order = models.JSONField(_("question order used"), default=list)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["user", "quiz"], name="assessment_attempt_user_quiz")]

    def __str__(self) -> str:
        return f"{self.quiz} ({self.started_at:%Y-%m-%d})"

    @property
    def percent(self) -> int | None:
        if self.score is None or not self.max_score:
            return None
        return round(100 * self.score / self.max_score)


class Answer(models.Model):
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers", verbose_name=_("attempt")
    )
    question = models.ForeignKey(
        Question, on_delete=models.PROTECT, related_name="+", verbose_name=_("question")
    )
    response = models.JSONField(_("response"))
    correct = models.BooleanField(_("correct"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="assessment_answer_one_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}:{self.question_id}"


# --- Assessed projects -------------------------------------------------------------------------


def validate_project_file(file: File) -> None:  # type: ignore[type-arg]
    """A file of a kind projects accept, at most 10 MB, whose first bytes match its extension.

    Whether the brief accepts that kind is checked by the form and the service."""
    suffix = PurePath(file.name or "").suffix.lower()
    signature = PROJECT_FILE_SIGNATURES.get(suffix)
    if signature is None:
        raise ValidationError(
            _("“%(name)s” is not a kind of file this project accepts."),
            code="type",
            params={"name": PurePath(file.name or "").name},
        )
    if file.size is not None and file.size > PROJECT_FILE_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than 10 MB."),
            code="size",
            params={"name": PurePath(file.name or "").name},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(signature))
    file.seek(position)
    if head != signature:
        raise ValidationError(
            _("“%(name)s” is not really the kind of file its name says."),
            code="content",
            params={"name": PurePath(file.name or "").name},
        )


def _submission_file_path(instance: "SubmissionFile", filename: str) -> str:
    """A random name under `projects/`: the learner's file name is kept on the row only."""
    suffix = PurePath(filename).suffix.lower()
    return f"projects/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class ProjectBrief(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address name"), max_length=100, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    brief = models.TextField(_("brief"), help_text=_("Rich text; sanitised when saved."))
    owner_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner unit"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.DRAFT
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (per cent of the points)"), default=50
    )
    accepted_file_types = models.JSONField(
        _("accepted file types"),
        default=list,
        blank=True,
        help_text=_('Extensions, for example [".pdf", ".docx"].'),
    )

    class Meta:
        verbose_name = _("project brief")
        verbose_name_plural = _("project briefs")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pass_mark__lte=100), name="assessment_brief_pass_mark_le_100"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """One line of a brief's rubric: what is looked for, and the points it is worth."""

    brief = models.ForeignKey(
        ProjectBrief, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("brief")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the assessor looks for"))
    max_points = models.PositiveSmallIntegerField(_("points available"), default=4)
    levels = models.TextField(
        _("level descriptors"),
        blank=True,
        help_text=_("One level per line, lowest first, for example “2 – Some evidence”."),
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["brief", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_points__gte=1), name="assessment_criterion_points_ge_1"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def level_lines(self) -> list[str]:
        return [line.strip() for line in self.levels.splitlines() if line.strip()]


class Submission(models.Model):
    """One version of a learner's work on a brief; a resubmission is a new row (version + 1).

    `unit` is the learner's unit when they submitted: it places the submission for assessors.
    """

    brief = models.ForeignKey(
        ProjectBrief, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("brief")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="project_submissions",
        verbose_name=_("learner"),
    )
    unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("learner's unit"),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    text = models.TextField(_("what the learner wrote"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    # The xAPI registration of every statement about this version.
    registration = models.UUIDField(_("registration"), default=uuid.uuid4, unique=True)

    class Meta:
        verbose_name = _("project submission")
        verbose_name_plural = _("project submissions")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["brief", "user", "version"], name="assessment_submission_one_per_version"
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "unit", "submitted_at"], name="assessment_submission_queue"
            ),
            models.Index(fields=["user", "brief"], name="assessment_submission_user"),
        ]

    def __str__(self) -> str:
        return f"{self.brief} (v{self.version})"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="files", verbose_name=_("submission")
    )
    file = models.FileField(
        _("file"), upload_to=_submission_file_path, validators=[validate_project_file]
    )
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("submission file")
        verbose_name_plural = _("submission files")
        ordering = ["submission", "pk"]

    def __str__(self) -> str:
        return self.name


class Marking(models.Model):
    submission = models.OneToOneField(
        Submission, on_delete=models.CASCADE, related_name="marking", verbose_name=_("submission")
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assessor"),
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=MarkingOutcome.choices)
    feedback = models.TextField(_("feedback"))
    score = models.PositiveSmallIntegerField(_("points"))
    max_score = models.PositiveSmallIntegerField(_("out of"))
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)

    class Meta:
        verbose_name = _("marking")
        verbose_name_plural = _("markings")

    def __str__(self) -> str:
        return f"{self.submission} – {self.get_outcome_display()}"

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.max_score) if self.max_score else 0


class CriterionScore(models.Model):
    marking = models.ForeignKey(
        Marking, on_delete=models.CASCADE, related_name="scores", verbose_name=_("marking")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    points = models.PositiveSmallIntegerField(_("points"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["marking", "criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["marking", "criterion"], name="assessment_score_one_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"
