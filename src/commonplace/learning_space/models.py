"""My learning space: informal learning a person logs, their goals, the resources they saved.

Fields and constraints only. Every row belongs to one account (`user`); the policy table places
it at the person's home unit (`access.policy.KINDS`). Evidence files are checked here, as a
field validator, so a form reports a bad file against its field and nothing is saved; they are
stored under a random name and served only through a permission-checked view.
"""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import (
    EVIDENCE_SIGNATURES,
    MAX_EVIDENCE_BYTES,
    MAX_GOAL,
    MAX_HOURS,
    MAX_TITLE,
    MAX_URL,
    MIN_HOURS,
    GoalStatus,
)


def validate_evidence_file(file: File) -> None:  # type: ignore[type-arg]
    """A PDF, PNG or JPEG image, DOCX or ODT file of at most 10 MB whose first bytes match
    its extension."""
    suffix = PurePath(file.name or "").suffix.lower()
    signature = EVIDENCE_SIGNATURES.get(suffix)
    if signature is None:
        raise ValidationError(
            _("The evidence must be a PDF, a photo (JPEG or PNG), or a DOCX or ODT document."),
            code="type",
        )
    if file.size is not None and file.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(_("The evidence file must be 10 MB or smaller."), code="size")
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(len(signature))
    file.seek(position)
    if head != signature:
        raise ValidationError(
            _("The evidence file is not really the kind of file its name says."), code="content"
        )


def evidence_path(instance: Any, filename: str) -> str:
    """A random name in a folder of its own: the person's file name is kept in `evidence_name`."""
    suffix = PurePath(filename).suffix.lower()
    return f"learning_space/evidence/{uuid.uuid4().hex}{suffix}"


class InformalLearning(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="informal_learning"
    )
    title = models.CharField(_("what you learned"), max_length=MAX_TITLE)
    learned_on = models.DateField(_("when"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(MIN_HOURS), MaxValueValidator(MAX_HOURS)],
    )
    reflection = models.TextField(_("what you got from it"), blank=True)
    url = models.URLField(_("web address"), max_length=MAX_URL, blank=True)
    evidence = models.FileField(
        _("evidence"),
        upload_to=evidence_path,
        blank=True,
        validators=[validate_evidence_file],
    )
    evidence_name = models.CharField(max_length=200, blank=True)
    # The xAPI activity is this entry, for good: its IRI ends with this id.
    activity_uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The statement that records it now (a new one when the entry is changed; voided on delete).
    statement_id = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-learned_on", "-pk"]
        verbose_name = _("informal learning")
        indexes = [
            models.Index(fields=["user", "-learned_on", "-id"], name="ls_informal_user"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0) & models.Q(hours__lte=MAX_HOURS),
                name="ls_informal_hours_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Goal(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_goals"
    )
    text = models.CharField(_("goal"), max_length=MAX_GOAL)
    target_date = models.DateField(_("target date"))
    status = models.CharField(
        _("status"), max_length=10, choices=GoalStatus.choices, default=GoalStatus.OPEN
    )
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)
    activity_uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    statement_id = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["target_date", "pk"]
        verbose_name = _("learning goal")
        indexes = [models.Index(fields=["user", "status", "target_date"], name="ls_goal_user")]

    def __str__(self) -> str:
        return self.text


class SavedResource(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_resources"
    )
    resource = models.ForeignKey(
        "learning.Resource", on_delete=models.CASCADE, related_name="saved_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved resource")
        constraints = [
            models.UniqueConstraint(fields=["user", "resource"], name="ls_saved_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.resource_id}"
