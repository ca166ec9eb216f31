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
