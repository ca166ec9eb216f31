"""Quizzes: questions of six kinds, their choices, and people's attempts and answers.

A quiz belongs to a unit (usually the union) and is taken by anyone in that union once
published. Marking is one mark per question, all or nothing; `services.py` does it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import QuestionKind, QuizStatus


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
