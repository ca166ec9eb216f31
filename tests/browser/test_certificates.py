"""A rep on a phone opens their certificate, downloads the PDF and the Open Badges 3.0
credential, and a stranger checks it."""

import pytest

from commonplace.accounts.models import User
from commonplace.certificates.models import Certificate
from commonplace.demo.services import demo_load


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=2, members=20, report=lambda _m: None)


def test_rep_downloads_their_certificate_and_anyone_can_verify_it(browse, sign_in, demo):
    rep = User.objects.get(email="ulr@demo.commonplace.test")
    certificate = Certificate.objects.get(
        user=rep, achievement__name="Becoming a union learning rep"
    )
    sign_in(rep)
    page = browse.open("/")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # the menu folds away on a phone
        menu.click()
    browse.follow(page.get_by_role("link", name="My certificates", exact=True))
    assert page.get_by_role("heading", name="My certificates").is_visible()
    browse.follow("Becoming a union learning rep")
    assert page.locator("#main-content").get_by_text("Carys Jenkins").is_visible()
    backpack = page.get_by_label("Open Badge address")
    assert backpack.input_value().endswith(f"/openbadges/assertions/{certificate.uuid}/")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.uuid}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The signed Open Badges 3.0 credential: a compact JWS in a .jwt file.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download Open Badge 3.0").click()
    download = download_info.value
    assert download.suggested_filename == f"open-badge-{certificate.uuid}.jwt"
    with open(download.path(), encoding="ascii") as token:
        assert token.read().count(".") == 2

    verify_link = page.get_by_role("link", name=f"/certificates/verify/{certificate.uuid}/")
    verify_path = "/" + verify_link.get_attribute("href").split("/", 3)[3]

    # Someone with no account (an employer, say) opens the link from the certificate.
    page.context.clear_cookies()
    browse.open(verify_path)
    assert page.get_by_role("heading", name="This certificate is valid").is_visible()
    assert page.get_by_text("Carys Jenkins").is_visible()
    assert "ulr@demo.commonplace.test" not in page.content()
    assert page.get_by_text("Open Badges 3.0 verifiable credential").is_visible()
    browse.follow("What this achievement means")
    assert page.get_by_role("heading", name="How it is earned").is_visible()

    # ... or types the number from a printed copy, with a mistake first.
    page = browse.open("/certificates/verify/")
    page.get_by_label("Certificate number").fill("not a number")
    browse.submit("Check the certificate")
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Certificate number").fill(str(certificate.uuid).upper())
    browse.submit("Check the certificate")
    assert page.get_by_role("heading", name="This certificate is valid").is_visible()
    assert len(browse.pages_checked) == 8


def test_an_administrator_revokes_a_certificate_and_a_stranger_sees_it(browse, sign_in, demo):
    certificate = Certificate.objects.get(
        user__email="organiser@demo.commonplace.test", revoked_at__isnull=True
    )
    sign_in(User.objects.get(email="admin@demo.commonplace.test"))
    page = browse.open("/certificates/issued/")
    page.get_by_label("Name or achievement").fill("Tariq Hussain")
    browse.submit("Search")
    browse.follow("Organising 1: organising in your workplace")
    browse.follow("Revoke this certificate")
    browse.submit("Revoke the certificate")  # no reason given: the page says what is missing
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Why is this certificate being revoked?").fill("Awarded by mistake.")
    browse.submit("Revoke the certificate")
    assert page.get_by_text("The certificate was revoked.").is_visible()

    page.context.clear_cookies()
    page = browse.open(f"/certificates/verify/{certificate.uuid}/")
    assert page.get_by_role("heading", name="This certificate has been revoked").is_visible()
    assert not page.get_by_text("This certificate is valid").count()
    assert len(browse.pages_checked) == 7
