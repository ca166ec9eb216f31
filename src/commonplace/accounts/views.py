"""The user's own account settings page: links to allauth's pages, and the language choice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import FormView

from .forms import LanguageForm
from .services import user_language_set


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
