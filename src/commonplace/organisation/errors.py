from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError


class UnitMoveError(DomainError):
    code = "unit_move"
    default_message = _("This unit cannot go there.")


class DuplicateCodeError(DomainError):
    code = "duplicate_code"
    default_message = _("Another unit of this union already has that code.")
