"""WSGI entry point (granian in production: see the README's production notes).

Requests under /xapi/ go through Django with a short middleware list (`XAPI_MIDDLEWARE`): the
xAPI interface has no sessions, cookies, CSRF, messages, pages or languages, and its clients
send thousands of statements a second, so the page middleware would only cost time.
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.base")
pages = get_wsgi_application()
if not settings.SECRET_KEY_SET:
    raise ImproperlyConfigured(settings.SECRET_KEY_MISSING)  # never serve without one


class XapiHandler(WSGIHandler):
    """Django's handler, built with the xAPI middleware list instead of the pages' one."""

    def load_middleware(self, is_async: bool = False) -> None:
        page_middleware = settings.MIDDLEWARE
        settings.MIDDLEWARE = settings.XAPI_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = page_middleware


xapi = XapiHandler()


def application(environ, start_response):  # type: ignore[no-untyped-def]
    if environ.get("PATH_INFO", "").startswith("/xapi/"):
        return xapi(environ, start_response)
    return pages(environ, start_response)
