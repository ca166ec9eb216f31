"""A pathway marked as ULR training: completing it goes into the ULR's training record once and
meets the training condition; the ULR's and the co-ordinator's pages show how far they are."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commonplace.audit.models import AuditEvent
from commonplace.pathways.enums import StepKind
from commonplace.pathways.selectors import enrolment_of, pathway_steps
from commonplace.pathways.services import (
    enrolment_create,
    pathway_completed,
    pathway_update,
    step_add,
    step_finish,
)
from commonplace.reps.enums import TrainingStatus
from commonplace.reps.models import TrainingRecord
from commonplace.reps.selectors import appointment_view
from commonplace.reps.services import appointment_create, training_record_from_pathway
from tests.factories.learning import ResourceFactory
from tests.factories.pathways import PathwayFactory
from tests.factories.reps import RepInvitationFactory
from tests.reps.conftest import member

TITLE = "Becoming a union learning rep"


def _pathway(union, *, marked=True, title=TITLE, steps=2):
    pathway = PathwayFactory(owner_unit=union, title=title, meets_ulr_training=marked)
    for i in range(steps):
        resource = ResourceFactory(owner_unit=union, title=f"{title} reading {i + 1}")
        step_add(
            actor=None,
            pathway=pathway,
            fields={"title": f"Read {i + 1}", "kind": StepKind.RESOURCE, "resource": resource},
        )
    return pathway


def _complete(user, pathway, steps=None):
    enrolment_create(actor=user, pathway=pathway)
    for step in pathway_steps(pathway=pathway)[:steps]:
        step_finish(actor=user, step=step)
    return enrolment_of(user=user, pathway=pathway)


@pytest.fixture
def lapsed(appointment):
    appointment.notice_given_on = timezone.localdate() - datetime.timedelta(days=200)
    appointment.save()
    return appointment


def test_completing_the_marked_pathway_records_training_once_and_clears_the_flag(
    django_capture_on_commit_callbacks, place, ulr, lapsed
):
    today = timezone.localdate()
    assert appointment_view(appointment=lapsed, today=today).flagged
    pathway = _pathway(place.union)

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = _complete(ulr.account, pathway)

    assert enrolment.completed_at is not None
    record = TrainingRecord.objects.get(person=ulr)
    assert (record.pathway, record.is_ulr_training, record.title) == (pathway, True, TITLE)
    assert record.completed_on == today
    lapsed.refresh_from_db()
    assert (lapsed.trained_on, lapsed.training_course) == (today, TITLE)
    view = appointment_view(appointment=lapsed, today=today)
    assert view.status == TrainingStatus.TRAINED
    assert not view.flagged
    assert AuditEvent.objects.filter(action="reps.training.recorded").count() == 1
    assert AuditEvent.objects.filter(action="reps.appointment.changed").count() == 1

    # Completing it again (the signal sent twice, the service called again) records nothing.
    pathway_completed.send(sender=type(enrolment), enrolment=enrolment)
    assert (
        training_record_from_pathway(
            user=ulr.account, pathway=pathway, completed_at=enrolment.completed_at
        )
        is None
    )
    assert TrainingRecord.objects.filter(person=ulr).count() == 1
    assert AuditEvent.objects.filter(action="reps.training.recorded").count() == 1


def test_completing_an_unmarked_pathway_records_nothing(place, ulr, lapsed):
    pathway = _pathway(place.union, marked=False, title="Digital skills for work")

    enrolment = _complete(ulr.account, pathway)

    assert enrolment.completed_at is not None
    assert not TrainingRecord.objects.filter(person=ulr).exists()
    lapsed.refresh_from_db()
    assert lapsed.trained_on is None
    assert not AuditEvent.objects.filter(action="reps.training.recorded").exists()


def test_a_part_done_pathway_records_nothing(place, ulr, lapsed):
    _complete(ulr.account, _pathway(place.union), steps=1)

    assert not TrainingRecord.objects.filter(person=ulr).exists()


def test_an_appointment_after_the_pathway_takes_the_training(place, coordinator):
    newcomer = member(place.workplace, "new@example.org")
    pathway = _pathway(place.union)
    _complete(newcomer.account, pathway)

    appointment = appointment_create(
        actor=coordinator,
        person=newcomer,
        unit=place.workplace,
        employer=place.employer,
        starts_on=timezone.localdate(),
    )

    assert (appointment.trained_on, appointment.training_course) == (timezone.localdate(), TITLE)


def test_my_role_offers_the_training_pathway_then_shows_progress(client, place, ulr, lapsed):
    pathway = _pathway(place.union)
    PathwayFactory(owner_unit=place.union, title="Not training")
    client.force_login(ulr.account)

    before = client.get(reverse("reps:my-role"))
    assert "Enrol on the pathway" in before.text
    assert "Not training" not in before.text

    _complete(ulr.account, pathway, steps=1)
    after = client.get(reverse("reps:my-role"))
    assert "Continue the pathway" in after.text
    assert "1 of 2 required steps done" in after.text


def test_branch_view_shows_ulr_and_invitee_training_progress(
    client, place, ulr, lapsed, coordinator
):
    pathway = _pathway(place.union)
    _complete(ulr.account, pathway, steps=1)
    invitee = member(place.workplace, "invitee@example.org", given_name="Aled", family_name="Price")
    RepInvitationFactory(person=invitee, unit=place.workplace, employer=place.employer)
    _complete(invitee.account, pathway)
    client.force_login(coordinator)

    response = client.get(reverse("reps:branch"))

    assert response.status_code == 200
    assert "1 of 2 required steps done" in response.text
    assert "Aled Price" in response.text
    assert f"Completed {timezone.localdate():%-d %b %Y}" in response.text


def test_branch_view_of_another_branch_does_not_show_these_ulrs(client, other_coordinator, ulr):
    client.force_login(other_coordinator)
    response = client.get(reverse("reps:branch"))
    assert "Carys Jenkins" not in response.text


def test_staff_mark_a_pathway_as_ulr_training(place):
    pathway = _pathway(place.union, marked=False)

    changed = pathway_update(actor=None, pathway=pathway, fields={"meets_ulr_training": True})

    assert changed == ["meets_ulr_training"]
    pathway.refresh_from_db()
    assert pathway.meets_ulr_training
