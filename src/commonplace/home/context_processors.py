from django.http import HttpRequest

from .navigation import NavItem, navigation_for


def navigation(request: HttpRequest) -> dict[str, list[NavItem]]:
    return {"navigation": navigation_for(request)}
