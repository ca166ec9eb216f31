"""Certificates: what is certified (an Achievement, shared by everyone who earns it) and each
person's Certificate of it, with a random UUID that its public verification link and its
Open Badges assertion are named by.

A certificate is never deleted: revoking it keeps the row (and the public pages say it was
revoked, and when). `services.py` issues and revokes.

`SigningKey` holds the key pairs the platform signs Open Badges 3.0 credentials with: the
private key encrypted with a key derived from `SECRET_KEY`, the public key as a JWK. A retired
key stays, so credentials signed with it still verify (decision 0223).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel


class Achievement(TimeStampedModel):
    """What a certificate certifies: a pathway completed, for example ("pathway:12")."""

    key = models.CharField(_("key"), max_length=100, unique=True)
    # The public name of the badge class in URLs, so its address does not reveal the key.
    uuid = models.UUIDField(_("public identifier"), default=uuid.uuid4, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    criteria = models.TextField(_("criteria"), blank=True)
    issuer_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    hours = models.DecimalField(
        _("hours of learning"), max_digits=6, decimal_places=1, null=True, blank=True
    )

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__isnull=True) | models.Q(hours__gte=0),
                name="certificates_achievement_hours_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    uuid = models.UUIDField(_("certificate number"), default=uuid.uuid4, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("recipient"),
    )
    achievement = models.ForeignKey(
        Achievement,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("achievement"),
    )
    issued_at = models.DateTimeField(_("issued"))
    recipient_name = models.CharField(_("name as printed"), max_length=200)
    # The Open Badges recipient identity is the hash of the email with this salt.
    salt = models.CharField(_("salt"), max_length=64)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "achievement"], name="certificates_one_per_person_and_achievement"
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_at__isnull=True) | ~models.Q(revocation_reason=""),
                name="certificates_revoked_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.achievement} ({self.recipient_name})"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class SigningKey(models.Model):
    """A key pair that signs Open Badges 3.0 credentials (RS256). Only `public_jwk` is ever
    served; `private_key` is the PKCS#8 PEM encrypted with Fernet under a key derived from
    `SECRET_KEY` (or one of `SECRET_KEY_FALLBACKS`). The newest key not retired signs."""

    # The RFC 7638 thumbprint of the public key; its published address ends with it.
    key_id = models.CharField(_("key identifier"), max_length=64, unique=True)
    public_jwk = models.JSONField(_("public key"))
    private_key = models.TextField(_("private key, encrypted"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.key_id
