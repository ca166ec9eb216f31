"""Account middleware: the preferred language follows the user; TOTP set-up comes first.

Sends a user who must use TOTP, and has none yet, to set it up before anything else.

Every role above learner must sign in with TOTP (unless `COMMONPLACE_MFA_REQUIRED` is off, as
in the demo). Until such a user has an authenticator, every page but log-out, the MFA set-up
pages and the re-authentication step allauth may ask for redirects to TOTP activation.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from .selectors import account_needs_totp

ALLOWED_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "mfa_index",
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "set_language",
        "language",
        "text-size",
        "health",
    }
)


class MfaRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_set_up_totp(request):
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _must_set_up_totp(request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        if request.path_info.startswith(settings.STATIC_URL):
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return False
        if url_name in ALLOWED_URL_NAMES:
            return False
        return account_needs_totp(user=user)


class PreferredLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        preferred = getattr(user, "preferred_language", "") if user is not None else ""
        if preferred and preferred in dict(settings.LANGUAGES):
            translation.activate(preferred)
            request.LANGUAGE_CODE = preferred
        return self.get_response(request)
