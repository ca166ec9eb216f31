"""Domain errors of sign-up."""

from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class MembershipNotMatchedError(DomainError):
    code = "membership_not_matched"
    # One message for an unknown number, a wrong surname and an already-claimed record, so the
    # form never reveals whether a membership number exists.
    default_message = _(
        "We could not match these details to a membership record. Check your membership number "
        "and surname, or sign up as a non-member."
    )
