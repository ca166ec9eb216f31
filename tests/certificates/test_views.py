"""Certificate pages through URLs: the owner's pages and PDF, staff revoking, refusals (404),
and the public verification page, look-up and Open Badges documents."""

import hashlib
import re
import shutil
import subprocess
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.certificates.services import certificate_issue
from tests.factories.accounts import UserFactory
from tests.factories.organisation import BranchFactory, RegionFactory, UnionFactory

from .conftest import person_with_account

pytestmark = pytest.mark.django_db
PDFTOTEXT, PDFINFO = shutil.which("pdftotext"), shutil.which("pdfinfo")


@pytest.fixture
def certificate(learner, union):
    return certificate_issue(
        recipient=learner,
        achievement_key="pathway:demo-ulr",
        name="Becoming a union learning rep",
        description="The ULR's first steps.",
        criteria="Complete the six required steps.",
        issuer_unit=union,
        hours=Decimal("12.5"),
    )


def _revoke(certificate, reason="Issued in error"):
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason
    certificate.save(update_fields=["revoked_at", "revocation_reason"])


# --- The owner's pages -------------------------------------------------------------------------


def test_my_certificates_lists_mine_only(client, learner, other_learner, union, certificate):
    certificate_issue(
        recipient=other_learner,
        achievement_key="pathway:other",
        name="Digital skills for work",
        description="",
        criteria="",
        issuer_unit=union,
    )
    client.force_login(learner)
    response = client.get("/certificates/")
    assert response.status_code == 200
    assert b"Becoming a union learning rep" in response.content
    assert b"Digital skills for work" not in response.content


def test_my_certificates_is_the_same_number_of_queries_for_one_or_three(
    client, learner, union, certificate
):
    client.force_login(learner)
    client.get("/certificates/")  # warm the session
    with CaptureQueriesContext(connection) as one:
        client.get("/certificates/")
    for n in (2, 3):
        certificate_issue(
            recipient=learner, achievement_key=f"pathway:{n}", name=f"Pathway {n}",
            description="", criteria="", issuer_unit=union,
        )  # fmt: skip
    with CaptureQueriesContext(connection) as three:
        response = client.get("/certificates/")
    assert response.content.count(b"/certificates/") >= 3
    assert len(three) == len(one)


