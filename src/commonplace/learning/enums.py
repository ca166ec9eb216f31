"""Choices of the learning catalogue, its limits and its audit codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 20 * 1024 * 1024
# Extension → the bytes the file must start with (DOCX and ODT are zip archives).
FILE_SIGNATURES = {".pdf": b"%PDF-", ".docx": b"PK\x03\x04", ".odt": b"PK\x03\x04"}
# Videos and their captions (decision 0240): checked in `validation.py`.
MAX_VIDEO_BYTES = 200 * 1024 * 1024
MAX_CAPTIONS_BYTES = 1024 * 1024
VIDEO_EXTENSIONS = {".mp4", ".m4v", ".webm"}


class ResourceKind(models.TextChoices):
    PAGE = "page", _("Page")
    VIDEO = "video", _("Video")
    FILE = "file", _("File")
    LINK = "link", _("Link")
    # Tiles (decision 0250): made and kept in step by the assessment app's services.
    QUIZ = "quiz", _("Quiz")
    PROJECT = "project", _("Project brief")


# Kinds whose resources are tiles of another app's object (a quiz, a project brief): nobody
# adds them through the catalogue's forms, and their owner's fields are not changed here.
TILE_KINDS = frozenset({ResourceKind.QUIZ, ResourceKind.PROJECT})
AUTHORED_KIND_CHOICES = [
    (value, label) for value, label in ResourceKind.choices if value not in TILE_KINDS
]
# What staff may still change on a tile: its catalogue metadata (topics are set beside them).
TILE_EDITABLE_FIELDS = frozenset({"duration_minutes", "level", "audiences", "language"})


class Level(models.TextChoices):
    ENTRY = "entry", _("Entry")
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    EXPERT = "expert", _("Expert")


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members")
    ULRS = "ulrs", _("Union learning reps")
    ACTIVISTS = "activists", _("Activists")
    STAFF = "staff", _("Staff")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    WELSH = "cy", _("Welsh")


class ResourceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class DurationBand(models.TextChoices):
    """Catalogue filter: (upper bound in minutes, exclusive lower bound)."""

    SHORT = "short", _("Up to 15 minutes")
    HOUR = "hour", _("Up to an hour")
    LONGER = "longer", _("Longer than an hour")


DURATION_BOUNDS = {
    DurationBand.SHORT: (0, 15),
    DurationBand.HOUR: (0, 60),
    DurationBand.LONGER: (61, None),
}


class LearningAuditAction(models.TextChoices):
    RESOURCE_CREATED = "learning.resource.created", _("Learning resource created")
    RESOURCE_CHANGED = "learning.resource.changed", _("Learning resource changed")
    RESOURCE_PUBLISHED = "learning.resource.published", _("Learning resource published")
    RESOURCE_UNPUBLISHED = "learning.resource.unpublished", _("Learning resource unpublished")
    RESOURCE_DELETED = "learning.resource.deleted", _("Learning resource deleted")
    # Community contributions with review.
    PROPOSAL_SUBMITTED = "learning.proposal.submitted", _("Resource proposed")
    PROPOSAL_CHANGED = "learning.proposal.changed", _("Proposal changed")
    PROPOSAL_RESUBMITTED = "learning.proposal.resubmitted", _("Proposal resubmitted")
    PROPOSAL_RETURNED = "learning.proposal.returned", _("Proposal returned with comments")
    PROPOSAL_APPROVED = "learning.proposal.approved", _("Proposal approved and published")


class ProposalStatus(models.TextChoices):
    """A member's proposal: waiting for review, returned to them with comments, or approved."""

    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")
