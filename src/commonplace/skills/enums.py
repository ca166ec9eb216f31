"""Choices and audit codes of the skills app (skills checks and learning-needs surveys)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class CheckQuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice, a score per option")
    SCALE = "scale", _("A scale from 1 to 5")


# The scores of a scale question: the number chosen.
SCALE_SCORES = (1, 2, 3, 4, 5)


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class SurveyQuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TEXT = "text", _("Free text")


# Cells of a survey's results with fewer answers than this are shown as "fewer than 5", and
# free-text answers are shown only when the survey has at least this many answers.
SMALL_NUMBER = 5


class SkillsAuditAction(models.TextChoices):
    CHECK_CREATED = "skills.check.created", _("Skills check created")
    CHECK_CHANGED = "skills.check.changed", _("Skills check changed")
    CHECK_PUBLISHED = "skills.check.published", _("Skills check published")
    RESULT_RECORDED = "skills.result.recorded", _("Skills check result recorded")
    RESULT_SHARED = "skills.result.shared", _("Skills check result shared")
    RESULT_UNSHARED = "skills.result.unshared", _("Skills check result share withdrawn")
    RESULT_VIEWED = "skills.result.viewed", _("Shared skills check result viewed")
    SURVEY_CREATED = "skills.survey.created", _("Learning-needs survey created")
    SURVEY_CHANGED = "skills.survey.changed", _("Learning-needs survey changed")
    SURVEY_OPENED = "skills.survey.opened", _("Learning-needs survey opened")
    SURVEY_CLOSED = "skills.survey.closed", _("Learning-needs survey closed")
