"""This installation's own web addresses, built from `settings.SITE_URL`.

Absolute addresses are needed where a page's link leaves the site: emails, PDFs, Open Badges,
QR codes, and the IRIs of the platform's own xAPI activities.
"""

from django.conf import settings


def site_url(path: str = "") -> str:
    """The absolute address of `path` (which starts with "/") on this installation; the site's
    root without a trailing slash when `path` is empty."""
    return str(settings.SITE_URL).rstrip("/") + path
