"""Choices and audit codes of the reps app: the ULR's statutory functions, training status,
invitation and joining outcomes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UlrFunction(models.TextChoices):
    """The statutory functions of a union learning rep (TULRCA 1992 s.168A(2)), for which
    paid time off is due, as the time log records them."""

    ANALYSING_NEEDS = "analysing_needs", _("Analysing learning or training needs")
    INFORMATION_ADVICE = "information_advice", _("Information and advice about learning")
    ARRANGING = "arranging", _("Arranging learning or training")
    PROMOTING = "promoting", _("Promoting the value of learning")
    CONSULTING = "consulting", _("Consulting the employer about learning")
    PREPARING = "preparing", _("Preparing for these")


class TrainingStatus(models.TextChoices):
    """Where a ULR stands with the statutory training condition."""

    TRAINED = "trained", _("Trained")
    NO_NOTICE = "no_notice", _("No written notice yet")
    DUE = "due", _("Training due")
    LAPSING = "lapsing", _("Training due within 30 days")
    LAPSED = "lapsed", _("Training deadline passed")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class JoinOutcome(models.TextChoices):
    PENDING = "pending", _("Not decided yet")
    JOINED = "joined", _("Joined the union")
    DECLINED = "declined", _("Decided not to join")
    NO_REPLY = "no_reply", _("No reply")


class RepsAuditAction(models.TextChoices):
    APPOINTMENT_CREATED = "reps.appointment.created", _("ULR appointment recorded")
    APPOINTMENT_CHANGED = "reps.appointment.changed", _("ULR appointment changed")
    NOTICE_VIEWED = "reps.notice.viewed", _("ULR notice letter opened")
    TIME_LOGGED = "reps.time.logged", _("ULR time logged")
    TIME_DELETED = "reps.time.deleted", _("ULR time entry deleted")
    TRAINING_RECORDED = "reps.training.recorded", _("ULR training recorded")
    INVITATION_CREATED = "reps.invitation.created", _("Invited to become a ULR")
    INVITATION_ACCEPTED = "reps.invitation.accepted", _("ULR invitation accepted")
    INVITATION_DECLINED = "reps.invitation.declined", _("ULR invitation declined")
    JOIN_INVITED = "reps.join.invited", _("Non-member invited to join")
    JOIN_CHANGED = "reps.join.changed", _("Joining outcome recorded")
    PROGRESSION_RECORDED = "reps.progression.recorded", _("Progression recorded")
    ACTIVIST_RECORDED = "reps.activist.recorded", _("Became an activist recorded")
