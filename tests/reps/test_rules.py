"""The pure rules: the six-month training condition, facility years, suppression."""

from datetime import date

import pytest

from commonplace.reps.enums import TrainingStatus
from commonplace.reps.selectors import (
    facility_year_bounds,
    facility_year_label,
    facility_year_of,
    figure_display,
    months_add,
    training_deadline,
    training_status,
)


@pytest.mark.parametrize(
    ("notice", "deadline"),
    [
        (date(2026, 1, 15), date(2026, 7, 15)),
        (date(2026, 8, 31), date(2027, 2, 28)),  # no 31 February: the month's last day
        (date(2027, 8, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 10, 1), date(2027, 4, 1)),  # across the year end
        (date(2026, 12, 31), date(2027, 6, 30)),
    ],
)
def test_training_deadline_is_six_calendar_months_after_the_notice(notice, deadline):
    assert training_deadline(notice_given_on=notice) == deadline


def test_training_deadline_needs_a_notice():
    assert training_deadline(notice_given_on=None) is None


def test_months_add_keeps_the_day_when_it_exists():
    assert months_add(date(2026, 3, 30), 11) == date(2027, 2, 28)
    assert months_add(date(2026, 3, 30), 12) == date(2027, 3, 30)


NOTICE = date(2026, 1, 15)  # deadline 15 July 2026


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2026, 6, 14), TrainingStatus.DUE),  # 31 days before: not yet flagged
        (date(2026, 6, 15), TrainingStatus.LAPSING),  # exactly 30 days before
        (date(2026, 7, 15), TrainingStatus.LAPSING),  # the deadline day itself
        (date(2026, 7, 16), TrainingStatus.LAPSED),  # the day after
    ],
)
def test_training_status_flags_thirty_days_before_and_after_the_deadline(today, status):
    assert training_status(notice_given_on=NOTICE, trained_on=None, today=today) == status


def test_training_status_trained_wins_even_after_the_deadline():
    status = training_status(
        notice_given_on=NOTICE, trained_on=date(2026, 8, 1), today=date(2026, 9, 1)
    )
    assert status == TrainingStatus.TRAINED


def test_training_status_without_notice_has_not_started_the_clock():
    status = training_status(notice_given_on=None, trained_on=None, today=date(2030, 1, 1))
    assert status == TrainingStatus.NO_NOTICE


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
        (date(2026, 12, 31), 2026),
        (date(2027, 1, 1), 2026),
        (date(2027, 3, 31), 2026),
    ],
)
def test_facility_year_runs_april_to_march(day, year):
    assert facility_year_of(day) == year


def test_facility_year_bounds_and_label():
    assert facility_year_bounds(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert facility_year_label(2026) == "2026-27"
    assert facility_year_label(1999) == "1999-00"


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (37, "37")]
)
def test_small_numbers_are_suppressed(count, shown):
    assert figure_display(count) == shown
