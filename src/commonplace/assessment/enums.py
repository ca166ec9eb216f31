"""Choices and audit codes of the assessment app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuizStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    SHORT_TEXT = "short_text", _("Short text")
    MATCHING = "matching", _("Matching")
    ORDERING = "ordering", _("Ordering")


# The xAPI interactionType of each kind of question (cmi.interaction).
INTERACTION_TYPE = {
    QuestionKind.SINGLE: "choice",
    QuestionKind.MULTIPLE: "choice",
    QuestionKind.TRUE_FALSE: "true-false",
    QuestionKind.SHORT_TEXT: "fill-in",
    QuestionKind.MATCHING: "matching",
    QuestionKind.ORDERING: "sequencing",
}


class AssessmentAuditAction(models.TextChoices):
    ATTEMPT_STARTED = "assessment.attempt.started", _("Quiz attempt started")
    ATTEMPT_SUBMITTED = "assessment.attempt.submitted", _("Quiz attempt submitted")
    # Quiz authoring (branch `catalogue`).
    QUIZ_CREATED = "assessment.quiz.created", _("Quiz created")
    QUIZ_CHANGED = "assessment.quiz.changed", _("Quiz changed")
    QUIZ_PUBLISHED = "assessment.quiz.published", _("Quiz published")
    QUIZ_UNPUBLISHED = "assessment.quiz.unpublished", _("Quiz unpublished")
    QUESTION_ADDED = "assessment.question.added", _("Quiz question added")
    QUESTION_CHANGED = "assessment.question.changed", _("Quiz question changed")
    QUESTION_REMOVED = "assessment.question.removed", _("Quiz question removed")
    QUESTION_MOVED = "assessment.question.moved", _("Quiz question moved")
