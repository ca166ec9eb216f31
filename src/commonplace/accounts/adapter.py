"""Our allauth adapter: our own wording for log-in refusals, the user's preferred language at
log-in, and no second password prompt when an officer sets up TOTP just after logging in.
(Sign-up is finished by `forms.SignupForm` through `services.account_signup_complete`.)"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .selectors import account_has_authenticator, user_get_by_email
from .services import account_login_record

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.http import HttpRequest, HttpResponse


class AccountAdapter(DefaultAccountAdapter):
    # Our own wording (allauth ships no Welsh), for the refusals a person meets at log-in.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("The email address or password is not right."),
        "too_many_login_attempts": _(
            "Too many failed attempts to log in. Wait a few minutes, then try again, or reset "
            "your password."
        ),
        "rate_limited": _("You have sent too many requests. Wait a minute, then try again."),
    }

    def post_login(
        self, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any
    ) -> HttpResponse:
        """After log-in, switch to the user's stored language (before allauth renders its
        message) and remember it in the language cookie."""
        language = getattr(user, "preferred_language", "")
        if language and language in dict(settings.LANGUAGES):
            translation.activate(language)
        response = super().post_login(request, user, **kwargs)
        account_login_record(user=user, succeeded=True)  # type: ignore[arg-type]
        if language and language in dict(settings.LANGUAGES):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        """Audit a wrong password for an existing account (unknown addresses leave no row)."""
        user = user_get_by_email(email=str(credentials.get("email", "")))
        if user is not None:
            account_login_record(user=user, succeeded=False)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Setting up a first authenticator straight after logging in with a password needs
        no second password prompt (the MFA requirement sends officers there at log-in)."""
        if app == "allauth.mfa" and self._logged_in_recently_without_mfa():
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def _logged_in_recently_without_mfa(self) -> bool:
        request = self.request
        user = getattr(request, "user", None)
        if request is None or user is None or not user.is_authenticated:
            return False
        if account_has_authenticator(user=user):
            return False
        records = get_authentication_records(request, user)
        recent = [r for r in records if r.get("method") == "password"]
        timeout = account_settings.REAUTHENTICATION_TIMEOUT
        return bool(recent) and time.time() - float(recent[-1]["at"]) < timeout
