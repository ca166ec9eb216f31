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
    QUIZ_DELETED = "assessment.quiz.deleted", _("Quiz deleted")
    QUESTION_ADDED = "assessment.question.added", _("Quiz question added")
    QUESTION_CHANGED = "assessment.question.changed", _("Quiz question changed")
    QUESTION_REMOVED = "assessment.question.removed", _("Quiz question removed")
    QUESTION_MOVED = "assessment.question.moved", _("Quiz question moved")


# The catalogue tiles of quizzes and briefs (decision 0250): the time a tile says it takes.
# A quiz: two minutes a question (reading, answering, the explanations at the end), at least
# five. A brief: two hours, for reading it and doing the work; staff change either in the
# catalogue.
QUIZ_TILE_MINUTES_PER_QUESTION = 2
QUIZ_TILE_MINUTES_AT_LEAST = 5
PROJECT_TILE_MINUTES = 120


# --- Assessed projects -------------------------------------------------------------------------

# Files a learner may attach to a project submission: extension → the bytes it starts with
# (DOCX, ODT and XLSX are zip archives). A brief accepts a subset of these.
PROJECT_FILE_SIGNATURES = {
    ".pdf": b"%PDF-",
    ".docx": b"PK\x03\x04",
    ".odt": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".png": b"\x89PNG\r\n\x1a\n",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
}
PROJECT_FILE_MAX_BYTES = 10 * 1024 * 1024
PROJECT_FILES_MAX = 5
PROJECT_TEXT_MAX_CHARS = 20_000
FEEDBACK_MAX_CHARS = 5_000


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting to be marked")
    RESUBMISSION_REQUESTED = "resubmit", _("Resubmission requested")
    PASSED = "passed", _("Passed")
    NOT_PASSED = "not_passed", _("Not passed")


class MarkingOutcome(models.TextChoices):
    """What the assessor decides; each ends the submission in the status of the same name."""

    PASSED = "passed", _("Pass")
    RESUBMIT = "resubmit", _("Ask for a resubmission")
    NOT_PASSED = "not_passed", _("Not pass")


class ProjectAuditAction(models.TextChoices):
    BRIEF_CREATED = "assessment.projectbrief.created", _("Project brief created")
    BRIEF_CHANGED = "assessment.projectbrief.changed", _("Project brief changed")
    BRIEF_DELETED = "assessment.projectbrief.deleted", _("Project brief deleted")
    SUBMISSION_SUBMITTED = "assessment.submission.submitted", _("Project submitted")
    SUBMISSION_MARKED = "assessment.submission.marked", _("Project submission marked")
    SUBMISSION_VIEWED = "assessment.submission.viewed", _("Project submission opened")
    SUBMISSION_FILE_VIEWED = "assessment.submissionfile.viewed", _("Project submission file opened")
