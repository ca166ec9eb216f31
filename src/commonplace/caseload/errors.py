from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class AlreadyInCaseloadError(ConflictError):
    code = "caseload.already_in_caseload"
    default_message = _("This learner is already in a caseload.")


class ConsentMissingError(DomainError):
    code = "caseload.consent_missing"
    default_message = _("The learner has not agreed to share this, so it cannot be recorded.")


class ConsentIncompleteError(DomainError):
    code = "caseload.consent_incomplete"
    default_message = _("Choose at least one thing the learner agreed to share.")


class PartnerNameMissingError(DomainError):
    code = "caseload.partner_name_missing"
    default_message = _("Name the partner the learner agreed to share with.")


class NotAUlrError(DomainError):
    code = "caseload.not_a_ulr"
    default_message = _("The lead must be a union learning rep for the learner's place.")


class FollowUpBeforeConversationError(DomainError):
    code = "caseload.follow_up_before_conversation"
    default_message = _("The follow-up date must be on or after the conversation.")


class ConversationInFutureError(DomainError):
    code = "caseload.conversation_in_future"
    default_message = _("A conversation cannot be recorded for a date in the future.")


class NotYourPlanError(DomainError):
    code = "caseload.not_your_plan"
    default_message = _("You cannot sign this plan.")
    status = 403


class PlanEmptyError(DomainError):
    code = "caseload.plan_empty"
    default_message = _("Add at least one goal before the plan is signed.")


class ReferralTargetMissingError(DomainError):
    code = "caseload.referral_target_missing"
    default_message = _("Choose the learning resource to refer to.")


class PathwayNotOpenToLearnerError(DomainError):
    code = "caseload.pathway_not_open_to_learner"
    default_message = _("Choose only pathways the learner can see and enrol on.")
