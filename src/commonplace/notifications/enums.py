"""Kinds of notification and the audit codes of the notifications app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    """What a notification is about; each kind may have its own email template
    (`notifications/email/<kind>.txt`), otherwise `default.txt` is used."""

    GENERAL = "general", _("General")
    PROJECT_MARKED = "project_marked", _("Project marked")
    PROJECT_RESUBMIT = "project_resubmit", _("Project resubmission requested")
    PROJECT_SUBMITTED = "project_submitted", _("Project submitted for marking")
    PROPOSAL_RETURNED = "proposal_returned", _("Proposal returned with comments")
    PROPOSAL_APPROVED = "proposal_approved", _("Proposal published")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    FOLLOWUPS_DUE = "followups_due", _("Follow-ups due")


class NotificationsAuditAction(models.TextChoices):
    NOTIFICATION_SENT = "notifications.notification.sent", _("Notification sent")
