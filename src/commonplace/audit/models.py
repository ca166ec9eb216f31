"""The append-only audit log: who viewed or changed which record, when, from where.

Rows are only ever inserted (`audit.services.audit_record`); on PostgreSQL a trigger refuses
UPDATE and DELETE. Free text and special-category answers never enter a row: `changes` holds
field names only.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    at = models.DateTimeField(_("when"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    grant = models.ForeignKey(
        "access.RoleGrant",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acting under"),
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    subject_type = models.CharField(_("record type"), max_length=80)
    subject_id = models.CharField(_("record id"), max_length=64)
    subject_label = models.CharField(_("record"), max_length=254, blank=True)
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person concerned"),
    )
    union = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("union"),
    )
    changes = models.JSONField(_("changed fields"), default=list, blank=True)
    interface = models.CharField(_("interface"), max_length=64, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    redacted = models.BooleanField(_("pseudonymised"), default=False)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            models.Index(fields=["person", "at"], name="audit_person_at"),
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.subject_label}"
