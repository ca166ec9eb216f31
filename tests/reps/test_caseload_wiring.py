"""The reps app reads the caseload: each ULR's caseload size on the co-ordinator's view (one
query for all ULRs) and the day a person was added to a caseload as "first seen learning"."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commonplace.access.enums import Role
from commonplace.caseload.models import CaseloadEntry
from commonplace.caseload.selectors import caseload_first_dates, caseload_sizes
from commonplace.people.enums import MembershipStatus
from commonplace.reps.enums import JoinOutcome
from commonplace.reps.selectors import branch_ulrs, organising_figures, organising_rows_of
from tests.factories.access import RoleGrantFactory
from tests.factories.caseload import CaseloadEntryFactory
from tests.factories.people import PersonFactory
from tests.factories.reps import JoinInvitationFactory

from .conftest import member

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)


def _lead(ulr_user, unit, count):
    for _ in range(count):
        CaseloadEntryFactory(learner=PersonFactory(home_unit=unit), lead_ulr=ulr_user)


def test_caseload_sizes_count_entries_per_lead(ulr, place):
    other = member(place.workplace, "second-ulr@example.org")
    _lead(ulr.account, place.workplace, 3)
    _lead(other.account, place.workplace, 1)
    assert caseload_sizes(lead_ulr_ids=[ulr.account_id, other.account_id, 999999]) == {
        ulr.account_id: 3,
        other.account_id: 1,
    }
    assert caseload_sizes(lead_ulr_ids=[]) == {}


def test_the_coordinators_view_shows_caseload_sizes_in_one_query(ulr, place):
    _lead(ulr.account, place.workplace, 2)
    with CaptureQueriesContext(connection) as one_ulr:
        rows = branch_ulrs(unit=place.branch, today=TODAY)
    assert [(row.user_id, row.caseload_size) for row in rows] == [(ulr.account_id, 2)]

    for n in range(4):
        extra = member(place.workplace, f"ulr{n}@example.org")
        RoleGrantFactory(user=extra.account, role=Role.ULR, unit=place.workplace)
        _lead(extra.account, place.workplace, n)
    with CaptureQueriesContext(connection) as five_ulrs:
        rows = branch_ulrs(unit=place.branch, today=TODAY)
    assert len(five_ulrs) == len(one_ulr)
    assert sorted(row.caseload_size for row in rows) == [0, 1, 2, 2, 3]


def test_the_branch_page_shows_the_caseload_size(client, coordinator, appointment, ulr, place):
    _lead(ulr.account, place.workplace, 3)
    client.force_login(coordinator)
    content = client.get("/reps/branch/").content.decode()
    assert "Carys Jenkins" in content
    assert '<dd class="govuk-summary-list__value">3</dd>' in content


def test_being_added_to_a_caseload_counts_as_learning_before_joining(place, ulr):
    learner = member(
        place.workplace,
        "caseload-first@example.org",
        status=MembershipStatus.NON_MEMBER,
        membership_number="",
    )
    entry = CaseloadEntryFactory(learner=learner, lead_ulr=ulr.account)
    CaseloadEntry.objects.filter(pk=entry.pk).update(created_at="2026-03-01T10:00:00Z")
    late = member(place.workplace, "late@example.org", status=MembershipStatus.NON_MEMBER)
    late_entry = CaseloadEntryFactory(learner=late, lead_ulr=ulr.account)
    CaseloadEntry.objects.filter(pk=late_entry.pk).update(created_at="2026-09-01T10:00:00Z")
    for person in (learner, late):
        JoinInvitationFactory(
            person=person,
            invited_on=date(2026, 4, 1),
            outcome=JoinOutcome.JOINED,
            joined_on=date(2026, 5, 1),
        )

    assert caseload_first_dates(person_ids=[learner.pk, late.pk]) == {
        learner.pk: date(2026, 3, 1),
        late.pk: date(2026, 9, 1),
    }
    figures, _total = organising_figures(
        unit=place.region, rows=organising_rows_of(unit=place.region)
    )
    cardiff = {f.name: f for f in figures}["Cardiff Health branch"]
    assert (cardiff.joined, cardiff.joined_after_learning) == (2, 1)  # the late one learned after
