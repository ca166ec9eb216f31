from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class CheckIncompleteError(DomainError):
    """The check cannot be published yet; `problems` lists what is missing, in plain words."""

    code = "check_incomplete"
    default_message = _("This skills check is not ready to publish.")

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems


class CheckNotPublishedError(DomainError):
    code = "check_not_published"
    default_message = _("This skills check is not open yet.")


class CheckPublishedError(ConflictError):
    code = "check_published"
    default_message = _("A published skills check cannot be changed.")


class BandInvalidError(DomainError):
    code = "band_invalid"
    default_message = _("The lowest score must not be more than the highest score.")


class OptionsInvalidError(DomainError):
    code = "options_invalid"
    default_message = _(
        'Give at least two options, one a line, each ending with a bar and its score: "Often | 3".'
    )


class AnswersMissingError(DomainError):
    """Some questions were not answered; `missing` holds their ids."""

    code = "answers_missing"
    default_message = _("Answer every question. The ones still to answer are marked.")

    def __init__(self, missing: list[int]) -> None:
        super().__init__()
        self.missing = missing


class LearnerNotInScopeError(DomainError):
    code = "learner_not_in_scope"
    default_message = _("You can only take a skills check with a learner you support.")


class SurveyNotOpenError(DomainError):
    code = "survey_not_open"
    default_message = _("This survey is not taking answers.")


class SurveyStatusError(ConflictError):
    code = "survey_status"
    default_message = _("The survey cannot do that in its current state.")


class SurveyEmptyError(DomainError):
    code = "survey_empty"
    default_message = _("Add at least one question before opening the survey.")


class SurveyAnswerInvalidError(DomainError):
    code = "survey_answer_invalid"
    default_message = _("Some answers could not be accepted. Check the questions marked.")

    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__()
        self.errors = errors


class SurveyBusyError(DomainError):
    code = "survey_busy"
    default_message = _("Too many answers are arriving at once. Please try again in a minute.")
