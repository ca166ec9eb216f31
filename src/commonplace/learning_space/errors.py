from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class InformalLearningInvalidError(DomainError):
    code = "learning_space.informal_invalid"
    default_message = _("Check what you entered about your learning.")


class GoalInvalidError(DomainError):
    code = "learning_space.goal_invalid"
    default_message = _("Check the goal and its target date.")


class ResourceNotVisibleError(DomainError):
    code = "learning_space.resource_not_visible"
    default_message = _("You cannot save that resource.")
