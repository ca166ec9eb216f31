"""Errors of the LRS: those of the xAPI interface carry the HTTP status the specification asks
for; domain errors (`DomainError`) are raised by the services behind the pages."""

from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import ConflictError


class XapiError(Exception):
    status = 400

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class BadRequest(XapiError):
    status = 400


class Unauthorised(XapiError):
    status = 401


class Forbidden(XapiError):
    status = 403


class NotFound(XapiError):
    status = 404


class Conflict(XapiError):
    status = 409


class PreconditionFailed(XapiError):
    status = 412


class ClientAlreadyInactiveError(ConflictError):
    code = "lrs_client_inactive"
    default_message = _("This client was already deactivated.")


class PlatformClientError(ConflictError):
    code = "lrs_client_platform"
    default_message = _(
        "This client holds the platform's own records of what members learn here; its key "
        "opens nothing over HTTP, and it cannot be deactivated."
    )
