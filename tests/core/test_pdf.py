"""PDF rendering: fonts come from the static files, Welsh letters are set in them, and nothing
is fetched from anywhere else."""

import shutil
import subprocess

import pytest
from django.template import Context, Template

from commonplace.core.pdf import StaticFilesFetcher, pdf_from_html

PDFFONTS, PDFTOTEXT = shutil.which("pdffonts"), shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(not (PDFFONTS and PDFTOTEXT), reason="needs poppler-utils")


def _run(*args: str) -> str:
    """Run a poppler tool (a fixed, absolute path) on a file the test wrote."""
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603


DOCUMENT = Template(
    "{% extends 'core/pdf/base.html' %}{% block body %}<h1>Tystysgrif</h1>"
    "<p>Llongyfarchiadau, Siôn: cwblhaodd ŵyl ddysgu’r undeb.</p>{% endblock %}"
)


def test_a_document_embeds_the_bundled_fonts_for_welsh_text(tmp_path):
    pdf = pdf_from_html(DOCUMENT.render(Context()))
    assert pdf.startswith(b"%PDF-")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    fonts = _run(PDFFONTS, str(path))
    embedded = [line for line in fonts.splitlines() if "EB-Garamond" in line]
    assert embedded, fonts
    assert all(" yes " in line for line in embedded)  # embedded, not substituted
    text = _run(PDFTOTEXT, str(path), "-")
    assert "Siôn" in text
    assert "ŵyl" in text


@pytest.mark.parametrize(
    "url", ["https://example.org/font.woff2", "file:///etc/passwd", "file:///static/../../x"]
)
def test_the_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(ValueError, match="refusing"):
        StaticFilesFetcher().fetch(url)
