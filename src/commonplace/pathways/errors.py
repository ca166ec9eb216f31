from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class PathwayNotAllowedError(DomainError):
    code = "pathways.not_allowed"
    default_message = _("You cannot add pathways in that place.")


class PathwayNotPublishedError(DomainError):
    code = "pathways.not_published"
    default_message = _("This pathway is not open for enrolment.")


class PathwayEmptyError(DomainError):
    code = "pathways.empty"
    default_message = _("Add at least one required step before publishing the pathway.")


class PrerequisitesNotMetError(DomainError):
    """Enrolment refused; the message names the pathways still to complete."""

    code = "pathways.prerequisites_not_met"


class PrerequisiteCycleError(DomainError):
    code = "pathways.prerequisite_cycle"
    default_message = _(
        "These prerequisites would go round in a circle: something would need itself first."
    )


class AlreadyEnrolledError(ConflictError):
    code = "pathways.already_enrolled"
    default_message = _("You are already enrolled on this pathway.")


class NotEnrolledError(DomainError):
    code = "pathways.not_enrolled"
    default_message = _("Enrol on the pathway first.")


class StepIncompleteError(DomainError):
    code = "pathways.step_incomplete"
    default_message = _("Choose what this step is: a learning resource, a quiz or a live session.")


class StepLockedError(DomainError):
    code = "pathways.step_locked"
    default_message = _("Finish the steps this one needs first.")
