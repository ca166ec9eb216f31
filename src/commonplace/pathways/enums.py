"""Choices of learning pathways, the xAPI verb that completes each kind of step, and audit
codes.

A new kind of step (the assessed project was the last one added) is a member of `StepKind`,
its completion verb in `COMPLETION_VERB`, its target field on `Step` (`TARGET_FIELD`) and its
activity IRI in `services.STEP_ACTIVITY_ID`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.lrs import vocabulary


class PathwayStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class StepKind(models.TextChoices):
    RESOURCE = "resource", _("Learning resource")
    QUIZ = "quiz", _("Quiz")
    SESSION = "session", _("Live session")
    PROJECT = "project", _("Assessed project")


# The verb of a statement that completes a step of each kind (its object: the step's activity).
COMPLETION_VERB: dict[str, vocabulary.Verb] = {
    StepKind.RESOURCE: vocabulary.COMPLETED,
    StepKind.QUIZ: vocabulary.PASSED,
    StepKind.SESSION: vocabulary.ATTENDED,
    StepKind.PROJECT: vocabulary.PASSED,
}
COMPLETION_VERB_IRIS = frozenset(verb.iri for verb in COMPLETION_VERB.values())

# The field of `Step` naming what a step of each kind points at (None: the step itself).
TARGET_FIELD: dict[str, str | None] = {
    StepKind.RESOURCE: "resource",
    StepKind.QUIZ: "quiz",
    StepKind.SESSION: None,
    StepKind.PROJECT: "project",
}


class StepState(models.TextChoices):
    """Where a learner stands with a step, as the pathway page shows it."""

    DONE = "done", _("Done")
    NEXT = "next", _("Next")
    AVAILABLE = "available", _("Ready to start")
    LOCKED = "locked", _("Locked")


class Direction(models.TextChoices):
    UP = "up", _("Up")
    DOWN = "down", _("Down")


class PathwaysAuditAction(models.TextChoices):
    PATHWAY_CREATED = "pathways.pathway.created", _("Pathway created")
    PATHWAY_CHANGED = "pathways.pathway.changed", _("Pathway changed")
    PATHWAY_PUBLISHED = "pathways.pathway.published", _("Pathway published")
    PATHWAY_UNPUBLISHED = "pathways.pathway.unpublished", _("Pathway unpublished")
    STEP_ADDED = "pathways.step.added", _("Pathway step added")
    STEP_CHANGED = "pathways.step.changed", _("Pathway step changed")
    STEP_REMOVED = "pathways.step.removed", _("Pathway step removed")
    STEP_MOVED = "pathways.step.moved", _("Pathway step moved")
    ENROLMENT_CREATED = "pathways.enrolment.created", _("Enrolled on a pathway")
    ENROLMENT_COMPLETED = "pathways.enrolment.completed", _("Pathway completed")
