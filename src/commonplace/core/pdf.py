"""PDF documents (certificates, a person's learning record) rendered from HTML by WeasyPrint.

Templates extend `core/pdf/base.html`, which declares the fonts. Everything a document refers to
is read from the app's static files on disk: the fetcher refuses any other URL, so rendering never
touches the network (decision 0220).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


class StaticFilesFetcher(URLFetcher):
    """Serve `file:///static/...` from the static files finders, and `data:` URLs; refuse others."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        prefix = "file://" + settings.STATIC_URL
        found = None
        if url.startswith(prefix):
            try:
                found = finders.find(url[len(prefix) :])
            except SuspiciousFileOperation:
                found = None
        if found:
            path = Path(str(found))
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        if url.startswith("data:"):
            return super().fetch(url, headers)
        raise ValueError(f"refusing to fetch {url}")


def pdf_from_html(html: str) -> bytes:
    """The PDF of an HTML document whose assets are static files."""
    document = HTML(string=html, base_url="file:///", url_fetcher=StaticFilesFetcher())
    return bytes(document.write_pdf())


def pdf_render(*, template: str, context: dict[str, Any]) -> bytes:
    """Render a template (extending `core/pdf/base.html`) to PDF bytes."""
    return pdf_from_html(render_to_string(template, context))
