"""Values the page shell needs on every page."""

from django.conf import settings
from django.http import HttpRequest

TEXT_SIZE_COOKIE = "commonplace_text_size"
TEXT_SIZES = ("standard", "large", "largest")


def shell(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    size = request.COOKIES.get(TEXT_SIZE_COOKIE, "")
    if user is not None and user.is_authenticated:
        size = getattr(user, "text_size", "") or size
    return {
        "text_size": size if size in TEXT_SIZES else "standard",
        "commonplace_demo": settings.DEMO,
    }
