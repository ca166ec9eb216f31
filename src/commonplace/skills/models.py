"""Skills checks (initial assessment) and workplace learning-needs surveys.

A skills check has sections; a section has scored questions and result bands (score ranges
with a plain-words explanation and suggested resources). A result belongs to the person who
took it; their ULR and branch learning team see it only through a `ResultShare` the person
agreed to. A survey belongs to a workplace; its answers are anonymous rows with no person,
no IP address and only the day they arrived.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import CheckQuestionKind, CheckStatus, SurveyQuestionKind, SurveyStatus


class SkillsCheck(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)
    owner_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owned by"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=CheckStatus.choices, default=CheckStatus.DRAFT
    )

    class Meta:
        verbose_name = _("skills check")
        verbose_name_plural = _("skills checks")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Section(models.Model):
    skills_check = models.ForeignKey(
        SkillsCheck, on_delete=models.CASCADE, related_name="sections", verbose_name=_("check")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["skills_check", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class CheckQuestion(models.Model):
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("section")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=CheckQuestionKind.choices,
        default=CheckQuestionKind.SINGLE,
    )
    text = models.CharField(_("question"), max_length=500)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class CheckOption(models.Model):
    question = models.ForeignKey(
        CheckQuestion, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("text"), max_length=300)
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class Band(models.Model):
    """A result band of a section: a score range, its name, words and suggestions."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="bands", verbose_name=_("section")
    )
    min_score = models.PositiveSmallIntegerField(_("lowest score"))
    max_score = models.PositiveSmallIntegerField(_("highest score"))
    name = models.CharField(_("name"), max_length=100)
    explanation = models.TextField(_("what it means, in plain words"))
    resources = models.ManyToManyField(
        "learning.Resource", blank=True, related_name="+", verbose_name=_("suggested resources")
    )
    # Slugs of learning pathways to suggest (the pathways app links them when it arrives).
    pathway_refs = models.JSONField(_("suggested pathways"), default=list, blank=True)

    class Meta:
        verbose_name = _("band")
        verbose_name_plural = _("bands")
        ordering = ["section", "min_score", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_score__lte=models.F("max_score")),
                name="skills_band_min_le_max",
            )
        ]

    def __str__(self) -> str:
        return self.name


class SkillsResult(models.Model):
    """One completed check: the person's, whoever else was there."""

    skills_check = models.ForeignKey(
        SkillsCheck, on_delete=models.PROTECT, related_name="results", verbose_name=_("check")
    )
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="skills_results",
        verbose_name=_("person"),
    )
    # The ULR who sat with the person, when they took it together.
    taken_with = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken with"),
    )
    registration = models.UUIDField(_("registration"), default=uuid.uuid4, unique=True)
    completed_at = models.DateTimeField(_("completed"))
    answers = models.JSONField(_("answers"), default=dict)  # question id → option id or scale

    class Meta:
        verbose_name = _("skills check result")
        verbose_name_plural = _("skills check results")
        ordering = ["-completed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.skills_check} ({self.completed_at:%Y-%m-%d})"


class SectionResult(models.Model):
    result = models.ForeignKey(
        SkillsResult, on_delete=models.CASCADE, related_name="sections", verbose_name=_("result")
    )
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="+", verbose_name=_("section")
    )
    score = models.PositiveSmallIntegerField(_("score"))
    max_score = models.PositiveSmallIntegerField(_("out of"))
    band = models.ForeignKey(
        Band, on_delete=models.PROTECT, null=True, related_name="+", verbose_name=_("band")
    )

    class Meta:
        verbose_name = _("section result")
        verbose_name_plural = _("section results")
        ordering = ["result", "section__order", "section__pk"]
        constraints = [
            models.UniqueConstraint(fields=["result", "section"], name="skills_section_result_once")
        ]

    def __str__(self) -> str:
        return f"{self.section}: {self.score}"


class ResultShare(models.Model):
    """The person agreed that their ULR and branch learning team may see this result."""

    result = models.OneToOneField(
        SkillsResult, on_delete=models.CASCADE, related_name="share", verbose_name=_("result")
    )
    shared_at = models.DateTimeField(_("shared"))

    class Meta:
        verbose_name = _("shared result")
        verbose_name_plural = _("shared results")
        ordering = ["-shared_at", "-pk"]

    def __str__(self) -> str:
        return str(self.result)


class Survey(TimeStampedModel):
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    workplace = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("workplace"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("run by"),
    )
    # A staff template to start surveys from; never opened itself.
    is_template = models.BooleanField(_("template"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    # The short address anyone at the workplace answers at: /s/<code>/.
    code = models.CharField(_("short code"), max_length=12, unique=True)
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("learning-needs survey")
        verbose_name_plural = _("learning-needs surveys")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=SurveyQuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    options = models.JSONField(_("options"), default=list, blank=True)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class SurveyResponse(models.Model):
    """One anonymous set of answers: no person, no IP address, only the day it arrived."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    received_on = models.DateField(_("received on"))
    answers = models.JSONField(_("answers"), default=dict)  # question id → index(es) or text

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        ordering = ["survey", "pk"]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.pk}"
