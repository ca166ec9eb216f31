"""LRS clients (credentials). Statements and documents are added beside this module."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from ..enums import Scope

# The key of the client under which the platform stores its own statements about a union's
# members: this prefix and the union's primary key (`services.clients.lrs_platform_client`).
PLATFORM_KEY_PREFIX = "platform-"


class LrsClient(TimeStampedModel):
    """A key/secret pair for HTTP Basic authentication to /xapi/, with scopes.

    The secret is stored as an HMAC-SHA256 digest keyed by the site secret: a cheap check on the
    hot path (a password hash per request would cap the LRS near 25 requests/s).
    """

    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("key"), max_length=64, unique=True)
    secret_digest = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    union = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("union"),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")

    def __str__(self) -> str:
        return self.name

    @property
    def is_platform(self) -> bool:
        """Is this the client of the platform's own statements (no scopes, never deactivated)?"""
        return self.key.startswith(PLATFORM_KEY_PREFIX)

    @property
    def scope_labels(self) -> list[str]:
        """The scopes in words, in the order of `Scope`."""
        return [str(scope.label) for scope in Scope if scope.value in self.scopes]

    def authority(self) -> dict[str, object]:
        """The Agent the LRS records as `authority` of statements this client stores."""
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": settings.SITE_URL, "name": self.key},
        }
