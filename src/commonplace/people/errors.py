from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError, DomainError


class MembershipDatesError(DomainError):
    code = "membership_dates"
    default_message = _(
        "A lapsed member needs the date their membership lapsed, on or after the date they joined."
    )


class PersonAlreadyLinkedError(ConflictError):
    code = "person_already_linked"
    default_message = _("This membership record already has an account.")
