"""The learning catalogue: resources ("tiles") and the topics they are filed under.

`Resource.body` is stored already sanitised (`services.body_sanitise`), so templates may mark
it safe. Uploaded files are checked here, as a field validator, so a form reports a bad file
against its field and nothing is saved.
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import (
    FILE_SIGNATURES,
    MAX_FILE_BYTES,
    Language,
    Level,
    ProposalStatus,
    ResourceKind,
    ResourceStatus,
)
from .validation import captions_file_validate, video_file_validate


def validate_resource_file(file: File) -> None:  # type: ignore[type-arg]
    """A PDF, DOCX or ODT file of at most 20 MB whose first bytes match its extension."""
    suffix = PurePath(file.name or "").suffix.lower()
    signature = FILE_SIGNATURES.get(suffix)
    if signature is None:
        raise ValidationError(_("The file must be a PDF, DOCX or ODT document."), code="type")
    if file.size is not None and file.size > MAX_FILE_BYTES:
        raise ValidationError(_("The file must be 20 MB or smaller."), code="size")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(signature))
    file.seek(position)
    if head != signature:
        raise ValidationError(
            _("The file is not a real PDF, DOCX or ODT document."), code="content"
        )


class Topic(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name = models.CharField(_("name in English"), max_length=100)
    name_cy = models.CharField(_("name in Welsh"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language (English when there is no Welsh)."""
        if (get_language() or "").startswith("cy") and self.name_cy:
            return self.name_cy
        return self.name


class ResourceContent(TimeStampedModel):
    """What a resource says and holds: shared by staff's resources and members' proposals, so
    both are written with the same fields and checked by the same rules."""

    kind = models.CharField(_("kind"), max_length=10, choices=ResourceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    file = models.FileField(
        _("file"), upload_to="learning/%Y/%m/", blank=True, validators=[validate_resource_file]
    )
    video = models.FileField(
        _("video file"),
        upload_to="learning/video/%Y/%m/",
        blank=True,
        validators=[video_file_validate],
    )
    captions = models.FileField(
        _("captions"),
        upload_to="learning/captions/%Y/%m/",
        blank=True,
        validators=[captions_file_validate],
    )
    transcript = models.TextField(_("transcript"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("time it takes, in minutes"))
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    audiences = models.JSONField(_("audience"), default=list, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class Resource(ResourceContent):
    slug = models.SlugField(_("web address name"), max_length=220, unique=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="resources")
    owner_unit = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.PROTECT, related_name="learning_resources"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ResourceStatus.choices, default=ResourceStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learning_resources",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # A tile's owner (decision 0250): "<app>.<model>:<pk>" of the quiz or project brief the
    # tile stands for, e.g. "assessment.quiz:12"; empty for a resource written in the catalogue.
    source = models.CharField(
        _("made from"), max_length=100, blank=True, default="", editable=False
    )

    class Meta:
        ordering = ["-published_at", "title"]
        verbose_name = _("learning resource")
        indexes = [
            models.Index(fields=["status", "owner_unit"], name="learning_status_unit"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source"],
                condition=~models.Q(source=""),
                name="learning_resource_one_tile_per_source",
            )
        ]

    @property
    def is_published(self) -> bool:
        return self.status == ResourceStatus.PUBLISHED

    @property
    def is_tile(self) -> bool:
        """Whether a quiz or project brief owns it: its title, summary, address and status
        follow that object, and only its catalogue metadata is changed here."""
        return bool(self.source)


class Proposal(ResourceContent):
    """A resource proposed by a member. Only they and the reviewers above their place see it;
    when a reviewer approves it, a published `Resource` credited to them is made from it."""

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="learning_proposals",
        verbose_name=_("proposed by"),
    )
    # The proposer's place (their workplace or branch): reviewers at it or above see it.
    unit = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("place")
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="proposals")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted"))
    review_comments = models.TextField(_("reviewer's comments"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    resource = models.OneToOneField(
        Resource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("published resource"),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("proposed resource")
        indexes = [
            models.Index(fields=["status", "unit"], name="learning_proposal_status_unit"),
            models.Index(fields=["proposer", "submitted_at"], name="learning_proposal_proposer"),
        ]

    @property
    def is_open(self) -> bool:
        """Whether the proposer may still change it (it is not approved)."""
        return self.status != ProposalStatus.APPROVED
