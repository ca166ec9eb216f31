"""Account views: language and text-size preferences (sign-in pages come from django-allauth)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commonplace.core.context_processors import TEXT_SIZE_COOKIE

from .models import TextSize
from .services import user_language_set, user_text_size_set

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
