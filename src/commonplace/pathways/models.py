"""Structured learning pathways: ordered steps, prerequisites, enrolments and progress.

`Pathway.description` is stored already sanitised (`learning.services.body_sanitise`, the
one rich-text sanitiser), so templates may mark it safe. `Step.activity_id` is the xAPI
activity IRI whose completion statement (verb by kind, `enums.COMPLETION_VERB`) marks the
step done: it is set by the services when a step is saved, and indexed, so progress is read
from the LRS with one query.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel
from commonplace.learning.enums import Language, Level

from .enums import PathwayStatus, StepKind


class Pathway(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("web address name"), max_length=220, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    audiences = models.JSONField(_("audience"), default=list, blank=True)
    topics = models.ManyToManyField("learning.Topic", blank=True, related_name="pathways")
    owner_unit = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.PROTECT, related_name="pathways"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PathwayStatus.choices, default=PathwayStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="authored_pathways",
    )
    # "Organising 2 needs Organising 1": pathways to complete before enrolling on this one.
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_by"
    )
    # Completing it is recorded as the ULR's statutory training (the reps app listens to
    # `services.pathway_completed`; decision 0340).
    meets_ulr_training = models.BooleanField(
        _("completing it meets the statutory ULR training condition"), default=False
    )

    class Meta:
        ordering = ["title"]
        verbose_name = _("learning pathway")
        indexes = [models.Index(fields=["status", "owner_unit"], name="pathways_status_unit")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == PathwayStatus.PUBLISHED


class Step(models.Model):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=StepKind.choices)
    required = models.BooleanField(_("required"), default=True)
    resource = models.ForeignKey(
        "learning.Resource", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    quiz = models.ForeignKey(
        "assessment.Quiz", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    project = models.ForeignKey(
        "assessment.ProjectBrief",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed project"),
    )
    session_starts_at = models.DateTimeField(_("when"), null=True, blank=True)
    session_place = models.CharField(_("where, or the online link"), max_length=300, blank=True)
    session_details = models.TextField(_("about the session"), blank=True)
    activity_id = models.CharField(_("xAPI activity IRI"), max_length=500, db_index=True)
    # Steps of the same pathway to finish before this one unlocks.
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="unlocks"
    )

    class Meta:
        ordering = ["pathway_id", "position", "pk"]
        verbose_name = _("pathway step")
        indexes = [models.Index(fields=["pathway", "position"], name="pathways_step_position")]

    def __str__(self) -> str:
        return self.title


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pathway_enrolments"
    )
    pathway = models.ForeignKey(Pathway, on_delete=models.PROTECT, related_name="enrolments")
    enrolled_at = models.DateTimeField(_("enrolled"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at", "-pk"]
        verbose_name = _("pathway enrolment")
        constraints = [
            models.UniqueConstraint(fields=["user", "pathway"], name="pathways_enrolment_once")
        ]
        indexes = [models.Index(fields=["pathway", "completed_at"], name="pathways_enrol_open")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.pathway_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class StepProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("completed"))

    class Meta:
        verbose_name = _("step progress")
        verbose_name_plural = _("step progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "step"], name="pathways_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}:{self.step_id}"
