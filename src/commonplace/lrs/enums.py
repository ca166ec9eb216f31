from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """Credential scopes, after the xAPI 1.0 OAuth scope names."""

    STATEMENTS_WRITE = "statements/write", _("Write statements")
    STATEMENTS_READ_MINE = "statements/read/mine", _("Read the statements it wrote")
    STATEMENTS_READ = "statements/read", _("Read all statements")
    ALL_READ = "all/read", _("Read everything")
    ALL = "all", _("Everything")
    STATE = "state", _("Read and write state documents")
    DEFINE = "define", _("Define activities")
    PROFILE = "profile", _("Read and write profile documents")


class XapiVersion(models.TextChoices):
    V1_0_3 = "1.0.3", "1.0.3"
    V2_0_0 = "2.0.0", "2.0.0"


class DocumentKind(models.TextChoices):
    """The three xAPI document resources, stored in one table."""

    STATE = "state", _("State")
    ACTIVITY_PROFILE = "activity_profile", _("Activity profile")
    AGENT_PROFILE = "agent_profile", _("Agent profile")


class LrsAuditAction(models.TextChoices):
    CLIENT_CREATED = "lrs.client.created", _("LRS client created")
    CLIENT_DEACTIVATED = "lrs.client.deactivated", _("LRS client deactivated")
    STATEMENT_VIEWED = "lrs.statement.viewed", _("xAPI statement viewed")
