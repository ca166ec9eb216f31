"""The certificate PDF sets a Welsh name in the bundled fonts, its letters actually drawn."""

import shutil
import subprocess

import pytest

from commonplace.certificates.selectors import certificate_pdf
from tests.factories.certificates import CertificateFactory

PDFFONTS, PDFTOTEXT = shutil.which("pdffonts"), shutil.which("pdftotext")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not (PDFFONTS and PDFTOTEXT), reason="needs poppler-utils"),
]


def _run(*args: str) -> str:
    """Run a poppler tool (a fixed, absolute path) on a file the test wrote."""
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout  # noqa: S603


def test_a_welsh_name_is_drawn_from_the_latin_ext_fonts(tmp_path):
    certificate = CertificateFactory(
        recipient_name="Llŷr ap Siôn", achievement__name="Cynrychiolydd dysgu’r undeb: ŵyl"
    )
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf(certificate=certificate))
    text = " ".join(_run(PDFTOTEXT, str(path), "-").split())
    assert "Llŷr ap Siôn" in text
    fonts = _run(PDFFONTS, str(path))
    # ŷ and ŵ are only in the latin-ext subset: it is embedded (once it was silently dropped,
    # leaving a blank where the letter should be, while the text layer still read right).
    names = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
    assert "EB-Garamond-Ext-Bold" in names  # the name is set in bold
    assert all(name.startswith("EB-Garamond") for name in names)  # nothing fell back
