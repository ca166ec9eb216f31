"""Choices of the ULR's caseload, its limits and its audit codes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentAudience(models.TextChoices):
    """With whom the learner agreed to share what they chose."""

    ULR = "ulr", _("Their union learning rep only")
    TEAM = "team", _("The branch's learning team")
    PARTNER = "partner", _("The learning team and a named partner")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class ConsentSection(models.TextChoices):
    """The parts of a learner's story consent covers, one flag each on `Consent`."""

    CONTACT = "contact", _("Contact details")
    NEEDS = "needs", _("Needs and conversations")
    PLAN = "plan", _("Learning plan and referrals")
    PROGRESS = "progress", _("Learning progress")


class Channel(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")
    MESSAGE = "message", _("Message")


class Topic(models.TextChoices):
    LITERACY = "literacy", _("Literacy")
    NUMERACY = "numeracy", _("Numeracy")
    DIGITAL = "digital", _("Digital skills")
    ESOL = "esol", _("English for speakers of other languages")
    CONFIDENCE = "confidence", _("Confidence")
    QUALIFICATIONS = "qualifications", _("Qualifications")
    CAREER = "career", _("Career")
    FUNDING = "funding", _("Funding")
    OTHER = "other", _("Other")


class ActionOwner(models.TextChoices):
    LEARNER = "learner", _("Learner")
    ULR = "ulr", _("Union learning rep")


class ReferralKind(models.TextChoices):
    RESOURCE = "resource", _("A learning resource")
    PATHWAY = "pathway", _("A learning pathway")
    EVENT = "event", _("An event or course")
    PROVIDER = "provider", _("An external provider")
    UNION_HELP = "union_help", _("Other union help")


class ReferralStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    ACCEPTED = "accepted", _("Accepted")
    STARTED = "started", _("Started")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")


# The date field each referral status stamps when it is reached.
REFERRAL_STATUS_DATES = {
    ReferralStatus.SUGGESTED: "suggested_on",
    ReferralStatus.ACCEPTED: "accepted_on",
    ReferralStatus.STARTED: "started_on",
    ReferralStatus.COMPLETED: "completed_on",
    ReferralStatus.DECLINED: "declined_on",
}


class CaseloadAuditAction(models.TextChoices):
    ENTRY_CREATED = "caseload.entry.created", _("Learner added to a caseload")
    ENTRY_VIEWED = "caseload.entry.viewed", _("Learner's story viewed")
    ENTRY_CHANGED = "caseload.entry.changed", _("Learner's needs changed")
    ENTRY_REASSIGNED = "caseload.entry.reassigned", _("Learner given a new lead ULR")
    CONSENT_RECORDED = "caseload.consent.recorded", _("Consent recorded")
    CONSENT_WITHDRAWN = "caseload.consent.withdrawn", _("Consent withdrawn")
    CONVERSATION_RECORDED = "caseload.conversation.recorded", _("Conversation recorded")
    PLAN_CREATED = "caseload.plan.created", _("Learning plan created")
    PLAN_CHANGED = "caseload.plan.changed", _("Learning plan changed")
    PLAN_SIGNED = "caseload.plan.signed", _("Learning plan signed")
    GOAL_ACHIEVED = "caseload.goal.achieved", _("Learning goal achieved")
    REFERRAL_CREATED = "caseload.referral.created", _("Referral made")
    REFERRAL_CHANGED = "caseload.referral.changed", _("Referral status changed")
