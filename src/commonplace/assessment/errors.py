from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class AttemptsUsedUpError(ConflictError):
    code = "attempts_used_up"
    default_message = _("You have used all your attempts at this quiz.")


class QuizNotPublishedError(DomainError):
    code = "quiz_not_published"
    default_message = _("This quiz is not open for attempts.")


class AttemptAlreadySubmittedError(ConflictError):
    code = "attempt_already_submitted"
    default_message = _("This attempt has already been submitted.")


class AnswersInvalidError(DomainError):
    """Some answers could not be accepted; `errors` maps each question's id to its message."""

    code = "answers_invalid"
    default_message = _("Some answers could not be accepted. Check the questions marked.")

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__()
        self.errors = errors


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------


class QuizNotAllowedError(DomainError):
    code = "quiz_not_allowed"
    default_message = _("You cannot add quizzes in that place.")


class QuestionInvalidError(DomainError):
    """The question could not be answered correctly as written; the message says why."""

    code = "question_invalid"
    default_message = _("This question cannot be answered correctly as it stands.")


class QuizNotReadyError(DomainError):
    code = "quiz_not_ready"
    default_message = _("Add at least one question before you publish the quiz.")


class QuestionAnsweredError(ConflictError):
    code = "question_answered"
    default_message = _(
        "People have already answered this question, so it cannot be removed. Unpublish the "
        "quiz and make a new one if it must change."
    )


# --- Assessed projects -------------------------------------------------------------------------


class ProjectNotOpenError(DomainError):
    code = "project_not_open"
    default_message = _("This project is not open for submissions.")


class SubmissionNotAllowedError(ConflictError):
    """The learner already has work waiting to be marked, or has passed, or was not passed."""

    code = "submission_not_allowed"
    default_message = _("You cannot submit this project now.")


class SubmissionInvalidError(DomainError):
    code = "submission_invalid"
    default_message = _("Write about your work or attach at least one file.")


class MarkingNotAllowedError(DomainError):
    code = "marking_not_allowed"
    default_message = _("You may not mark this submission.")


class SubmissionAlreadyMarkedError(ConflictError):
    code = "submission_already_marked"
    default_message = _("This submission has already been marked.")


class MarksInvalidError(DomainError):
    """Some scores could not be accepted; `errors` maps each criterion's id to its message."""

    code = "marks_invalid"
    default_message = _("Some marks could not be accepted. Check the criteria marked.")

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__()
        self.errors = errors
