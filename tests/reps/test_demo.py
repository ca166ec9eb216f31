"""The demo's reps data: what the demo accounts see on their reps pages."""

import pytest

from commonplace.accounts.models import User
from commonplace.caseload.models import LearningPlan
from commonplace.demo import services as demo_services
from commonplace.demo import services_reps as demo_reps
from commonplace.demo.services import demo_load
from commonplace.reps.enums import InvitationStatus, TrainingStatus
from commonplace.reps.models import (
    JoinInvitation,
    RepAppointment,
    RepInvitation,
    TimeEntry,
    TrainingRecord,
)
from commonplace.reps.selectors import (
    branch_ulrs,
    coordination_units_for,
    organising_figures,
    organising_rows_of,
    training_pathways_attach,
)

pytestmark = pytest.mark.django_db


def test_demo_reps_step_shares_the_demo_today():
    assert demo_reps.TODAY == demo_services.TODAY


def test_demo_gives_the_coordinator_a_lapsing_ulr_and_the_ulr_a_time_log():
    demo_load(branches=3, members=120, report=lambda _m: None)
    coordinator = User.objects.get(email="coordinator@demo.commonplace.test")
    ulr = User.objects.get(email="ulr@demo.commonplace.test")
    learner = User.objects.get(email="learner@demo.commonplace.test")

    (branch,) = coordination_units_for(user=coordinator)
    rows = branch_ulrs(unit=branch, today=demo_reps.TODAY)
    statuses = {row.name: row.status for row in rows}
    assert statuses["Carys Jenkins"] == TrainingStatus.TRAINED
    assert TrainingStatus.LAPSING in statuses.values()
    assert TimeEntry.objects.filter(appointment__person__account=ulr).count() == len(
        demo_reps.ULR_WEEKS
    )
    assert RepInvitation.objects.get(person__account=learner).status == InvitationStatus.PENDING
    assert JoinInvitation.objects.exists()
    region = branch.parent
    _figures, total = organising_figures(unit=region, rows=organising_rows_of(unit=region))
    assert total.invited >= total.joined >= total.joined_after_learning > 0
    # The ULR training pathway: reps trained through it, one part-way with the condition open,
    # and the demo learner's plan links it with their progress.
    through = TrainingRecord.objects.filter(pathway__title="Becoming a union learning rep")
    trained = RepAppointment.objects.filter(
        person__in=through.values("person"), training_course="Becoming a union learning rep"
    )
    assert trained.count() >= 2
    assert all(a.trained_on is not None for a in trained)
    training_pathways_attach(user=coordinator, rows=rows, invitations=[])
    open_rows = [row for row in rows if row.status != TrainingStatus.TRAINED]
    standings = [standing for row in open_rows for _pathway, standing in row.training_pathways]
    assert any(0 < s.required_done < s.required_total for s in standings)
    plan = LearningPlan.objects.get(entry__learner__account=learner)
    assert [p.title for p in plan.pathways.all()] == ["Becoming a union learning rep"]
