import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commonplace.learning.enums import ResourceStatus
from commonplace.learning.models import Resource
from commonplace.lrs.selectors import statements_actor_for_user, statements_of_user
from tests.factories.learning import PDF_BYTES, ResourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _new(union, **extra):
    data = {
        "title": "Fractions and percentages at work",
        "kind": "page",
        "summary": "Work out a pay rise.",
        "body": "<p>Ten per cent of 400 is 40.</p>",
        "duration_minutes": "15",
        "level": "entry",
        "audiences": ["members"],
        "language": "en",
        "owner_unit": str(union.pk),
    }
    return {**data, **extra}


def test_catalogue_lists_published_resources_for_a_learner(client, learner, union):
    ResourceFactory(owner_unit=union, title="Organising: the one-to-one conversation")
    ResourceFactory(owner_unit=union, title="Hidden draft", draft=True)
    client.force_login(learner)

    response = client.get("/learning/", {"q": "one-to-one"})

    assert response.status_code == 200
    assert b"Organising: the one-to-one conversation" in response.content
    assert b"Hidden draft" not in response.content


def test_catalogue_htmx_request_gets_the_results_partial(client, learner, union):
    ResourceFactory(owner_unit=union, title="Your right to time off")
    client.force_login(learner)
    response = client.get("/learning/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b"Your right to time off" in response.content


def test_catalogue_query_count_does_not_grow_with_results(client, learner, union):
    ResourceFactory(owner_unit=union)
    client.force_login(learner)
    client.get("/learning/")
    with CaptureQueriesContext(connection) as one:
        client.get("/learning/")
    ResourceFactory.create_batch(2, owner_unit=union)
    with CaptureQueriesContext(connection) as three:
        client.get("/learning/")
    assert len(three) == len(one)


def test_resource_page_of_another_union_is_404(client, outsider, union):
    resource = ResourceFactory(owner_unit=union)
    client.force_login(outsider)
    assert client.get(f"/learning/{resource.slug}/").status_code == 404


def test_draft_page_is_404_for_a_learner(client, learner, union):
    resource = ResourceFactory(owner_unit=union, draft=True)
    client.force_login(learner)
    assert client.get(f"/learning/{resource.slug}/").status_code == 404


def test_resource_page_shows_sanitised_body(client, learner, union):
    resource = ResourceFactory(owner_unit=union, body="<p>Ask your ULR.</p>")
    client.force_login(learner)
    response = client.get(f"/learning/{resource.slug}/")
    assert response.status_code == 200
    assert b"<p>Ask your ULR.</p>" in response.content


def test_learner_may_not_add_a_resource(client, learner, union):
    client.force_login(learner)
    assert client.get("/learning/new/").status_code == 404
    assert client.post("/learning/new/", _new(union)).status_code == 404
    assert not Resource.objects.exists()


def test_staff_add_then_publish_a_resource(client, staff, union):
    client.force_login(staff)

    response = client.post("/learning/new/", _new(union))

    resource = Resource.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/learning/{resource.slug}/"
    assert resource.status == ResourceStatus.DRAFT
    assert client.post(f"/learning/{resource.slug}/publish/").status_code == 302
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.PUBLISHED


def test_staff_edit_a_resource(client, staff, union):
    resource = ResourceFactory(owner_unit=union)
    client.force_login(staff)
    response = client.post(f"/learning/{resource.slug}/edit/", _new(union, title="A better title"))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "A better title"


def test_learner_may_not_publish(client, learner, union):
    resource = ResourceFactory(owner_unit=union, draft=True)
    client.force_login(learner)
    assert client.post(f"/learning/{resource.slug}/publish/").status_code == 404
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.DRAFT


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ....", b"must be a PDF, DOCX or ODT"),
        ("fake.pdf", b"<html>not a pdf</html>", b"not a real PDF"),
    ],
)
def test_bad_upload_is_refused_with_a_field_error(client, staff, union, name, content, message):
    client.force_login(staff)
    upload = SimpleUploadedFile(name, content)
    response = client.post("/learning/new/", {**_new(union, kind="file", body=""), "file": upload})
    assert response.status_code == 200
    assert message in response.content
    assert b'id="id_file-error"' in response.content
    assert not Resource.objects.exists()


def test_too_large_upload_is_refused(client, staff, union, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    client.force_login(staff)
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * (20 * 1024 * 1024))
    response = client.post("/learning/new/", {**_new(union, kind="file", body=""), "file": big})
    assert b"20 MB or smaller" in response.content
    assert not Resource.objects.exists()


def test_good_upload_is_saved_and_downloadable(client, staff, union):
    client.force_login(staff)
    upload = SimpleUploadedFile("guide.pdf", PDF_BYTES, content_type="application/pdf")
    client.post("/learning/new/", {**_new(union, kind="file", body=""), "file": upload})
    resource = Resource.objects.get()
    response = client.get(f"/learning/{resource.slug}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_opening_a_resource_records_one_experienced_statement_a_day(
    client, learner, union, settings
):
    resource = ResourceFactory(owner_unit=union, title="Spotting a stress risk at work")
    client.force_login(learner)

    client.get(f"/learning/{resource.slug}/")
    client.get(f"/learning/{resource.slug}/")

    statements = list(statements_of_user(user=learner))
    assert len(statements) == 1
    data = statements[0].data
    assert data["actor"]["account"] == statements_actor_for_user(learner)["account"]
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/experienced"
    assert data["object"]["id"] == f"{settings.SITE_URL.rstrip('/')}/learning/{resource.slug}/"
    assert data["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson"
    assert data["object"]["definition"]["name"] == {"en": "Spotting a stress risk at work"}


def test_authors_opening_a_draft_records_nothing(client, staff, union):
    resource = ResourceFactory(owner_unit=union, draft=True)
    client.force_login(staff)
    assert client.get(f"/learning/{resource.slug}/").status_code == 200
    assert not statements_of_user(user=staff).exists()


def test_catalogue_filters_by_topic_through_the_form(client, learner, union):
    topic = TopicFactory(slug="health-and-safety", name="Health and safety")
    ResourceFactory(owner_unit=union, title="Spotting a stress risk", topics=[topic])
    ResourceFactory(owner_unit=union, title="Fractions at work")
    client.force_login(learner)
    response = client.get("/learning/", {"topic": "health-and-safety", "level": ""})
    assert b"Spotting a stress risk" in response.content
    assert b"Fractions at work" not in response.content