def test_owner_sees_the_certificate_with_its_links(client, learner, certificate):
    client.force_login(learner)
    response = client.get(f"/certificates/{certificate.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"/certificates/verify/{certificate.uuid}/" in body
    assert f"/certificates/openbadges/assertions/{certificate.uuid}/" in body
    assert f"/certificates/{certificate.pk}/pdf/" in body
    assert "Revoke this certificate" not in body
    assert not AuditEvent.objects.filter(action="certificates.certificate.viewed").exists()


@pytest.mark.skipif(not (PDFTOTEXT and PDFINFO), reason="needs poppler-utils")
def test_owner_downloads_a_landscape_pdf_with_name_achievement_and_link(
    client, learner, certificate, tmp_path
):
    client.force_login(learner)
    response = client.get(f"/certificates/{certificate.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(response.content)
    run = subprocess.run  # a fixed, absolute path on a file the test wrote
    text = run([PDFTOTEXT, "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(text.stdout.split())
    assert "Ceri Morgan" in flat
    assert "Becoming a union learning rep" in flat
    assert "Union of Learning Workers".upper() in flat.upper()
    assert "12.5 hours of learning" in flat
    assert f"/certificates/verify/{certificate.uuid}/" in flat
    info = run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)  # one page
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    width, height = float(size.group(1)), float(size.group(2))
    assert width > height  # landscape


# --- Refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "pdf/", "revoke/"])
def test_another_learner_gets_404(client, other_learner, certificate, suffix):
    client.force_login(other_learner)
    assert client.get(f"/certificates/{certificate.pk}/{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", ["", "pdf/", "revoke/"])
def test_anonymous_visitors_are_sent_to_sign_in(client, certificate, suffix):
    response = client.get(f"/certificates/{certificate.pk}/{suffix}")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("suffix", ["", "pdf/", "revoke/"])
def test_staff_of_another_union_get_404(client, certificate, suffix):
    outsider = person_with_account(BranchFactory(), "staff@other.example.org")
    RoleGrant.objects.create(user=outsider, role=Role.STAFF, unit=outsider.person.home_unit.union)
    client.force_login(outsider)
    assert client.get(f"/certificates/{certificate.pk}/{suffix}").status_code == 404


def test_staff_of_another_region_get_404(client, union, certificate):
    region = RegionFactory(parent=union)
    staff = UserFactory()
    RoleGrant.objects.create(user=staff, role=Role.STAFF, unit=region)
    client.force_login(staff)
    assert client.get(f"/certificates/{certificate.pk}/").status_code == 404


def test_the_owner_cannot_revoke_their_own(client, learner, certificate):
    client.force_login(learner)
    response = client.post(f"/certificates/{certificate.pk}/revoke/", {"reason": "Mine"})
    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


# --- Staff in scope ----------------------------------------------------------------------------


@pytest.fixture
def staff(union):
    user = UserFactory()
    RoleGrant.objects.create(user=user, role=Role.STAFF, unit=union)
    return user


def test_staff_in_scope_open_and_download_and_it_is_audited(client, staff, certificate):
    client.force_login(staff)
    page = client.get(f"/certificates/{certificate.pk}/")
    assert page.status_code == 200
    assert b"Revoke this certificate" in page.content
    assert client.get(f"/certificates/{certificate.pk}/pdf/").status_code == 200
    events = AuditEvent.objects.filter(action="certificates.certificate.viewed", actor=staff)
    assert events.count() == 2


def test_staff_revoke_with_a_reason(client, staff, certificate):
    client.force_login(staff)
    response = client.post(f"/certificates/{certificate.pk}/revoke/", {"reason": "Issued in error"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Issued in error"
    assert certificate.revoked_at is not None


def test_revoking_without_a_reason_shows_the_error(client, staff, certificate):
    client.force_login(staff)
    response = client.post(f"/certificates/{certificate.pk}/revoke/", {"reason": "  "})
    assert response.status_code == 400
    assert b"Give the reason for revoking this certificate." in response.content
    assert b"govuk-error-summary" in response.content
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_revoking_twice_is_an_error_not_a_crash(client, staff, certificate):
    _revoke(certificate)
    client.force_login(staff)
    response = client.post(f"/certificates/{certificate.pk}/revoke/", {"reason": "Again"})
    assert response.status_code == 400
    assert b"already been revoked" in response.content


# --- Public verification -----------------------------------------------------------------------


def test_anyone_can_verify_a_valid_certificate(client, certificate):
    response = client.get(f"/certificates/verify/{certificate.uuid}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This certificate is valid" in body
    assert "Ceri Morgan" in body
    assert "Becoming a union learning rep" in body
    assert "Union of Learning Workers" in body
    assert "ceri.morgan@example.org" not in body
    assert "Cardiff Hospitals" not in body  # nothing more about the person: not their branch
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_revoked_certificate_says_so_with_its_date(client, certificate):
    _revoke(certificate)
    response = client.get(f"/certificates/verify/{certificate.uuid}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "This certificate has been revoked" in body
    assert "This certificate is valid" not in body
    assert certificate.revoked_at.strftime("%Y") in body


def test_an_unknown_number_is_404(client, certificate):
    assert (
        client.get("/certificates/verify/6f1c8c2e-0000-4000-8000-000000000000/").status_code == 404
    )
    assert client.get("/certificates/verify/not-a-uuid/").status_code == 404


def test_the_lookup_form_finds_a_number_typed_with_spaces(client, certificate):
    number = str(certificate.uuid).upper().replace("-", " ")
    response = client.get("/certificates/verify/", {"number": f"  {number} "})
    assert response.status_code == 302
    assert response["Location"] == f"/certificates/verify/{certificate.uuid}/"


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("", b"Enter the certificate number."),
        ("12345", b"as it is printed"),
        ("6f1c8c2e-0000-4000-8000-000000000000", b"No certificate has this number."),
    ],
)
def test_the_lookup_form_explains_what_is_wrong(client, certificate, number, message):
    response = client.get("/certificates/verify/", {"number": number})
    assert response.status_code == 400
    assert message in response.content
    assert b"govuk-error-summary" in response.content
    assert number.encode() in response.content  # what was typed is kept


def test_the_lookup_form_is_throttled(client, certificate):
    for _ in range(20):
        client.get("/certificates/verify/", {"number": "12345"})
    response = client.get("/certificates/verify/", {"number": str(certificate.uuid)})
    assert response.status_code == 429
    assert b"too many numbers" in response.content


def test_the_empty_lookup_form_opens(client):
    response = client.get("/certificates/verify/")
    assert response.status_code == 200
    assert b"Certificate number" in response.content


# --- Open Badges 2.0 over HTTP -----------------------------------------------------------------


def test_assertion_is_json_ld_and_its_identity_verifies(client, certificate):
    response = client.get(f"/certificates/openbadges/assertions/{certificate.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    document = response.json()
    assert document["@context"] == "https://w3id.org/openbadges/v2"
    assert document["type"] == "Assertion"
    assert urlsplit(document["id"]).path == response.request["PATH_INFO"]  # its own address
    assert urlsplit(document["badge"]).path.endswith(f"/badges/{certificate.achievement.uuid}/")
    salted = ("ceri.morgan@example.org" + document["recipient"]["salt"]).encode()
    assert document["recipient"]["identity"] == "sha256$" + hashlib.sha256(salted).hexdigest()
    assert b"ceri.morgan" not in response.content


def test_a_revoked_assertion_answers_410_with_the_reason(client, certificate):
    _revoke(certificate, reason="Awarded by mistake")
    response = client.get(f"/certificates/openbadges/assertions/{certificate.uuid}/")
    assert response.status_code == 410
    assert response["Content-Type"] == "application/ld+json"
    document = response.json()
    assert document["revoked"] is True
    assert document["revocationReason"] == "Awarded by mistake"
    assert "recipient" not in document


def test_badge_class_issuer_image_and_criteria_are_public(client, certificate):
    achievement = certificate.achievement
    badge = client.get(f"/certificates/openbadges/badges/{achievement.uuid}/")
    assert badge.status_code == 200
    assert badge["Content-Type"] == "application/ld+json"
    document = badge.json()
    assert document["type"] == "BadgeClass"
    issuer = client.get(urlsplit(document["issuer"]).path)
    assert issuer.status_code == 200
    assert issuer.json()["name"] == "Union of Learning Workers"
    image = client.get(urlsplit(document["image"]).path)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/svg+xml"
    assert b"<svg" in image.content
    assert b"union learning rep" in image.content
    criteria = client.get(urlsplit(document["criteria"]["id"]).path)
    assert criteria.status_code == 200
    assert b"Complete the six required steps." in criteria.content


def test_unknown_open_badges_addresses_are_404(client, certificate):
    unknown = "6f1c8c2e-0000-4000-8000-000000000000"
    for path in (
        f"/certificates/openbadges/assertions/{unknown}/",
        f"/certificates/openbadges/badges/{unknown}/",
        f"/certificates/openbadges/badges/{unknown}/image.svg",
        f"/certificates/openbadges/badges/{unknown}/criteria/",
        f"/certificates/openbadges/issuers/{UnionFactory().pk}/",
    ):
        assert client.get(path).status_code == 404, path


# --- Certificates issued (staff) ---------------------------------------------------------------


def test_staff_list_the_certificates_in_their_scope_only(client, staff, certificate, union):
    outsider = person_with_account(BranchFactory(), "far@other.example.org", "Robin", "Far")
    certificate_issue(
        recipient=outsider, achievement_key="pathway:x", name="Elsewhere pathway",
        description="", criteria="", issuer_unit=outsider.person.union,
    )  # fmt: skip
    client.force_login(staff)
    response = client.get("/certificates/issued/")
    assert response.status_code == 200
    assert b"Ceri Morgan" in response.content
    assert b"Robin Far" not in response.content
    found = client.get("/certificates/issued/", {"q": "union learning"})
    assert b"Ceri Morgan" in found.content
    missed = client.get("/certificates/issued/", {"q": "nothing like it"})
    assert b"Ceri Morgan" not in missed.content
    assert b"No certificates match." in missed.content


def test_learners_cannot_list_certificates_issued(client, learner, certificate):
    client.force_login(learner)
    assert client.get("/certificates/issued/").status_code == 404


def test_the_issued_list_is_the_same_number_of_queries_for_one_or_three(
    client, staff, union, branch, certificate
):
    client.force_login(staff)
    client.get("/certificates/issued/")
    with CaptureQueriesContext(connection) as one:
        client.get("/certificates/issued/")
    for n in (2, 3):
        person = person_with_account(branch, f"p{n}@example.org", "Person", str(n))
        certificate_issue(
            recipient=person, achievement_key=f"pathway:{n}", name=f"Pathway {n}",
            description="", criteria="", issuer_unit=union,
        )  # fmt: skip
    with CaptureQueriesContext(connection) as three:
        response = client.get("/certificates/issued/")
    assert response.content.count(b"Person ") == 2
    assert len(three) == len(one)
