"""My learning space shows the person's pathways and certificates (page and PDF), only theirs,
at a cost that does not grow with their number."""

import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories.certificates import CertificateFactory
from tests.factories.pathways import EnrolmentFactory, StepFactory, StepProgressFactory

pytestmark = pytest.mark.django_db
PDFTOTEXT = shutil.which("pdftotext")


def _pathway_with_progress(user, *, title, done, total, completed=False):
    enrolment = EnrolmentFactory(
        user=user,
        pathway__title=title,
        completed_at=timezone.now() if completed else None,
    )
    steps = [StepFactory(pathway=enrolment.pathway) for _ in range(total)]
    for step in steps[:done]:
        StepProgressFactory(enrolment=enrolment, step=step)
    return enrolment


def test_the_space_lists_my_pathways_and_certificates(client, learner, other_learner):
    _pathway_with_progress(learner, title="Organising basics", done=1, total=3)
    _pathway_with_progress(learner, title="Digital skills", done=2, total=2, completed=True)
    _pathway_with_progress(other_learner, title="Somebody else's pathway", done=0, total=1)
    mine = CertificateFactory(user=learner, achievement__name="Digital skills certificate")
    CertificateFactory(user=other_learner, achievement__name="Not my certificate")
    client.force_login(learner)

    response = client.get("/my-learning/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "Organising basics" in content
    assert "In progress: 1 of 3 required steps done" in content
    assert "Digital skills" in content
    assert "Completed on" in content
    assert "Digital skills certificate" in content
    assert f"/certificates/verify/{mine.uuid}/" in content
    assert "Somebody else" not in content
    assert "Not my certificate" not in content


def test_an_empty_space_invites_to_a_pathway(client, learner):
    client.force_login(learner)
    content = client.get("/my-learning/").content.decode()
    assert "You have not started a pathway yet." in content
    assert "You have no certificates yet." in content


def test_a_revoked_certificate_shows_no_verification_link(client, learner):
    revoked = CertificateFactory(
        user=learner, revoked_at=timezone.now(), revocation_reason="Issued in error"
    )
    client.force_login(learner)
    content = client.get("/my-learning/").content.decode()
    assert "Revoked" in content
    assert f"/certificates/verify/{revoked.uuid}/" not in content


def test_pathways_and_certificates_cost_the_same_however_many(
    client, learner, django_assert_max_num_queries
):
    _pathway_with_progress(learner, title="First", done=1, total=2)
    CertificateFactory(user=learner)
    client.force_login(learner)
    with CaptureQueriesContext(connection) as small:
        assert client.get("/my-learning/").status_code == 200
        assert client.get("/my-learning/export/my-learning-record.pdf").status_code == 200
    for n in range(6):
        _pathway_with_progress(learner, title=f"More {n}", done=1, total=2, completed=n % 2 == 0)
        CertificateFactory(user=learner)
    with django_assert_max_num_queries(len(small)):
        page = client.get("/my-learning/")
        pdf = client.get("/my-learning/export/my-learning-record.pdf")
    assert page.status_code == 200
    assert pdf.status_code == 200
    assert page.content.decode().count("required steps done") == 4  # the open ones


@pytest.mark.skipif(not PDFTOTEXT, reason="needs poppler-utils")
def test_the_pdf_holds_my_pathways_and_certificates(client, learner, other_learner, tmp_path):
    _pathway_with_progress(learner, title="Organising basics", done=1, total=3)
    _pathway_with_progress(learner, title="Digital skills", done=2, total=2, completed=True)
    _pathway_with_progress(other_learner, title="Somebody else's pathway", done=0, total=1)
    certificate = CertificateFactory(user=learner, achievement__name="Digital skills certificate")
    CertificateFactory(user=other_learner, achievement__name="Not my certificate")
    client.force_login(learner)

    response = client.get("/my-learning/export/my-learning-record.pdf")

    path = tmp_path / "record.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(  # noqa: S603 - a fixed tool on a file the test wrote
        [PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Organising basics" in flat
    assert "1 of 3 required steps" in flat
    assert "Digital skills certificate" in flat
    assert str(certificate.uuid)[:8] in flat
    assert "Somebody else" not in flat
    assert "Not my certificate" not in flat
