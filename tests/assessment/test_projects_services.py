"""Assessed projects: submitting (versions, files), marking within the rubric, resubmission,
the assessor's scope, notifications and xAPI statements."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from commonplace.assessment.enums import MarkingOutcome, ProjectStatus, SubmissionStatus
from commonplace.assessment.errors import (
    MarkingNotAllowedError,
    MarksInvalidError,
    ProjectNotOpenError,
    SubmissionAlreadyMarkedError,
    SubmissionInvalidError,
    SubmissionNotAllowedError,
)
from commonplace.assessment.models import Marking, Submission, SubmissionFile
from commonplace.assessment.selectors import submissions_to_mark
from commonplace.assessment.services import (
    project_activity_id,
    submission_mark,
    submission_submit,
)
from commonplace.audit.models import AuditEvent
from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement
from commonplace.lrs.selectors.people import statements_actor_key_for_user
from commonplace.notifications.models import Notification

from .projects import pdf, scores

pytestmark = pytest.mark.django_db


def _statements(user, verb):
    return list(
        Statement.objects.filter(actor_key=statements_actor_key_for_user(user), verb_id=verb.iri)
    )


def test_submitting_places_the_work_at_the_learners_unit_and_records_submitted(place):
    submission = submission_submit(
        actor=place.learner, brief=place.brief, text="Five colleagues.", files=[pdf()]
    )

    assert submission.version == 1
    assert submission.unit == place.w1
    assert submission.status == SubmissionStatus.SUBMITTED
    stored = SubmissionFile.objects.get(submission=submission)
    assert stored.name == "snapshot.pdf"
    assert stored.file.name.startswith("projects/")
    assert "snapshot" not in stored.file.name
    (statement,) = _statements(place.learner, vocabulary.SUBMITTED)
    assert statement.activity_id == project_activity_id(place.brief)
    assert project_activity_id(place.brief).endswith("/projects/map/")
    assert AuditEvent.objects.filter(
        action="assessment.submission.submitted", subject_id=str(submission.pk)
    ).exists()


def test_a_second_submission_while_one_waits_is_refused(place):
    submission_submit(actor=place.learner, brief=place.brief, text="First go.", files=[])
    with pytest.raises(SubmissionNotAllowedError):
        submission_submit(actor=place.learner, brief=place.brief, text="Again.", files=[])
    assert Submission.objects.filter(user=place.learner).count() == 1


def test_a_draft_brief_takes_no_submissions(place):
    place.brief.status = ProjectStatus.DRAFT
    place.brief.save()
    with pytest.raises(ProjectNotOpenError):
        submission_submit(actor=place.learner, brief=place.brief, text="Hello.", files=[])


@pytest.mark.parametrize(
    ("text", "upload"),
    [
        ("", None),
        ("Text", SimpleUploadedFile("notes.txt", b"plain words")),  # a kind not accepted
        ("Text", SimpleUploadedFile("fake.pdf", b"MZ\x90\x00 not a pdf")),  # bytes disagree
        ("Text", SimpleUploadedFile("slides.odt", b"PK\x03\x04")),  # a kind the brief refuses
    ],
)
def test_invalid_work_is_refused_and_nothing_is_written(place, text, upload):
    with pytest.raises(SubmissionInvalidError):
        submission_submit(
            actor=place.learner, brief=place.brief, text=text, files=[upload] if upload else []
        )
    assert not Submission.objects.exists()
    assert not SubmissionFile.objects.exists()


def test_marking_within_range_passes_records_the_score_and_tells_the_learner(
    place, django_capture_on_commit_callbacks
):
    submission = submission_submit(actor=place.learner, brief=place.brief, text="Work.", files=[])
    with django_capture_on_commit_callbacks(execute=True):
        marking = submission_mark(
            actor=place.assessor,
            submission=submission,
            scores=scores(place.criteria, 3, 4, 2),
            feedback="A clear snapshot.",
            outcome=MarkingOutcome.PASSED,
        )

    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PASSED
    assert (marking.score, marking.max_score) == (9, 12)
    assert sorted(s.points for s in marking.scores.all()) == [2, 3, 4]
    (passed,) = _statements(place.learner, vocabulary.PASSED)
    assert passed.activity_id == project_activity_id(place.brief)
    result = passed.data["result"]
    assert result["score"] == {"scaled": 0.75, "raw": 9, "min": 0, "max": 12}
    assert result["success"] is True
    note = Notification.objects.get(recipient=place.learner)
    assert "has been marked" in note.title
    assert note.url == f"/projects/submissions/{submission.pk}/"
    assert [m.to for m in mail.outbox] == [[place.learner.email]]


@pytest.mark.parametrize("bad", ["5", "-1", "two", ""])
def test_points_out_of_range_are_refused_and_nothing_is_saved(place, bad):
    submission = submission_submit(actor=place.learner, brief=place.brief, text="Work.", files=[])
    marks = scores(place.criteria, 3, 4, 2)
    marks[place.criteria[1].pk] = (bad, "")
    with pytest.raises(MarksInvalidError) as refused:
        submission_mark(
            actor=place.assessor,
            submission=submission,
            scores=marks,
            feedback="Feedback.",
            outcome=MarkingOutcome.NOT_PASSED,
        )
    assert set(refused.value.errors) == {place.criteria[1].pk}
    assert not Marking.objects.exists()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert not _statements(place.learner, vocabulary.FAILED)


def test_a_pass_below_the_pass_mark_and_missing_feedback_are_refused(place):
    submission = submission_submit(actor=place.learner, brief=place.brief, text="Work.", files=[])
    with pytest.raises(MarksInvalidError) as refused:
        submission_mark(
            actor=place.assessor,
            submission=submission,
            scores=scores(place.criteria, 1, 1, 1),
            feedback="  ",
            outcome=MarkingOutcome.PASSED,
        )
    assert set(refused.value.errors) == {0, -1}
    assert not Marking.objects.exists()


def test_an_assessor_may_not_mark_their_own_work_or_work_outside_their_scope(place):
    own = submission_submit(actor=place.assessor, brief=place.brief, text="Mine.", files=[])
    far = submission_submit(actor=place.far_learner, brief=place.brief, text="Far.", files=[])
    for submission in (own, far):
        with pytest.raises(MarkingNotAllowedError):
            submission_mark(
                actor=place.assessor,
                submission=submission,
                scores=scores(place.criteria, 4, 4, 4),
                feedback="Great.",
                outcome=MarkingOutcome.PASSED,
            )
    with pytest.raises(MarkingNotAllowedError):  # a learner is no assessor
        submission_mark(
            actor=place.other_learner,
            submission=own,
            scores=scores(place.criteria, 4, 4, 4),
            feedback="Great.",
            outcome=MarkingOutcome.PASSED,
        )
    assert not Marking.objects.exists()


def test_a_resubmission_is_a_new_version_and_keeps_the_earlier_one(place):
    first = submission_submit(actor=place.learner, brief=place.brief, text="Draft.", files=[])
    submission_mark(
        actor=place.assessor,
        submission=first,
        scores=scores(place.criteria, 1, 2, 1),
        feedback="Talk to more people.",
        outcome=MarkingOutcome.RESUBMIT,
    )
    first.refresh_from_db()
    assert first.status == SubmissionStatus.RESUBMISSION_REQUESTED
    (failed,) = _statements(place.learner, vocabulary.FAILED)
    assert failed.data["result"]["success"] is False
    assert failed.data["result"]["score"]["raw"] == 4
    note = Notification.objects.get(recipient=place.learner)
    assert note.kind == "project_resubmit"

    second = submission_submit(
        actor=place.learner, brief=place.brief, text="Better.", files=[pdf()]
    )
    assert second.version == 2
    assert first.text == "Draft."
    assert Submission.objects.filter(user=place.learner).count() == 2
    submission_mark(
        actor=place.assessor,
        submission=second,
        scores=scores(place.criteria, 4, 3, 3),
        feedback="Much better.",
        outcome=MarkingOutcome.PASSED,
    )
    with pytest.raises(SubmissionAlreadyMarkedError):
        submission_mark(
            actor=place.assessor,
            submission=second,
            scores=scores(place.criteria, 4, 3, 3),
            feedback="Again.",
            outcome=MarkingOutcome.PASSED,
        )
    with pytest.raises(SubmissionNotAllowedError):  # passed: nothing more to send
        submission_submit(actor=place.learner, brief=place.brief, text="More.", files=[])


def test_the_queue_is_oldest_first_in_scope_and_never_the_assessors_own(place):
    first = submission_submit(actor=place.learner, brief=place.brief, text="1", files=[])
    second = submission_submit(actor=place.other_learner, brief=place.brief, text="2", files=[])
    submission_submit(actor=place.assessor, brief=place.brief, text="mine", files=[])
    far = submission_submit(actor=place.far_learner, brief=place.brief, text="far", files=[])

    assert list(submissions_to_mark(user=place.assessor)) == [first, second]
    assert list(submissions_to_mark(user=place.far_assessor)) == [far]
    assert list(submissions_to_mark(user=place.learner)) == []


def test_assessors_covering_the_learners_unit_hear_of_new_work(place):
    submission = submission_submit(actor=place.learner, brief=place.brief, text="1", files=[])
    (note,) = Notification.objects.filter(recipient=place.assessor)
    assert note.kind == "project_submitted"
    assert note.url == f"/projects/submissions/{submission.pk}/mark/"
    assert not Notification.objects.filter(recipient=place.far_assessor).exists()
    own = submission_submit(actor=place.assessor, brief=place.brief, text="mine", files=[])
    assert Notification.objects.filter(recipient=place.assessor).count() == 1
    assert not Notification.objects.filter(url__contains=f"/{own.pk}/").exists()


def test_a_submission_that_fails_after_its_files_were_written_leaves_no_file_behind(
    place, monkeypatch
):
    from django.core.files.storage import default_storage

    import commonplace.assessment.services as services

    written: list[str] = []
    real_create = SubmissionFile.objects.create

    def create_and_note(**kwargs):
        row = real_create(**kwargs)
        written.append(row.file.name)
        return row

    def fail(**kwargs):
        raise RuntimeError("the store is down")

    monkeypatch.setattr(SubmissionFile.objects, "create", create_and_note)
    monkeypatch.setattr(services, "statement_record", fail)

    with pytest.raises(RuntimeError):
        submission_submit(actor=place.learner, brief=place.brief, text="", files=[pdf(), pdf()])

    assert len(written) == 2
    assert not any(default_storage.exists(name) for name in written)
    assert not Submission.objects.filter(user=place.learner).exists()
