from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class NotYourAppointmentError(DomainError):
    code = "not_your_appointment"
    default_message = _("You can only log time against your own ULR appointment.")


class AppointmentEndedError(DomainError):
    code = "appointment_ended"
    default_message = _("This appointment has ended: time can no longer be logged against it.")


class TimeEntryInvalidError(DomainError):
    code = "time_entry_invalid"
    default_message = _("Enter between 1 minute and 24 hours, on a day that is not in the future.")


class AppointmentDatesError(DomainError):
    code = "appointment_dates"
    default_message = _(
        "Check the dates: none may be in the future, and training cannot be recorded without "
        "a course and a date."
    )


class AppointmentExistsError(ConflictError):
    code = "appointment_exists"
    default_message = _("This person already has an open ULR appointment at that place.")


class NotInScopeError(DomainError):
    code = "not_in_scope"
    default_message = _("You cannot act for that person or place.")


class InvitationExistsError(ConflictError):
    code = "invitation_exists"
    default_message = _("This member already has an invitation waiting for an answer.")


class InvitationAnsweredError(ConflictError):
    code = "invitation_answered"
    default_message = _("This invitation has already been answered.")


class InviteeNotEligibleError(DomainError):
    code = "invitee_not_eligible"
    default_message = _(
        "Only a member with an account on Commonplace can be invited to become a ULR."
    )


class NotANonMemberError(DomainError):
    code = "not_a_non_member"
    default_message = _("Only a non-member can be invited to join the union.")


class JoinOutcomeError(DomainError):
    code = "join_outcome_invalid"
    default_message = _(
        "Give the date they joined (not before the invitation, not in the future), and only "
        "when they joined."
    )


class DateInFutureError(DomainError):
    code = "date_in_future"
    default_message = _("The date cannot be in the future.")


class JoinInvitationExistsError(ConflictError):
    code = "join_invitation_exists"
    default_message = _("This learner already has an invitation to join with no outcome yet.")


class JoinedIsFinalError(ConflictError):
    code = "joined_is_final"
    default_message = _(
        "This learner has joined: their membership is kept on their profile, not changed here."
    )


class TextRequiredError(DomainError):
    code = "text_required"
    default_message = _("Fill in every required field.")
