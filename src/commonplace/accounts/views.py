"""Account views: the settings page (links to allauth's pages, language), and the language and
text-size switches at the foot of every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from commonplace.core.context_processors import TEXT_SIZE_COOKIE

from .forms import LanguageForm
from .models import TextSize
from .services import user_language_set, user_text_size_set


class AccountSettingsView(LoginRequiredMixin, FormView[LanguageForm]):
    template_name = "accounts/account_settings.html"
    form_class = LanguageForm

    def get_initial(self) -> dict[str, Any]:
        return {"language": self.request.user.preferred_language or translation.get_language()}  # type: ignore[union-attr]

    def form_valid(self, form: LanguageForm) -> HttpResponse:
        language = form.cleaned_data["language"]
        user_language_set(user=self.request.user, language=language)  # type: ignore[arg-type]
        translation.activate(language)
        messages.success(self.request, _("Your language has been saved."))
        response = HttpResponseRedirect(reverse("accounts:settings"))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response


ONE_YEAR = 365 * 24 * 3600


def _back(request: HttpRequest) -> HttpResponseRedirect:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    return HttpResponseRedirect(target)


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the language: a cookie for everyone, the account's preference when signed in."""
    code = request.POST.get("language", "")
    if code not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest(_("Unknown language."))
    if request.user.is_authenticated:
        user_language_set(user=request.user, language=code)
    response = _back(request)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@require_POST
def text_size(request: HttpRequest) -> HttpResponse:
    """Set the text size: a cookie for everyone, the account's preference when signed in."""
    size = request.POST.get("size", "")
    if size not in TextSize.values:
        return HttpResponseBadRequest(_("Unknown text size."))
    if request.user.is_authenticated:
        user_text_size_set(user=request.user, size=size)
    response = _back(request)
    response.set_cookie(
        TEXT_SIZE_COOKIE,
        size,
        max_age=ONE_YEAR,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
    )
    return response
