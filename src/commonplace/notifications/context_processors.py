"""The unread count shown in the page header on every page."""

from django.http import HttpRequest

from .selectors import notifications_unread_count


def unread(request: HttpRequest) -> dict[str, int | None]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notifications_unread": None}
    return {"notifications_unread": notifications_unread_count(user=user)}
