from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from commonplace.audit.models import AuditEvent
from commonplace.learning_space.enums import GoalStatus
from commonplace.learning_space.errors import (
    GoalInvalidError,
    InformalLearningInvalidError,
    ResourceNotVisibleError,
)
from commonplace.learning_space.services import (
    duration_iso,
    goal_create,
    goal_status_set,
    informal_create,
    informal_delete,
    informal_update,
    resource_save,
    resource_unsave,
)
from commonplace.lrs.models import Statement
from commonplace.lrs.selectors import statements_of_user
from tests.factories.learning import PDF_BYTES, ResourceFactory

pytestmark = pytest.mark.django_db

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _fields(**extra):
    return {
        "title": "Spreadsheets for beginners (YouTube course)",
        "learned_on": timezone.localdate() - timedelta(days=3),
        "hours": Decimal("2.5"),
        "reflection": "I can make a budget with SUM now.",
        "url": "https://www.youtube.com/playlist?list=spreadsheets",
        **extra,
    }


def test_informal_create_records_an_experienced_statement_with_duration_and_category(learner):
    entry = informal_create(actor=learner, fields=_fields())

    statement = Statement.objects.get(statement_id=entry.statement_id)
    data = statement.data
    assert data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/experienced"
    assert data["actor"]["account"]["name"] == str(learner.pk)
    assert data["object"]["id"].endswith(f"/my-learning/informal/{entry.activity_uuid}")
    assert data["object"]["definition"]["name"] == {"en": entry.title}
    assert data["result"]["duration"] == "PT2H30M"
    category = data["context"]["contextActivities"]["category"][0]["id"]
    assert category.endswith("/xapi/activities/informal-learning")
    assert data["timestamp"].startswith(str(entry.learned_on))
    assert AuditEvent.objects.filter(action="learning_space.informal.created").count() == 1


@pytest.mark.parametrize(
    ("hours", "message"),
    [("0", "more than 0"), ("-1", "more than 0"), ("0.1", "quarter"), ("201", "at most"),
     ("many", "number"), ("NaN", "more than 0")],
)  # fmt: skip
def test_informal_create_refuses_bad_hours_and_writes_nothing(learner, hours, message):
    with pytest.raises(InformalLearningInvalidError) as error:
        informal_create(actor=learner, fields=_fields(hours=hours))
    assert message in error.value.message
    assert not statements_of_user(user=learner).exists()
    assert not learner.informal_learning.exists()


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,hi", "https://", "x" * 10]
)
def test_informal_create_refuses_addresses_other_than_http(learner, url):
    with pytest.raises(InformalLearningInvalidError):
        informal_create(actor=learner, fields=_fields(url=url))


def test_informal_create_refuses_a_future_date_and_an_empty_title(learner):
    with pytest.raises(InformalLearningInvalidError):
        informal_create(
            actor=learner, fields=_fields(learned_on=timezone.localdate() + timedelta(days=1))
        )
    with pytest.raises(InformalLearningInvalidError):
        informal_create(actor=learner, fields=_fields(title="   "))


def test_evidence_is_checked_by_extension_and_first_bytes(learner):
    fake = SimpleUploadedFile("certificate.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(InformalLearningInvalidError, match="not really"):
        informal_create(actor=learner, fields=_fields(evidence=fake))
    script = SimpleUploadedFile("run.exe", PDF_BYTES)
    with pytest.raises(InformalLearningInvalidError, match="PDF"):
        informal_create(actor=learner, fields=_fields(evidence=script))
    photo = SimpleUploadedFile("Certificate Photo.PNG", PNG_BYTES)
    entry = informal_create(actor=learner, fields=_fields(evidence=photo))
    assert entry.evidence_name == "Certificate Photo.PNG"
    assert entry.evidence.name.startswith("learning_space/evidence/")
    assert "Certificate" not in entry.evidence.name  # stored under a random name


def test_evidence_over_the_size_limit_is_refused(learner, settings):
    big = SimpleUploadedFile("notes.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    with pytest.raises(InformalLearningInvalidError, match="10 MB"):
        informal_create(actor=learner, fields=_fields(evidence=big))


def test_informal_update_voids_the_old_statement_and_records_a_new_one(learner):
    entry = informal_create(actor=learner, fields=_fields())
    old = entry.statement_id

    changed = informal_update(actor=learner, entry=entry, fields={"hours": Decimal("3")})

    assert changed == ["hours"]
    assert Statement.objects.get(statement_id=old).voided
    new = Statement.objects.get(statement_id=entry.statement_id)
    assert new.data["result"]["duration"] == "PT3H"
    assert [s.statement_id for s in statements_of_user(user=learner)] == [new.statement_id]


def test_informal_delete_voids_its_statement_with_a_voiding_statement(learner):
    entry = informal_create(actor=learner, fields=_fields())
    statement_id = entry.statement_id

    informal_delete(actor=learner, entry=entry)

    assert not learner.informal_learning.exists()
    assert Statement.objects.get(statement_id=statement_id).voided
    voiding = Statement.objects.get(is_voiding=True, target_statement_id=statement_id)
    assert voiding.data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
    assert voiding.data["object"] == {"objectType": "StatementRef", "id": str(statement_id)}
    assert AuditEvent.objects.filter(action="learning_space.informal.deleted").count() == 1


def test_duration_iso():
    assert [duration_iso(Decimal(h)) for h in ("0.25", "1", "1.5", "12.75")] == [
        "PT15M", "PT1H", "PT1H30M", "PT12H45M",
    ]  # fmt: skip


def test_goal_achieved_records_completed_and_reopening_voids_it(learner):
    goal = goal_create(
        actor=learner, text="Pass Functional Skills maths level 1",
        target_date=timezone.localdate() + timedelta(days=60),
    )  # fmt: skip

    goal = goal_status_set(actor=learner, goal=goal, status=GoalStatus.ACHIEVED)

    statement = Statement.objects.get(statement_id=goal.statement_id)
    assert statement.data["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert statement.data["object"]["definition"]["type"] == (
        "http://adlnet.gov/expapi/activities/objective"
    )
    assert goal.achieved_on == timezone.localdate()

    goal = goal_status_set(actor=learner, goal=goal, status=GoalStatus.OPEN)
    assert Statement.objects.get(pk=statement.pk).voided
    assert goal.statement_id is None
    assert goal.achieved_on is None


def test_goal_create_refuses_a_past_date_and_no_text(learner):
    with pytest.raises(GoalInvalidError):
        goal_create(actor=learner, text="Learn", target_date=timezone.localdate() - timedelta(1))
    with pytest.raises(GoalInvalidError):
        goal_create(actor=learner, text=" ", target_date=timezone.localdate())
    with pytest.raises(GoalInvalidError):
        goal_status_set(
            actor=learner,
            goal=goal_create(actor=learner, text="Learn", target_date=timezone.localdate()),
            status="won",
        )


def test_resource_save_needs_a_visible_resource(learner, union):
    mine = ResourceFactory(owner_unit=union)
    elsewhere = ResourceFactory()  # another union's
    draft = ResourceFactory(owner_unit=union, draft=True)

    resource_save(actor=learner, resource_id=mine.pk)
    resource_save(actor=learner, resource_id=mine.pk)  # twice: still one

    assert learner.saved_resources.count() == 1
    for resource in (elsewhere, draft):
        with pytest.raises(ResourceNotVisibleError):
            resource_save(actor=learner, resource_id=resource.pk)
    assert resource_unsave(actor=learner, resource_id=mine.pk) is True
    assert resource_unsave(actor=learner, resource_id=mine.pk) is False
