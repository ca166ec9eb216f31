"""The ULR's statutory role and activity, recruitment of ULRs, and organising through learning.

Fields and constraints only; the rules (training deadline, facility year, figures) live in
`selectors`, the writes in `services`. Every row is personal data about a member: the policy
table reaches it through the person's (or the appointment's) place in the tree.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import InvitationStatus, JoinOutcome, UlrFunction


class RepAppointment(TimeStampedModel):
    """A person's appointment as ULR at a workplace or branch, with one employer.

    `notice_given_on` is the day the union told the employer in writing that the member is a
    ULR; the training condition is met when `trained_on` is set, or must be met within six
    months of the notice.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("ULR")
    )
    unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("workplace or branch"),
    )
    employer = models.ForeignKey(
        "organisation.Employer",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("employer"),
    )
    starts_on = models.DateField(_("appointed on"))
    ends_on = models.DateField(_("ended on"), null=True, blank=True)
    notice_given_on = models.DateField(
        _("written notice given to the employer on"), null=True, blank=True
    )
    training_course = models.CharField(_("ULR training course"), max_length=200, blank=True)
    trained_on = models.DateField(_("training completed on"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )

    class Meta:
        verbose_name = _("ULR appointment")
        verbose_name_plural = _("ULR appointments")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "unit", "employer"],
                condition=Q(ends_on__isnull=True),
                name="repappointment_one_open",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="repappointment_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["unit", "ends_on"], name="repappointment_unit")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.unit}"


class TimeEntry(TimeStampedModel):
    """Time a ULR spent on one of the statutory functions on one day."""

    appointment = models.ForeignKey(
        RepAppointment,
        on_delete=models.CASCADE,
        related_name="time_entries",
        verbose_name=_("appointment"),
    )
    on = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(_("minutes"))
    function = models.CharField(_("activity"), max_length=32, choices=UlrFunction.choices)
    paid_facility_time = models.BooleanField(
        _("paid facility time agreed with the employer"), default=False
    )
    events_run = models.PositiveSmallIntegerField(_("events run"), default=0)
    learners_supported = models.PositiveSmallIntegerField(_("learners supported"), default=0)
    note = models.TextField(_("note"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=1440), name="timeentry_minutes_day"
            ),
        ]
        indexes = [models.Index(fields=["appointment", "on"], name="timeentry_appointment_on")]


class TrainingRecord(TimeStampedModel):
    """A course the ULR took (their own training record)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    title = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    completed_on = models.DateField(_("completed on"))
    certificate_reference = models.CharField(_("certificate reference"), max_length=100, blank=True)
    is_ulr_training = models.BooleanField(_("this is ULR training"), default=False)
    # Set when the record came from completing a pathway on the platform (decision 0340).
    pathway = models.ForeignKey(
        "pathways.Pathway",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("learning pathway"),
    )

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "pathway"],
                condition=Q(pathway__isnull=False),
                name="trainingrecord_pathway_once",
            ),
        ]


class RepInvitation(TimeStampedModel):
    """A co-ordinator's invitation to a member to become a ULR at a place."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    unit = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("place")
    )
    employer = models.ForeignKey(
        "organisation.Employer",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("employer"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ULR invitation")
        verbose_name_plural = _("ULR invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status="pending"),
                name="repinvitation_one_pending",
            ),
        ]


class JoinInvitation(TimeStampedModel):
    """A non-member learner invited to join the union, and what came of it."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("learner")
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    invited_on = models.DateField(_("invited on"))
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=JoinOutcome.choices, default=JoinOutcome.PENDING
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation to join")
        verbose_name_plural = _("invitations to join")
        ordering = ["-invited_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="joined") & Q(joined_on__isnull=False))
                | (~Q(outcome="joined") & Q(joined_on__isnull=True)),
                name="joininvitation_joined_has_date",
            ),
        ]


class Progression(TimeStampedModel):
    """A learner went on from one piece of learning to further learning."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("learner")
    )
    from_learning = models.CharField(_("from"), max_length=200)
    to_learning = models.CharField(_("to"), max_length=200)
    progressed_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("progression")
        verbose_name_plural = _("progressions")
        ordering = ["-progressed_on", "-pk"]


class ActivistRecord(TimeStampedModel):
    """A member became active in the union (a workplace contact, steward, ...)."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="+", verbose_name=_("member")
    )
    activity = models.CharField(_("what they took on"), max_length=200)
    became_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("became an activist")
        verbose_name_plural = _("became activists")
        ordering = ["-became_on", "-pk"]
