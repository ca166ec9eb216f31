"""Union learning reps on a phone: the ULR logs time; the co-ordinator sees the branch's ULRs
with a lapsing-training flag and invites a member; the organising figures show who joined
after learning. Every page is checked by axe as it opens."""

from datetime import date

import pytest
from django.utils import timezone

from commonplace.accounts.models import User
from commonplace.demo.services import demo_load
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import Person
from commonplace.reps.enums import JoinOutcome
from commonplace.reps.models import JoinInvitation, RepInvitation, TimeEntry
from commonplace.reps.selectors import (
    coordination_units_for,
    figure_display,
    organising_figures,
    organising_rows_of,
)
from tests.factories.accounts import UserFactory
from tests.factories.people import PersonFactory
from tests.reps.test_selectors import _learned_on


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=3, members=60, report=lambda _m: None)


def user(key: str) -> User:
    return User.objects.get(email=f"{key}@demo.commonplace.test")


def test_ulr_logs_time_on_a_phone(browse, sign_in, demo):
    ulr = user("ulr")
    before = TimeEntry.objects.filter(appointment__person__account=ulr).count()
    sign_in(ulr)
    page = browse.open("/")
    browse.follow("Log your ULR time")
    page.get_by_label("Time spent").select_option("45")
    page.get_by_label("Arranging learning or training").check()
    page.get_by_label("Paid facility time agreed with the employer").check()
    page.get_by_label("Learners you supported").fill("2")
    page.get_by_label("Note (optional)").fill("Enrolled two cleaners on the maths course.")
    browse.submit("Log the time")
    assert page.get_by_text("Your time was logged.").is_visible()
    assert page.get_by_text("Enrolled two cleaners on the maths course.").is_visible()
    entry = TimeEntry.objects.filter(appointment__person__account=ulr).order_by("-pk").first()
    assert TimeEntry.objects.filter(appointment__person__account=ulr).count() == before + 1
    assert (entry.minutes, entry.paid_facility_time, entry.on) == (45, True, timezone.localdate())


def _joined_after_learning(branch, count: int) -> None:
    for n in range(count):
        learner = PersonFactory(
            home_unit=branch.children.first(),
            account=UserFactory(email=f"joiner{n}@example.org"),
            status=MembershipStatus.NON_MEMBER,
            membership_number="",
        )
        _learned_on(learner.account, date(2026, 1, 10))
        JoinInvitation.objects.create(
            person=learner,
            invited_on=date(2026, 2, 1),
            outcome=JoinOutcome.JOINED,
            joined_on=date(2026, 2, 20),
        )


def test_coordinator_sees_a_lapsing_ulr_invites_a_member_and_reads_the_figures(
    browse, sign_in, demo
):
    coordinator = user("coordinator")
    (branch,) = coordination_units_for(user=coordinator)
    _joined_after_learning(branch, 6)
    sign_in(coordinator)
    page = browse.open("/")
    browse.follow("ULRs, their training and who needs support")

    ulrs = page.get_by_role("list", name="ULRs of the branch")
    lapsing = ulrs.get_by_role("listitem").filter(has_text="Training lapsing")
    assert ulrs.get_by_role("heading", name="Carys Jenkins").is_visible()
    assert lapsing.count() == 1
    assert lapsing.get_by_text("Needs support").first.is_visible()

    browse.follow("Invite a member to become a ULR")
    page.get_by_label("Membership number or email address").fill("nobody@example.org")
    browse.submit("Send the invitation")
    assert page.get_by_role("alert").is_visible()  # the error summary; what was typed is kept
    assert page.get_by_label("Membership number or email address").input_value() == (
        "nobody@example.org"
    )
    page.get_by_label("Membership number or email address").fill("officer@demo.commonplace.test")
    browse.submit("Send the invitation")
    assert page.get_by_text("Bethan Rees was invited to become a ULR.").is_visible()
    officer = Person.objects.get(account=user("officer"))
    assert RepInvitation.objects.filter(person=officer, status="pending").exists()

    browse.follow("Organising through learning")
    figures = page.get_by_role("table", name="Figures by branch")
    assert figures.get_by_role("columnheader", name="Joined after learning").is_visible()
    _rows, total = organising_figures(unit=branch, rows=organising_rows_of(unit=branch))
    assert total.joined_after_learning >= 6
    row = figures.get_by_role("row", name=branch.name)
    assert row.get_by_role("cell").nth(2).inner_text() == figure_display(
        total.joined_after_learning
    )


def test_the_other_reps_pages_pass_axe_and_fit_a_phone(browse, sign_in, demo):
    """Pages the journeys do not pass through, opened once each (axe and 360 px checked)."""
    ulr = user("ulr")
    appointment = Person.objects.get(account=ulr)
    entry = TimeEntry.objects.filter(appointment__person=appointment).first()
    join = JoinInvitation.objects.filter(outcome=JoinOutcome.PENDING).first() or (
        JoinInvitation.objects.first()
    )
    sign_in(ulr)
    for path in ("/reps/", "/reps/training/add/", f"/reps/time/{entry.pk}/delete/"):
        browse.open(path)
    page = browse.open("/reps/training/add/")
    browse.submit("Add the course")  # nothing filled in: the error summary
    assert page.get_by_role("alert").is_visible()
    sign_in(user("coordinator"))
    appointment_pk = entry.appointment_id
    for path in (
        f"/reps/appointments/{appointment_pk}/edit/",
        f"/reps/appointments/{appointment_pk}/notice/",
        "/reps/appointments/add/",
        "/reps/facility-time/",
        "/reps/organising/join/add/",
        f"/reps/organising/join/{join.pk}/",
        "/reps/organising/progression/add/",
        "/reps/organising/activist/add/",
    ):
        browse.open(path)
    sign_in(user("learner"))
    page = browse.open("/")
    assert page.get_by_text("You are invited to become a union learning rep").is_visible()
    invitation = RepInvitation.objects.get(person__account=user("learner"))
    browse.open(f"/reps/invitations/{invitation.pk}/respond/")
    assert len(browse.pages_checked) == 15
