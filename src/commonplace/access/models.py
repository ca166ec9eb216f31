"""Role grants: a user holds a role in one place (an organisation unit), valid below it.

A grant with no unit is federation-wide (administrators and staff of a federation only).
Grants are never edited in place: revoking sets `revoked_at`, and every request re-reads the
live grants, so a revoked role is refused on the very next request.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import Role


class RoleGrant(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_grants",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_grants",
        verbose_name=_("place"),
        help_text=_("Empty for a federation-wide grant."),
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        indexes = [models.Index(fields=["user", "role"], name="rolegrant_user_role")]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | Q(role__in=["administrator", "staff"]),
                name="rolegrant_federation_roles_only",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="rolegrant_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} @ {self.unit or _('federation')}"
