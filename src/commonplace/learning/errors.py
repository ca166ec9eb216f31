from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class ResourceIncompleteError(DomainError):
    code = "learning.resource_incomplete"
    default_message = _("Add what this kind of resource needs: a web address, a file or a body.")


class ResourceNotAllowedError(DomainError):
    code = "learning.resource_not_allowed"
    default_message = _("You cannot add learning resources in that place.")


class ProposalNotAllowedError(DomainError):
    code = "learning.proposal_not_allowed"
    default_message = _("Only members of the union can propose learning resources.")


class ProposalClosedError(DomainError):
    code = "learning.proposal_closed"
    default_message = _("This proposal has been approved: it cannot be changed any more.")


class ProposalNotWaitingError(DomainError):
    code = "learning.proposal_not_waiting"
    default_message = _("This proposal is not waiting for review.")


class ProposalOwnReviewError(DomainError):
    code = "learning.proposal_own_review"
    default_message = _("Someone else must review your own proposal.")


class ReviewCommentsRequiredError(DomainError):
    code = "learning.review_comments_required"
    default_message = _("Say what needs to change before you return the proposal.")


class ResourceKindNotAllowedError(DomainError):
    code = "learning.resource_kind_not_allowed"
    default_message = _(
        "Quizzes and project briefs join the catalogue when they are published: make the quiz "
        "or the brief instead."
    )


class ResourceTileOwnedError(DomainError):
    code = "learning.resource_tile_owned"
    default_message = _(
        "This tile follows its quiz or project brief: change its title, summary or status there."
    )
