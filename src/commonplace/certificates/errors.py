from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class CertificateAlreadyRevokedError(ConflictError):
    code = "certificate_already_revoked"
    default_message = _("This certificate has already been revoked.")


class RevocationReasonMissingError(DomainError):
    code = "revocation_reason_missing"
    default_message = _("Give the reason for revoking this certificate.")


class AchievementInvalidError(DomainError):
    code = "achievement_invalid"
    default_message = _("The achievement needs a key and a name.")


class RecipientInvalidError(DomainError):
    code = "recipient_invalid"
    default_message = _("A certificate can only be issued to an active account.")
