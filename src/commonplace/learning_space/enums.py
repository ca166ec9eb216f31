"""Choices of the learning space, its limits and its audit codes."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Extension → the bytes the file must start with (DOCX and ODT are zip archives).
EVIDENCE_SIGNATURES = {
    ".pdf": b"%PDF-",
    ".png": b"\x89PNG\r\n\x1a\n",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".docx": b"PK\x03\x04",
    ".odt": b"PK\x03\x04",
}
MIN_HOURS = Decimal("0.25")
MAX_HOURS = Decimal("200")  # one entry: a long course logged at once, never a year of work
MAX_TITLE = 200
MAX_REFLECTION = 5000
MAX_URL = 500
MAX_GOAL = 300
PAGE_SIZE = 20
EXPORT_LIMIT = 1000  # rows of each list in the PDF; the JSON export has every statement


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class LearningSpaceAuditAction(models.TextChoices):
    INFORMAL_CREATED = "learning_space.informal.created", _("Informal learning logged")
    INFORMAL_CHANGED = "learning_space.informal.changed", _("Informal learning changed")
    INFORMAL_DELETED = "learning_space.informal.deleted", _("Informal learning deleted")
    GOAL_CREATED = "learning_space.goal.created", _("Learning goal set")
    GOAL_CHANGED = "learning_space.goal.changed", _("Learning goal changed")
    RESOURCE_SAVED = "learning_space.resource.saved", _("Resource saved for later")
    RESOURCE_UNSAVED = "learning_space.resource.unsaved", _("Resource no longer saved")
    RECORD_EXPORTED = "learning_space.record.exported", _("Learning record exported")
