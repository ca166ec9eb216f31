"""Project pages through the test client: what learners and assessors see, and every refusal
(another learner's work or file, the queue for learners, outside the assessor's scope, one's
own work, anonymous visitors)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from commonplace.assessment.enums import MarkingOutcome, SubmissionStatus
from commonplace.assessment.models import Marking, Submission
from commonplace.assessment.services import submission_mark, submission_submit
from commonplace.audit.models import AuditEvent
from tests.factories.learning import PDF_BYTES

from .projects import pdf, scores

pytestmark = pytest.mark.django_db


def _submitted(place, user=None, files=None):
    return submission_submit(
        actor=user or place.learner, brief=place.brief, text="My snapshot.", files=files or []
    )


def test_a_learner_reads_the_brief_with_its_rubric(client, place):
    client.force_login(place.learner)
    page = client.get("/projects/map/").content.decode()
    assert "Map your workplace" in page
    assert place.criteria[0].title in page
    assert "Submit your work" in page
    assert "Map your workplace" in client.get("/projects/").content.decode()


def test_a_refused_file_keeps_the_text_and_asks_for_the_files_again(client, place):
    client.force_login(place.learner)
    bad = SimpleUploadedFile("fake.pdf", b"not a pdf at all")
    response = client.post(
        "/projects/map/submit/", {"text": "What I found out", "attachments": [bad]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "What I found out" in page
    assert "not really the kind of file" in page
    assert "choose your files again" in page
    assert not Submission.objects.exists()


def test_a_learner_submits_text_and_a_file_and_sees_it_waiting(client, place):
    client.force_login(place.learner)
    response = client.post("/projects/map/submit/", {"text": "My notes", "attachments": [pdf()]})
    submission = Submission.objects.get(user=place.learner)
    assert response.status_code == 302
    assert response["Location"] == f"/projects/submissions/{submission.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Waiting to be marked" in page
    assert "snapshot.pdf" in page
    file_pk = submission.files.get().pk
    download = client.get(f"/projects/files/{file_pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    # Nothing to submit again while the work waits.
    assert client.get("/projects/map/submit/").status_code == 302


def test_another_learner_never_sees_the_work_or_its_file(client, place):
    submission = _submitted(place, files=[pdf()])
    client.force_login(place.other_learner)
    assert client.get(f"/projects/submissions/{submission.pk}/").status_code == 404
    assert client.get(f"/projects/files/{submission.files.get().pk}/").status_code == 404
    assert client.get(f"/projects/submissions/{submission.pk}/mark/").status_code == 404


def test_a_learner_has_no_marking_queue(client, place):
    _submitted(place)
    client.force_login(place.other_learner)
    assert client.get("/projects/marking/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, place):
    submission = _submitted(place, files=[pdf()])
    for url in (
        "/projects/",
        "/projects/map/",
        "/projects/marking/",
        f"/projects/submissions/{submission.pk}/",
        f"/projects/files/{submission.files.get().pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_an_assessor_outside_the_scope_gets_404(client, place):
    submission = _submitted(place, files=[pdf()])
    client.force_login(place.far_assessor)
    assert submission not in client.get("/projects/marking/").context["page"].object_list
    assert client.get(f"/projects/submissions/{submission.pk}/").status_code == 404
    assert client.get(f"/projects/submissions/{submission.pk}/mark/").status_code == 404
    assert client.get(f"/projects/files/{submission.files.get().pk}/").status_code == 404


def test_an_assessor_never_finds_their_own_work_to_mark(client, place):
    own = _submitted(place, user=place.assessor)
    client.force_login(place.assessor)
    assert own not in client.get("/projects/marking/").context["page"].object_list
    assert client.get(f"/projects/submissions/{own.pk}/mark/").status_code == 404
    response = client.post(
        f"/projects/submissions/{own.pk}/mark/",
        {"feedback": "Mine", "outcome": "passed"},
    )
    assert response.status_code == 404
    assert not Marking.objects.exists()


def _marks(place, *points, feedback="Well observed.", outcome=MarkingOutcome.PASSED):
    data = {"feedback": feedback, "outcome": outcome}
    for criterion, value in zip(place.criteria, points, strict=True):
        data[f"points_{criterion.pk}"] = str(value)
        data[f"comment_{criterion.pk}"] = f"On {criterion.title}"
    return data


def test_an_assessor_marks_from_the_queue_and_the_learner_reads_the_feedback(client, place):
    submission = _submitted(place, files=[pdf()])
    client.force_login(place.assessor)
    queue = client.get("/projects/marking/")
    assert list(queue.context["page"].object_list) == [submission]
    assert client.get(f"/projects/submissions/{submission.pk}/mark/").status_code == 200
    assert (
        AuditEvent.objects.filter(
            action="assessment.submission.viewed", subject_id=str(submission.pk)
        ).count()
        == 1
    )
    response = client.post(f"/projects/submissions/{submission.pk}/mark/", _marks(place, 4, 3, 3))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PASSED

    client.force_login(place.learner)
    page = client.get(f"/projects/submissions/{submission.pk}/").content.decode()
    assert "Well observed." in page
    assert "10 out of 12 points" in page
    assert f"On {place.criteria[0].title}" in page
    assert "Notifications" in page
    assert 'class="cp-count"' in page


def test_marks_out_of_range_show_errors_and_keep_what_was_typed(client, place):
    submission = _submitted(place)
    client.force_login(place.assessor)
    response = client.post(
        f"/projects/submissions/{submission.pk}/mark/",
        _marks(place, 9, 3, 3, feedback="Keep this feedback"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert "Keep this feedback" in page
    assert "less than or equal to 4" in page
    assert not Marking.objects.exists()


def test_a_pass_below_the_pass_mark_is_refused_on_the_page(client, place):
    submission = _submitted(place)
    client.force_login(place.assessor)
    response = client.post(f"/projects/submissions/{submission.pk}/mark/", _marks(place, 1, 1, 1))
    assert response.status_code == 400
    assert "below the pass mark" in response.content.decode()


def test_after_a_resubmission_request_the_learner_sends_version_two(client, place):
    submission = _submitted(place)
    submission_mark(
        actor=place.assessor,
        submission=submission,
        scores=scores(place.criteria, 1, 1, 1),
        feedback="Add who you spoke to.",
        outcome=MarkingOutcome.RESUBMIT,
    )
    client.force_login(place.learner)
    page = client.get(f"/projects/submissions/{submission.pk}/").content.decode()
    assert "Submit your work again" in page
    assert "Add who you spoke to." in page
    assert client.get("/projects/map/submit/").status_code == 200
    response = client.post("/projects/map/submit/", {"text": "Now with names"})
    assert response.status_code == 302
    versions = list(Submission.objects.filter(user=place.learner).order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].status == SubmissionStatus.RESUBMISSION_REQUESTED
