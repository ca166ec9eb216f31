"""Domain errors: services raise these; views turn them into messages, the API into 4xx."""

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A rule of the domain refused an action. `code` is stable; `message` is translated."""

    code = "domain_error"
    default_message = _("This action is not allowed.")
    status = 400

    def __init__(self, message: str | None = None, *, code: str | None = None) -> None:
        self.message = str(message if message is not None else self.default_message)
        if code is not None:
            self.code = code
        super().__init__(self.message)


class ConflictError(DomainError):
    code = "conflict"
    default_message = _("This conflicts with something already recorded.")
    status = 409
