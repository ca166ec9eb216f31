"""The ULR's caseload: who they support, what the learner agreed to share, conversations,
learning plans (goals, actions, linked resources and pathways, courses and events) and
referrals.

Everything here is personal data about a learner: rows are scoped by the learner's unit path
(`access.policy`), narrowed by the learner's consent (`selectors`), and every read of a
learner's story and every write is audited.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import (
    ActionOwner,
    Channel,
    ConsentAudience,
    ConsentMethod,
    ReferralKind,
    ReferralStatus,
)


class CaseloadEntry(TimeStampedModel):
    """A learner in a branch's caseload, looked after by a named lead ULR."""

    learner = models.OneToOneField(
        "people.Person",
        on_delete=models.CASCADE,
        related_name="caseload_entry",
        verbose_name=_("learner"),
    )
    branch = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("branch"),
    )
    lead_ulr = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="caseload_entries",
        verbose_name=_("lead union learning rep"),
    )
    # The consent in force (its history stays in `Consent`); None only while being created.
    consent = models.ForeignKey(
        "Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent in force"),
    )
    needs = models.TextField(_("learning needs"), blank=True)

    class Meta:
        verbose_name = _("caseload entry")
        verbose_name_plural = _("caseload entries")
        indexes = [models.Index(fields=["lead_ulr", "branch"], name="caseload_entry_lead")]

    def __str__(self) -> str:
        return str(self.learner)

    @property
    def person(self) -> models.Model:
        """The person the entry is about (the audit log files its rows under them)."""
        return self.learner


class Consent(TimeStampedModel):
    """What the learner agreed to share, with whom, when and how. A change is a new row."""

    entry = models.ForeignKey(
        CaseloadEntry, on_delete=models.CASCADE, related_name="consents", verbose_name=_("entry")
    )
    shares_contact = models.BooleanField(_("contact details"), default=False)
    shares_needs = models.BooleanField(_("needs and conversations"), default=False)
    shares_plan = models.BooleanField(_("learning plan and referrals"), default=False)
    shares_progress = models.BooleanField(_("learning progress"), default=False)
    audience = models.CharField(
        _("shared with"), max_length=16, choices=ConsentAudience.choices, default="ulr"
    )
    partner_name = models.CharField(_("partner"), max_length=150, blank=True)
    given_on = models.DateField(_("agreed on"))
    method = models.CharField(_("agreed"), max_length=16, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry} ({self.given_on:%Y-%m-%d})"


class Conversation(TimeStampedModel):
    """An advice-and-guidance contact with a learner."""

    entry = models.ForeignKey(
        CaseloadEntry,
        on_delete=models.CASCADE,
        related_name="conversations",
        verbose_name=_("entry"),
    )
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=150, blank=True)
    channel = models.CharField(_("how"), max_length=16, choices=Channel.choices)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    agreed = models.TextField(_("what was agreed"), blank=True)
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    # Set when a later conversation with the learner took the follow-up up.
    follow_up_done_on = models.DateField(_("followed up on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["follow_up_on", "follow_up_done_on"], name="conversation_followup")
        ]

    @property
    def person(self) -> models.Model:
        """The person this is about (the audit log files its rows under them)."""
        return self.entry.learner

    def __str__(self) -> str:
        return f"{self.entry} ({self.held_on:%Y-%m-%d})"


class LearningPlan(TimeStampedModel):
    """The learner's plan, agreed with their ULR and signed by both."""

    entry = models.OneToOneField(
        CaseloadEntry, on_delete=models.CASCADE, related_name="plan", verbose_name=_("entry")
    )
    summary = models.TextField(_("what the learner wants to achieve"), blank=True)
    courses = models.TextField(_("courses and events"), blank=True)
    resources = models.ManyToManyField(
        "learning.Resource", blank=True, related_name="+", verbose_name=_("learning resources")
    )
    # Pathways open to the learner (`selectors.pathways_for_plan`); progress on them is read
    # from the pathways app, shown only as far as the learner's consent shares progress.
    pathways = models.ManyToManyField(
        "pathways.Pathway", blank=True, related_name="+", verbose_name=_("learning pathways")
    )
    learner_signed_at = models.DateTimeField(_("signed by the learner"), null=True, blank=True)
    ulr_signed_at = models.DateTimeField(_("signed by the ULR"), null=True, blank=True)
    ulr_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")

    @property
    def person(self) -> models.Model:
        """The person this is about (the audit log files its rows under them)."""
        return self.entry.learner

    def __str__(self) -> str:
        return str(self.entry)

    @property
    def is_signed(self) -> bool:
        return self.learner_signed_at is not None and self.ulr_signed_at is not None


class Goal(TimeStampedModel):
    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=300)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)

    class Meta:
        ordering = ["target_on", "pk"]

    def __str__(self) -> str:
        return self.text


class PlanAction(TimeStampedModel):
    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("who does it"), max_length=16, choices=ActionOwner.choices)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text


class Referral(TimeStampedModel):
    """A referral to learning or help. A pathway is stored as kind + reference + label, so it
    can be linked once the pathways app exists."""

    entry = models.ForeignKey(
        CaseloadEntry, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("entry")
    )
    kind = models.CharField(_("referred to"), max_length=16, choices=ReferralKind.choices)
    reference = models.CharField(_("reference"), max_length=200, blank=True)
    label = models.CharField(_("what or who"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=ReferralStatus.choices, default="suggested"
    )
    suggested_on = models.DateField(_("suggested on"))
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    declined_on = models.DateField(_("declined on"), null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-suggested_on", "-pk"]

    @property
    def person(self) -> models.Model:
        """The person this is about (the audit log files its rows under them)."""
        return self.entry.learner

    def __str__(self) -> str:
        return self.label
