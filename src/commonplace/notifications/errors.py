from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class NotificationInvalidError(DomainError):
    code = "notification_invalid"
    default_message = _("A notification needs a recipient with an account, a title and a link.")
