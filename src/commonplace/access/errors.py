from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class GrantError(DomainError):
    code = "grant"
    NOT_YOURS = _("You can only grant roles in places you administer.")
    FEDERATION = _("Only a federation administrator can grant a federation-wide role.")
    FEDERATION_ROLE = _("Only administrators and staff can hold a federation-wide role.")
    DATES = _("The end date must be on or after the start date.")
    DUPLICATE = _("This person already holds that role there.")
    ALREADY_REVOKED = _("This role has already been revoked.")
