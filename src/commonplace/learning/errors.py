from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class ResourceIncompleteError(DomainError):
    code = "learning.resource_incomplete"
    default_message = _("Add what this kind of resource needs: a web address, a file or a body.")


class ResourceNotAllowedError(DomainError):
    code = "learning.resource_not_allowed"
    default_message = _("You cannot add learning resources in that place.")
