import json
import re
import shutil
import subprocess
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from commonplace.learning_space.views import bookmarklet_href
from commonplace.lrs.models import Statement
from tests.factories.learning import PDF_BYTES, ResourceFactory
from tests.factories.learning_space import (
    GoalFactory,
    InformalLearningFactory,
    SavedResourceFactory,
)
from tests.factories.lrs import StatementFactory, account_agent

pytestmark = pytest.mark.django_db
PDFTOTEXT = shutil.which("pdftotext")


def _form(**extra):
    return {
        "title": "Library workshop: writing a CV",
        "learned_on": str(timezone.localdate() - timedelta(days=2)),
        "hours": "1,5",
        "reflection": "Put the newest job first.",
        "url": "https://library.example.org/workshops/cv",
        **extra,
    }


def test_log_informal_learning_with_evidence(client, learner):
    client.force_login(learner)
    evidence = SimpleUploadedFile("attendance.pdf", PDF_BYTES, content_type="application/pdf")

    response = client.post("/my-learning/informal/new/", {**_form(), "evidence": evidence})

    assert response.status_code == 302
    entry = learner.informal_learning.get()
    assert str(entry.hours) == "1.50"
    assert entry.evidence_name == "attendance.pdf"
    page = client.get("/my-learning/")
    assert b"Library workshop: writing a CV" in page.content
    download = client.get(f"/my-learning/informal/{entry.pk}/evidence/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "attendance.pdf" in download["Content-Disposition"]


def test_a_failed_submission_keeps_what_was_typed_and_writes_nothing(client, learner):
    client.force_login(learner)
    bad = SimpleUploadedFile("evil.pdf", b"<script>alert(1)</script>")

    response = client.post(
        "/my-learning/informal/new/",
        {**_form(hours="0", url="javascript:alert(1)"), "evidence": bad},
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "The hours must be more than 0." in content
    assert "http:// or https://" in content
    assert "not really" in content
    assert 'value="Library workshop: writing a CV"' in content
    assert "Put the newest job first." in content
    assert not learner.informal_learning.exists()
    assert not Statement.objects.exists()


def test_another_learners_entry_and_evidence_are_404(client, learner, other_learner):
    entry = InformalLearningFactory(user=other_learner, with_evidence=True)
    goal = GoalFactory(user=other_learner)
    client.force_login(learner)
    for path in (
        f"/my-learning/informal/{entry.pk}/edit/",
        f"/my-learning/informal/{entry.pk}/delete/",
        f"/my-learning/informal/{entry.pk}/evidence/",
        f"/my-learning/goals/{goal.pk}/edit/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/my-learning/informal/{entry.pk}/delete/").status_code == 404
    assert (
        client.post(f"/my-learning/goals/{goal.pk}/status/", {"status": "dropped"}).status_code
        == 404
    )
    entry.refresh_from_db()
    goal.refresh_from_db()
    assert goal.status == "open"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for path in (
        "/my-learning/",
        "/my-learning/save?url=https://x.org",
        "/my-learning/export/my-learning-record.pdf",
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_my_space_lists_only_my_entries(client, learner, other_learner):
    InformalLearningFactory(user=other_learner, title="Their secret course")
    InformalLearningFactory(user=learner, title="Reading the union's guide to rights at work")
    client.force_login(learner)
    content = client.get("/my-learning/informal/").content
    assert b"Reading the union" in content
    assert b"Their secret course" not in content


def test_delete_voids_the_statement(client, learner):
    client.force_login(learner)
    client.post("/my-learning/informal/new/", _form())
    entry = learner.informal_learning.get()
    assert client.get(f"/my-learning/informal/{entry.pk}/delete/").status_code == 200
    response = client.post(f"/my-learning/informal/{entry.pk}/delete/")
    assert response.status_code == 302
    assert Statement.objects.get(statement_id=entry.statement_id).voided


def test_share_link_prefills_and_never_saves_on_get(client, learner):
    client.force_login(learner)
    response = client.get(
        "/my-learning/save",
        {"url": "https://www.tuc.org.uk/guide", "title": "  A guide\nto your rights  " + "x" * 300},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="https://www.tuc.org.uk/guide"' in content
    title = re.search(r'name="title" value="([^"]*)"', content).group(1)
    assert title.startswith("A guide to your rights x")
    assert len(title) == 200  # cut to its limit
    assert 'action="/my-learning/informal/new/"' in content
    assert not learner.informal_learning.exists()
    assert not Statement.objects.exists()


def test_share_link_drops_an_address_that_is_not_http(client, learner):
    client.force_login(learner)
    content = client.get("/my-learning/save", {"url": "javascript:alert(1)", "title": "Hi"}).content
    assert b"javascript:alert" not in content
    assert b"could not be used" in content


def test_saving_needs_csrf(learner):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post("/my-learning/informal/new/", _form()).status_code == 403
    assert not learner.informal_learning.exists()


def test_bookmarklet_href_is_well_formed(client, learner):
    client.force_login(learner)
    content = client.get("/my-learning/bookmarklet/").content.decode()
    href = bookmarklet_href(target="http://testserver/my-learning/save")
    assert href.startswith("javascript:")
    code = unquote(href.removeprefix("javascript:"))
    assert code.startswith("(function(){")
    assert code.endswith("})();")
    assert '"http://testserver/my-learning/save"' in code
    assert "encodeURIComponent(location.href)" in code
    assert "encodeURIComponent(document.title)" in code
    assert " " not in href
    assert '"' not in href
    assert "<" not in href
    assert 'href="javascript:' in content
    assert "<script" not in content.split("</head>", 1)[1]  # no inline script on the page
    # A target with a quote cannot break out of the string.
    hostile = unquote(bookmarklet_href(target='http://x/"+alert(1)+"'))
    assert '"http://x/\\"+alert(1)+\\""' in hostile


def test_goals_set_achieve_and_overdue(client, learner):
    client.force_login(learner)
    target = timezone.localdate() + timedelta(days=30)
    response = client.post(
        "/my-learning/goals/", {"text": "Pass level 1 maths", "target_date": str(target)}
    )
    assert response.status_code == 302
    goal = learner.learning_goals.get()
    client.post(f"/my-learning/goals/{goal.pk}/status/", {"status": "achieved"})
    goal.refresh_from_db()
    assert goal.status == "achieved"
    assert Statement.objects.filter(statement_id=goal.statement_id).exists()
    GoalFactory(
        user=learner, text="Finish the CV", target_date=timezone.localdate() - timedelta(days=2)
    )
    content = client.get("/my-learning/goals/").content.decode()
    assert "Overdue" in content


def test_goal_with_a_past_date_shows_an_error(client, learner):
    client.force_login(learner)
    response = client.post(
        "/my-learning/goals/",
        {"text": "Pass", "target_date": str(timezone.localdate() - timedelta(1))},
    )
    assert response.status_code == 200
    assert b"today or later" in response.content
    assert not learner.learning_goals.exists()


def test_save_for_later_toggle_on_the_resource_page(client, learner, union):
    resource = ResourceFactory(owner_unit=union, title="Your right to time off for learning")
    client.force_login(learner)
    page = client.get(f"/learning/{resource.slug}/").content.decode()
    assert "Save for later" in page

    response = client.post(
        "/my-learning/saved/",
        {"resource": resource.slug, "save": "1", "next": f"/learning/{resource.slug}/"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/learning/{resource.slug}/"
    assert "Stop saving it" in client.get(f"/learning/{resource.slug}/").content.decode()
    assert b"Your right to time off" in client.get("/my-learning/saved/").content

    htmx = client.post(
        "/my-learning/saved/", {"resource": resource.slug, "save": ""}, HTTP_HX_REQUEST="true"
    )
    assert b"<html" not in htmx.content
    assert b"Save for later" in htmx.content
    assert not learner.saved_resources.exists()


def test_save_refuses_another_unions_resource_and_an_outside_next(client, learner, union):
    elsewhere = ResourceFactory()
    client.force_login(learner)
    assert (
        client.post("/my-learning/saved/", {"resource": elsewhere.slug, "save": "1"}).status_code
        == 404
    )
    mine = ResourceFactory(owner_unit=union)
    response = client.post(
        "/my-learning/saved/", {"resource": mine.slug, "save": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/my-learning/saved/"


@pytest.mark.skipif(not PDFTOTEXT, reason="needs poppler-utils")
def test_export_pdf_holds_my_record_only(client, learner, other_learner, tmp_path):
    InformalLearningFactory(user=learner, title="Spreadsheets on YouTube")
    InformalLearningFactory(user=other_learner, title="Somebody else's workshop")
    GoalFactory(user=learner, text="Pass level 1 maths")
    StatementFactory(actor=account_agent(learner), name="Health and safety at work")
    client.force_login(learner)

    response = client.get("/my-learning/export/my-learning-record.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "record.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(  # noqa: S603 - a fixed tool on a file the test wrote
        [PDFTOTEXT, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Spreadsheets on YouTube" in text
    assert "Pass level 1 maths" in text
    assert "Health and safety at work" in text
    assert "Somebody else" not in text


def test_export_json_is_my_statements_only(client, learner, other_learner):
    client.force_login(learner)
    client.post("/my-learning/informal/new/", _form())
    StatementFactory(actor=account_agent(other_learner))
    export = client.get("/my-learning/export/").content.decode()
    assert 'href="/lrs/mine/statements.json"' in export

    data = json.loads(client.get("/lrs/mine/statements.json").content)

    assert len(data) == 1
    statement = data[0]
    assert statement["actor"]["account"]["name"] == str(learner.pk)
    assert {"id", "actor", "verb", "object", "stored", "timestamp", "authority", "version"} <= set(
        statement
    )
    assert statement["result"]["duration"] == "PT1H30M"


def test_saved_resources_of_another_learner_are_not_shown(client, learner, other_learner, union):
    SavedResourceFactory(
        user=other_learner, resource=ResourceFactory(owner_unit=union, title="Theirs")
    )
    client.force_login(learner)
    assert b"Theirs" not in client.get("/my-learning/saved/").content


def test_the_space_speaks_welsh_and_names_activities_in_welsh(client, learner):
    learner.preferred_language = "cy"
    learner.save()
    StatementFactory(actor=account_agent(learner), name="Safety")
    client.force_login(learner)
    client.cookies["commonplace_language"] = "cy"

    content = client.get("/my-learning/").content.decode()

    assert "Fy ngofod dysgu" in content
    assert "Yr hyn a ddysgais" in content
    assert "Safety (cy)" in content
