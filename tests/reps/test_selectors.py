"""Reads of the reps app: facility time per employer and year, the CSV, the co-ordinator's
branch view, and the organising figures (with suppression and joined-after-learning)."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

from commonplace.access.enums import Role
from commonplace.lrs.enums import XapiVersion
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.statements import statements_store
from commonplace.lrs.vocabulary import EXPERIENCED
from commonplace.people.enums import MembershipStatus
from commonplace.reps.enums import JoinOutcome, TrainingStatus, UlrFunction
from commonplace.reps.selectors import (
    CSV_COLUMNS,
    branch_ulrs,
    facility_time_csv_rows,
    facility_time_totals,
    organising_figures,
    organising_rows_of,
    organising_units_for,
)
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import RegionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory
from tests.factories.reps import (
    ActivistRecordFactory,
    JoinInvitationFactory,
    ProgressionFactory,
    RepAppointmentFactory,
    TimeEntryFactory,
)

from .conftest import member


def _entry(appointment, on, minutes, function=UlrFunction.PROMOTING, paid=False):
    return TimeEntryFactory(
        appointment=appointment, on=on, minutes=minutes, function=function, paid_facility_time=paid
    )


def test_facility_time_totals_per_employer_within_the_april_to_march_year(
    coordinator, organiser, appointment, place
):
    _entry(appointment, date(2026, 3, 31), 600)  # the year before: left out
    _entry(appointment, date(2026, 4, 1), 60, UlrFunction.ANALYSING_NEEDS, paid=True)
    _entry(appointment, date(2027, 3, 31), 30, UlrFunction.CONSULTING)
    _entry(appointment, date(2027, 4, 1), 600)  # the year after: left out
    second = RepAppointmentFactory(
        person=member(place.workplace, "ulr2@example.org"),
        unit=place.workplace,
        employer=place.employer,
    )
    _entry(second, date(2026, 10, 10), 90, UlrFunction.ANALYSING_NEEDS, paid=True)
    swansea = RepAppointmentFactory(
        person=member(place.other_workplace, "ulr3@example.org"),
        unit=place.other_workplace,
        employer=place.other_employer,
    )
    _entry(swansea, date(2026, 6, 1), 45)

    (row,) = facility_time_totals(user=coordinator, year=2026)  # Swansea is not theirs

    assert row.employer == "Cardiff NHS Trust"
    assert row.reps == 2
    assert row.minutes_by_function == {"analysing_needs": 150, "consulting": 30}
    assert (row.total_hours, row.paid_hours, row.paid_percent) == (3.0, 2.5, 83.3)
    rows = facility_time_totals(user=organiser, year=2026)
    assert [r.employer for r in rows] == ["Cardiff NHS Trust", "Swansea Council"]


def test_facility_time_csv_has_documented_columns_and_totals(coordinator, appointment):
    _entry(appointment, date(2026, 5, 5), 60, UlrFunction.INFORMATION_ADVICE, paid=True)
    _entry(appointment, date(2026, 5, 6), 30, UlrFunction.PREPARING)

    lines = facility_time_csv_rows(rows=facility_time_totals(user=coordinator, year=2026))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(lines)
    parsed = list(csv.DictReader(io.StringIO(buffer.getvalue())))

    assert lines[0] == CSV_COLUMNS
    assert CSV_COLUMNS[:3] == ["financial_year", "employer", "relevant_union_officials"]
    (row,) = parsed
    assert row["financial_year"] == "2026-27"
    assert row["relevant_union_officials"] == "1"
    assert row["hours_information_advice"] == "1.00"
    assert row["hours_preparing"] == "0.50"
    assert row["hours_arranging"] == "0.00"
    assert row["total_hours"] == "1.50"
    assert row["paid_facility_time_hours"] == "1.00"
    assert row["paid_facility_time_percent"] == "66.7"


def test_ulr_sees_no_facility_totals(ulr, appointment):
    _entry(appointment, date(2026, 5, 5), 60)
    assert facility_time_totals(user=ulr.account, year=2026) == []


def test_branch_ulrs_flag_lapsing_training_and_no_activity(ulr, appointment, place):
    today = date(2026, 11, 20)
    appointment.notice_given_on = date(2026, 6, 1)  # deadline 1 December: lapsing
    appointment.save()
    _entry(appointment, date(2026, 11, 2), 120)
    quiet = member(place.workplace, "quiet@example.org", given_name="Aled", family_name="Quiet")
    RoleGrantFactory(user=quiet.account, role=Role.ULR, unit=place.workplace)
    quiet_appointment = RepAppointmentFactory(
        person=quiet,
        unit=place.workplace,
        employer=place.employer,
        notice_given_on=date(2026, 1, 1),
        training_course="ULR stage 1",
        trained_on=date(2026, 3, 1),
    )
    _entry(quiet_appointment, today - timedelta(days=61), 30)
    elsewhere = member(place.other_workplace, "far@example.org")
    RoleGrantFactory(user=elsewhere.account, role=Role.ULR, unit=place.other_branch)

    rows = {row.name: row for row in branch_ulrs(unit=place.branch, today=today)}

    assert set(rows) == {"Carys Jenkins", "Aled Quiet"}  # the other branch's ULR is not here
    carys, aled = rows["Carys Jenkins"], rows["Aled Quiet"]
    assert carys.status == TrainingStatus.LAPSING
    assert carys.needs_support
    assert not carys.inactive
    assert carys.hours_this_year == 2.0
    assert carys.caseload_size == 0  # leads nobody yet (see test_caseload_wiring.py)
    assert aled.status == TrainingStatus.TRAINED
    assert aled.inactive
    assert aled.needs_support


def _learned_on(user, day):
    statements_store(
        [
            {
                "actor": statements_actor_for_user(user),
                "verb": {"id": EXPERIENCED.iri, "display": EXPERIENCED.display},
                "object": {"objectType": "Activity", "id": "https://example.org/learning/maths"},
                "timestamp": datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
                .isoformat()
                .replace("+00:00", "Z"),
            }
        ],
        client=None,
        version=XapiVersion.V2_0_0,
    )


def test_organising_figures_per_branch_with_suppression(place):
    # Branch 1: six non-members invited, five joined, three of them after learning.
    for n in range(6):
        learner = member(
            place.workplace,
            f"learner{n}@example.org",
            status=MembershipStatus.NON_MEMBER,
            membership_number="",
        )
        if n < 3:
            _learned_on(learner.account, date(2026, 3, 1))  # learned first, then joined
        if n == 3:
            _learned_on(learner.account, date(2026, 9, 1))  # learned only after joining
        joined = n < 5
        JoinInvitationFactory(
            person=learner,
            invited_on=date(2026, 4, 1),
            outcome=JoinOutcome.JOINED if joined else JoinOutcome.PENDING,
            joined_on=date(2026, 5, 1) if joined else None,
        )
    # Branch 2: one invitation, one ULR, one progression, one activist.
    JoinInvitationFactory(person=PersonFactory(home_unit=place.other_workplace))
    RoleGrantFactory(role=Role.ULR, unit=place.other_workplace)
    ProgressionFactory(person=PersonFactory(home_unit=place.other_workplace))
    ActivistRecordFactory(person=PersonFactory(home_unit=place.other_workplace))

    rows = organising_rows_of(unit=place.region)
    figures, total = organising_figures(unit=place.region, rows=rows)

    by_name = {f.name: f for f in figures}
    cardiff, swansea = by_name["Cardiff Health branch"], by_name["Swansea Council branch"]
    assert (cardiff.invited, cardiff.joined, cardiff.joined_after_learning) == (6, 5, 3)
    assert cardiff.shown()[:3] == ["6", "5", "fewer than 5"]
    assert (swansea.invited, swansea.became_ulr, swansea.progressed) == (1, 1, 1)
    assert swansea.became_activist == 1
    assert set(swansea.shown()) == {"fewer than 5"}
    assert (total.invited, total.joined, total.became_ulr) == (7, 5, 1)


def test_organising_rows_of_a_union_are_its_regions_and_of_a_branch_itself(place):
    assert organising_rows_of(unit=place.union) == [place.region]
    assert organising_rows_of(unit=place.branch) == [place.branch]


def test_an_organiser_sees_only_their_own_regions_time_and_figures(organiser, place):
    other_region = RegionFactory(parent=place.union, name="North West")
    other_workplace = WorkplaceFactory(parent__parent=other_region)
    far = RepAppointmentFactory(
        person=member(other_workplace, "far-ulr@example.org"), unit=other_workplace
    )
    _entry(far, date(2026, 6, 1), 60)
    JoinInvitationFactory(person=PersonFactory(home_unit=other_workplace))

    assert facility_time_totals(user=organiser, year=2026) == []
    assert organising_units_for(user=organiser) == [place.region]
    _rows, total = organising_figures(unit=place.region, rows=organising_rows_of(unit=place.region))
    assert total.invited == 0
