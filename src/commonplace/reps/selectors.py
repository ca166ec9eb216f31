"""Reads of the reps app: the training condition, facility years and totals, the co-ordinator's
view of the branch's ULRs, and the organising-through-learning figures.

The rules are pure functions (`training_deadline`, `training_status`, `facility_year_of`,
`figure_display`) so they are tested on their own; the queries are scoped through `scope_q`
(lists) or take a unit the caller has checked with `may_at` (figures and the branch view).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Q, QuerySet, Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from commonplace.access.enums import Role
from commonplace.access.selectors import (
    grants_active_for,
    grants_of_roles_within,
    may_at,
    scope_q,
)
from commonplace.caseload.selectors import caseload_first_dates, caseload_sizes
from commonplace.lrs.selectors import statements_first_timestamps
from commonplace.pathways.selectors import (
    PathwayStanding,
    pathway_standings,
    ulr_training_pathways,
)
from commonplace.people.enums import MembershipStatus
from commonplace.people.selectors import people_visible_to, person_get_visible

from .enums import InvitationStatus, JoinOutcome, TrainingStatus, UlrFunction
from .models import (
    ActivistRecord,
    JoinInvitation,
    Progression,
    RepAppointment,
    RepInvitation,
    TimeEntry,
    TrainingRecord,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit
    from commonplace.pathways.models import Pathway
    from commonplace.people.models import Person

TRAINING_MONTHS = 6  # the statutory training condition: within six months of the notice
LAPSING_DAYS = 30  # flag an untrained ULR this many days before the deadline
INACTIVE_DAYS = 60  # "needs support" when nothing was logged for this long
SUPPRESS_BELOW = 5  # organising figures below this are shown as "fewer than 5"
# Roles whose holders count as activists (besides a "became an activist" record).
ACTIVIST_ROLES = [Role.COORDINATOR, Role.BRANCH_OFFICER, Role.ORGANISER]


# --- the training condition -------------------------------------------------------------


def months_add(day: date, months: int) -> date:
    """`day` plus whole calendar months; the 31st becomes the month's last day (31 Aug + 6
    months is 28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def training_deadline(*, notice_given_on: date | None) -> date | None:
    """The last day to meet the training condition: six months after the written notice."""
    if notice_given_on is None:
        return None
    return months_add(notice_given_on, TRAINING_MONTHS)


def training_status(
    *, notice_given_on: date | None, trained_on: date | None, today: date
) -> TrainingStatus:
    """Trained; no notice yet (the clock has not started); due; lapsing (the deadline is
    within 30 days, the deadline day itself included); or lapsed (the deadline has passed)."""
    if trained_on is not None:
        return TrainingStatus.TRAINED
    deadline = training_deadline(notice_given_on=notice_given_on)
    if deadline is None:
        return TrainingStatus.NO_NOTICE
    if today > deadline:
        return TrainingStatus.LAPSED
    if (deadline - today).days <= LAPSING_DAYS:
        return TrainingStatus.LAPSING
    return TrainingStatus.DUE


FLAGGED = {TrainingStatus.LAPSING, TrainingStatus.LAPSED}
STATUS_ORDER = [
    TrainingStatus.LAPSED,
    TrainingStatus.LAPSING,
    TrainingStatus.NO_NOTICE,
    TrainingStatus.DUE,
    TrainingStatus.TRAINED,
]


@dataclass
class AppointmentView:
    appointment: RepAppointment
    status: TrainingStatus
    deadline: date | None

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED


def appointment_view(*, appointment: RepAppointment, today: date) -> AppointmentView:
    return AppointmentView(
        appointment=appointment,
        status=training_status(
            notice_given_on=appointment.notice_given_on,
            trained_on=appointment.trained_on,
            today=today,
        ),
        deadline=training_deadline(notice_given_on=appointment.notice_given_on),
    )


# --- facility years (April to March) --------------------------------------------------------


def facility_year_of(day: date) -> int:
    """The financial year `day` falls in, named by the year it starts (1 April)."""
    return day.year if day.month >= 4 else day.year - 1


def facility_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of the financial year starting 1 April `year`."""
    return date(year, 4, 1), date(year + 1, 3, 31)


def facility_year_label(year: int) -> str:
    """ "2026-27", as facility-time publications name the year."""
    return f"{year}-{(year + 1) % 100:02d}"


# --- appointments, time, training: the ULR's own and the scoped lists ------------------------


def appointments_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[RepAppointment]:
    return RepAppointment.objects.filter(
        scope_q(user=user, kind="reps.repappointment", action=action)
    ).select_related("person", "unit", "employer")


def appointment_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> RepAppointment:
    """The appointment, if `user` may `action` it; 404 otherwise."""
    return get_object_or_404(appointments_visible_to(user=user, action=action), pk=pk)


def appointments_of_user(
    *, user: User | AnonymousUser, open_only: bool = True
) -> QuerySet[RepAppointment]:
    """The signed-in user's own ULR appointments (open ones unless told otherwise)."""
    if not user.is_authenticated:
        return RepAppointment.objects.none()
    appointments = RepAppointment.objects.filter(person__account=user).select_related(
        "person", "unit", "employer"
    )
    if open_only:
        appointments = appointments.filter(ends_on__isnull=True)
    return appointments.order_by("starts_on", "pk")


def time_entries_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[TimeEntry]:
    """Time entries `user` may `action`: only their own (others see totals)."""
    return TimeEntry.objects.filter(
        scope_q(user=user, kind="reps.timeentry", action=action)
    ).select_related("appointment__employer", "appointment__unit")


def time_entries_of_user(*, user: User | AnonymousUser) -> QuerySet[TimeEntry]:
    """The user's own time log, newest first."""
    return time_entries_visible_to(user=user).filter(appointment__person__account_id=user.pk)


def time_entry_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> TimeEntry:
    return get_object_or_404(time_entries_visible_to(user=user, action=action), pk=pk)


def training_records_of_user(*, user: User | AnonymousUser) -> QuerySet[TrainingRecord]:
    return TrainingRecord.objects.filter(
        scope_q(user=user, kind="reps.trainingrecord", action="view", owner="person__account")
    ).filter(person__account_id=user.pk)


def training_records_of_person(
    *, user: User | AnonymousUser, person_id: int
) -> QuerySet[TrainingRecord]:
    """The training record of a person, as far as `user` may see it (a co-ordinator tracking
    a ULR of their branch)."""
    return TrainingRecord.objects.filter(
        scope_q(user=user, kind="reps.trainingrecord"), person_id=person_id
    )


@dataclass
class UlrYear:
    """A ULR's own figures for one facility year."""

    year: int
    minutes: int = 0
    paid_minutes: int = 0
    events_run: int = 0
    learners_supported: int = 0

    @property
    def label(self) -> str:
        return facility_year_label(self.year)

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    @property
    def paid_hours(self) -> float:
        return round(self.paid_minutes / 60, 1)


def ulr_year_of_user(*, user: User | AnonymousUser, today: date) -> UlrYear:
    """The user's logged time, paid facility time, events and learners this facility year."""
    year = facility_year_of(today)
    start, end = facility_year_bounds(year)
    totals = (
        time_entries_visible_to(user=user)
        .filter(appointment__person__account_id=user.pk, on__range=(start, end))
        .aggregate(
            minutes=Sum("minutes"),
            events=Sum("events_run"),
            learners=Sum("learners_supported"),
        )
    )
    paid = (
        time_entries_visible_to(user=user)
        .filter(
            appointment__person__account_id=user.pk,
            on__range=(start, end),
            paid_facility_time=True,
        )
        .aggregate(minutes=Sum("minutes"))
    )
    return UlrYear(
        year=year,
        minutes=totals["minutes"] or 0,
        paid_minutes=paid["minutes"] or 0,
        events_run=totals["events"] or 0,
        learners_supported=totals["learners"] or 0,
    )


# --- the co-ordinator's view ----------------------------------------------------------------


def _widest_units(*, user: User | AnonymousUser, kind: str, action: str) -> list[OrgUnit]:
    """The places of the user's grants where they may `action` objects of `kind`, leaving out
    those inside another one (a co-ordinator's own workplace is inside their branch)."""
    units: list[OrgUnit] = []
    for grant in grants_active_for(user=user):
        unit = grant.unit
        if unit is None or unit in units:
            continue
        if may_at(user=user, kind=kind, action=action, unit_path=unit.path):
            units.append(unit)
    return [
        unit
        for unit in sorted(units, key=lambda u: (u.depth, u.name))
        if not any(other is not unit and unit.path.startswith(other.path) for other in units)
    ]


def coordination_units_for(*, user: User | AnonymousUser) -> list[OrgUnit]:
    """The places where `user` looks after ULRs (may view their appointments)."""
    return _widest_units(user=user, kind="reps.repappointment", action="view")


def unit_choose(*, units: list[OrgUnit], pk: object) -> OrgUnit | None:
    """The unit of `units` with primary key `pk` (from a query string), else the first."""
    for unit in units:
        if str(unit.pk) == str(pk):
            return unit
    return units[0] if units else None


@dataclass
class UlrRow:
    """One ULR of a branch as the co-ordinator sees them."""

    user_id: int
    name: str
    place: str
    appointments: list[AppointmentView] = field(default_factory=list)
    minutes_this_year: int = 0
    last_activity: date | None = None
    # How many learners the ULR leads in the caseload (`caseload.selectors.caseload_sizes`).
    caseload_size: int | None = None
    inactive: bool = False
    # (ULR training pathway, their standing on it): `training_pathways_attach`.
    training_pathways: list[tuple[Pathway, PathwayStanding]] = field(default_factory=list)

    @property
    def hours_this_year(self) -> float:
        return round(self.minutes_this_year / 60, 1)

    @property
    def status(self) -> TrainingStatus:
        if not self.appointments:
            return TrainingStatus.NO_NOTICE
        return min((a.status for a in self.appointments), key=STATUS_ORDER.index)

    @property
    def training_flagged(self) -> bool:
        return self.status in FLAGGED

    @property
    def needs_support(self) -> bool:
        return self.inactive or self.training_flagged


def branch_ulrs(*, unit: OrgUnit, today: date) -> list[UlrRow]:
    """Every ULR of `unit` and below (live grants of the ULR role), with their appointments'
    training status, hours this facility year, last activity and "needs support" flags.

    Five queries whatever the number of ULRs (the fifth: their caseload sizes). The caller
    has checked `unit` is in scope.
    """
    grants = list(grants_of_roles_within(roles=[Role.ULR], unit_path=unit.path))
    rows: dict[int, UlrRow] = {}
    for grant in grants:
        if grant.user_id not in rows:
            rows[grant.user_id] = UlrRow(
                user_id=grant.user_id,
                name=str(grant.user),
                place=grant.unit.name if grant.unit else "",
            )
    if not rows:
        return []
    appointments = RepAppointment.objects.filter(
        person__account_id__in=list(rows), ends_on__isnull=True
    ).select_related("person", "unit", "employer")
    for appointment in appointments:
        row = rows[appointment.person.account_id]  # type: ignore[index]
        row.name = appointment.person.display_name
        row.appointments.append(appointment_view(appointment=appointment, today=today))
    start, end = facility_year_bounds(facility_year_of(today))
    year_minutes = (
        TimeEntry.objects.filter(
            appointment__person__account_id__in=list(rows), on__range=(start, end)
        )
        .values("appointment__person__account_id")
        .annotate(minutes=Sum("minutes"))
    )
    for item in year_minutes:
        rows[item["appointment__person__account_id"]].minutes_this_year = item["minutes"] or 0
    last = (
        TimeEntry.objects.filter(appointment__person__account_id__in=list(rows))
        .values("appointment__person__account_id")
        .annotate(last=Max("on"))
    )
    for item in last:
        rows[item["appointment__person__account_id"]].last_activity = item["last"]
    sizes = caseload_sizes(lead_ulr_ids=list(rows))
    for user_id, row in rows.items():
        row.caseload_size = sizes.get(user_id, 0)
    since = today - timedelta(days=INACTIVE_DAYS)
    for row in rows.values():
        row.inactive = row.last_activity is None or row.last_activity < since
    return sorted(rows.values(), key=lambda r: (not r.needs_support, r.name))


TrainingPathways = list[tuple["Pathway", PathwayStanding]]


def ulr_training_of_user(*, user: User | AnonymousUser) -> TrainingPathways:
    """The ULR training pathways `user` may see, each with their own standing on it (three
    queries), for their own pages."""
    if not user.is_authenticated:
        return []
    pathways = ulr_training_pathways(user=user)
    standings = pathway_standings(user_ids=[user.pk], pathway_ids=[p.pk for p in pathways])
    return [(p, standings[(user.pk, p.pk)]) for p in pathways]


def training_pathways_attach(
    *, user: User | AnonymousUser, rows: list[UlrRow], invitations: list[RepInvitation]
) -> None:
    """Give each ULR row (`training_pathways`) and each invitation (`training`) the person's
    standing on every ULR training pathway `user` may see: how far new and invited ULRs are
    with their statutory training (three queries, whatever their number). The caller has
    checked the rows and invitations are in `user`'s scope."""
    pathways = ulr_training_pathways(user=user)
    user_ids = {row.user_id for row in rows} | {
        i.person.account_id for i in invitations if i.person.account_id is not None
    }
    standings = pathway_standings(user_ids=user_ids, pathway_ids=[p.pk for p in pathways])
    for row in rows:
        row.training_pathways = [(p, standings[(row.user_id, p.pk)]) for p in pathways]
    for invitation in invitations:
        account_id = invitation.person.account_id
        invitation.training = [  # type: ignore[attr-defined]
            (p, standings[(account_id, p.pk)]) for p in pathways if account_id is not None
        ]


def invitations_within(*, user: User | AnonymousUser, unit: OrgUnit) -> QuerySet[RepInvitation]:
    """Invitations to become a ULR at `unit` or below that `user` may see, newest first."""
    return (
        RepInvitation.objects.filter(scope_q(user=user, kind="reps.repinvitation"))
        .filter(unit__path__startswith=unit.path)
        .select_related("person", "unit", "employer")
        .order_by("-created_at", "-pk")
    )


def invitations_pending_for(*, user: User | AnonymousUser) -> QuerySet[RepInvitation]:
    """Invitations waiting for the signed-in user's answer."""
    if not user.is_authenticated:
        return RepInvitation.objects.none()
    return RepInvitation.objects.filter(
        person__account=user, status=InvitationStatus.PENDING
    ).select_related("unit", "employer", "invited_by")


def invitation_get_own(*, user: User | AnonymousUser, pk: int) -> RepInvitation:
    """The user's own invitation (to answer it); 404 for anyone else's."""
    return get_object_or_404(
        RepInvitation.objects.filter(
            scope_q(user=user, kind="reps.repinvitation", action="respond")
        ).select_related("person", "unit", "employer"),
        pk=pk,
    )


@dataclass
class RepsHomeNotices:
    """What the home page says about the reps side: flagged appointments, invitations."""

    appointments: list[AppointmentView] = field(default_factory=list)
    invitations: list[RepInvitation] = field(default_factory=list)

    @property
    def flagged(self) -> list[AppointmentView]:
        return [a for a in self.appointments if a.flagged]


def reps_home_notices(*, user: User | AnonymousUser, today: date) -> RepsHomeNotices:
    return RepsHomeNotices(
        appointments=[
            appointment_view(appointment=a, today=today) for a in appointments_of_user(user=user)
        ],
        invitations=list(invitations_pending_for(user=user)),
    )


# --- facility time ----------------------------------------------------------------------------


@dataclass
class FacilityRow:
    """Facility time for one employer in one facility year."""

    employer_id: int
    employer: str
    year: int
    reps: int = 0
    minutes_by_function: dict[str, int] = field(default_factory=dict)
    paid_minutes: int = 0

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes_by_function.values())

    @property
    def hours_by_function(self) -> list[float]:
        return [round(self.minutes_by_function.get(f, 0) / 60, 2) for f in UlrFunction.values]

    @property
    def total_hours(self) -> float:
        return round(self.total_minutes / 60, 2)

    @property
    def paid_hours(self) -> float:
        return round(self.paid_minutes / 60, 2)

    @property
    def paid_percent(self) -> float:
        return round(100 * self.paid_minutes / self.total_minutes, 1) if self.total_minutes else 0.0


def facility_years_with_time(*, user: User | AnonymousUser) -> list[int]:
    """The facility years in which time visible to `user` (as totals) was logged, newest first."""
    months = TimeEntry.objects.filter(
        scope_q(user=user, kind="reps.timeentry", action="summarise")
    ).dates("on", "month")
    return sorted({facility_year_of(month) for month in months}, reverse=True)


def facility_time_totals(*, user: User | AnonymousUser, year: int) -> list[FacilityRow]:
    """Hours by statutory function, paid facility time and number of reps, per employer, for
    the facility year starting 1 April `year`, over the time entries `user` may summarise."""
    start, end = facility_year_bounds(year)
    entries = TimeEntry.objects.filter(
        scope_q(user=user, kind="reps.timeentry", action="summarise"), on__range=(start, end)
    )
    rows: dict[int, FacilityRow] = {}
    by_function = entries.values(
        "appointment__employer_id", "appointment__employer__name", "function", "paid_facility_time"
    ).annotate(minutes=Sum("minutes"))
    for item in by_function:
        employer_id = item["appointment__employer_id"]
        row = rows.setdefault(
            employer_id,
            FacilityRow(
                employer_id=employer_id, employer=item["appointment__employer__name"], year=year
            ),
        )
        function = item["function"]
        row.minutes_by_function[function] = (
            row.minutes_by_function.get(function, 0) + item["minutes"]
        )
        if item["paid_facility_time"]:
            row.paid_minutes += item["minutes"]
    reps = entries.values("appointment__employer_id").annotate(
        reps=Count("appointment__person_id", distinct=True)
    )
    for item in reps:
        rows[item["appointment__employer_id"]].reps = item["reps"]
    return sorted(rows.values(), key=lambda r: r.employer)


CSV_COLUMNS = [
    "financial_year",
    "employer",
    "relevant_union_officials",
    *(f"hours_{function}" for function in UlrFunction.values),
    "total_hours",
    "paid_facility_time_hours",
    "paid_facility_time_percent",
]


def facility_time_csv_rows(*, rows: list[FacilityRow]) -> list[list[str]]:
    """The CSV's header and one line per employer (columns documented on the page)."""
    return [
        list(CSV_COLUMNS),
        *(
            [
                facility_year_label(row.year),
                row.employer,
                str(row.reps),
                *(f"{hours:.2f}" for hours in row.hours_by_function),
                f"{row.total_hours:.2f}",
                f"{row.paid_hours:.2f}",
                f"{row.paid_percent:.1f}",
            ]
            for row in rows
        ),
    ]


# --- organising through learning --------------------------------------------------------------


def figure_display(count: int) -> str:
    """A count as shown in organising figures: fewer than 5 is never shown as the number."""
    return _("fewer than 5") if count < SUPPRESS_BELOW else str(count)


def organising_units_for(*, user: User | AnonymousUser) -> list[OrgUnit]:
    """The places whose organising figures `user` may see."""
    return _widest_units(user=user, kind="reps.joininvitation", action="summarise")


@dataclass
class OrganisingFigures:
    """Raw counts for one unit (shown through `figure_display`)."""

    unit_id: int
    name: str
    invited: int = 0
    joined: int = 0
    joined_after_learning: int = 0
    became_ulr: int = 0
    became_activist: int = 0
    progressed: int = 0

    FIELDS = (
        "invited",
        "joined",
        "joined_after_learning",
        "became_ulr",
        "became_activist",
        "progressed",
    )

    def shown(self) -> list[str]:
        return [figure_display(getattr(self, name)) for name in self.FIELDS]


def _first_learning_dates(*, invitations: list[JoinInvitation]) -> dict[int, date]:
    """The first day each invited person was seen learning, by person id: the earlier of
    their first xAPI statement and the day they were added to a ULR's caseload (two queries)."""
    accounts = [inv.person.account for inv in invitations if inv.person.account is not None]
    firsts = statements_first_timestamps(users=accounts)
    dates: dict[int, date] = {
        inv.person_id: firsts[inv.person.account_id].date()
        for inv in invitations
        if inv.person.account_id in firsts
    }
    for person_id, day in caseload_first_dates(
        person_ids=[inv.person_id for inv in invitations]
    ).items():
        dates[person_id] = min(day, dates.get(person_id, day))
    return dates


def joined_after_learning(*, invitation: JoinInvitation, first_learning: date | None) -> bool:
    """Joined on or after the day they were first seen learning."""
    return (
        invitation.outcome == JoinOutcome.JOINED
        and invitation.joined_on is not None
        and first_learning is not None
        and first_learning <= invitation.joined_on
    )


def organising_rows_of(*, unit: OrgUnit) -> list[OrgUnit]:
    """The rows of the figures table: a union by region, a region by branch, else the unit."""
    if unit.kind in ("union", "region"):
        children = list(unit.children.filter(is_active=True).order_by("name"))
        if children:
            return children
    return [unit]


def places_within(*, unit: OrgUnit) -> QuerySet[OrgUnit]:
    """`unit` and its children (a branch and its workplaces), for choosing a ULR's place."""
    units = type(unit)._default_manager
    return units.filter(Q(pk=unit.pk) | Q(parent=unit, is_active=True)).order_by("depth", "name")


class _Tally:
    """Distinct people per figure, per row (by path prefix) and in total ("*")."""

    def __init__(self, rows: list[OrgUnit]) -> None:
        self.width = len(rows[0].path)
        self.rows = {row.path for row in rows}
        self.seen: dict[str, dict[str, set[object]]] = defaultdict(lambda: defaultdict(set))

    def add(self, path: str, name: str, who: object) -> None:
        key = path[: self.width]
        if key in self.rows:
            self.seen[key][name].add(who)
        self.seen["*"][name].add(who)

    def count(self, key: str, name: str) -> int:
        return len(self.seen[key][name])


def _tally_joining(tally: _Tally, unit: OrgUnit) -> None:
    invitations = list(
        JoinInvitation.objects.filter(person__home_unit__path__startswith=unit.path).select_related(
            "person__home_unit", "person__account"
        )
    )
    firsts = _first_learning_dates(invitations=invitations)
    for inv in invitations:
        path = inv.person.home_unit.path
        tally.add(path, "invited", inv.person_id)
        if inv.outcome == JoinOutcome.JOINED:
            tally.add(path, "joined", inv.person_id)
        if joined_after_learning(invitation=inv, first_learning=firsts.get(inv.person_id)):
            tally.add(path, "joined_after_learning", inv.person_id)


def _tally_activity(tally: _Tally, unit: OrgUnit) -> None:
    """ULR and activist roles ever granted (history: ended grants count), activist records
    and progressions. Activists are counted by account where they have one, so a person with
    both a record and a role counts once."""
    for grant in grants_of_roles_within(roles=[Role.ULR], unit_path=unit.path, active_only=False):
        tally.add(grant.unit.path, "became_ulr", grant.user_id)  # type: ignore[union-attr]
    for grant in grants_of_roles_within(
        roles=ACTIVIST_ROLES, unit_path=unit.path, active_only=False
    ):
        tally.add(grant.unit.path, "became_activist", ("user", grant.user_id))  # type: ignore[union-attr]
    records = ActivistRecord.objects.filter(person__home_unit__path__startswith=unit.path)
    for path, person_id, account_id in records.values_list(
        "person__home_unit__path", "person_id", "person__account_id"
    ):
        who = ("user", account_id) if account_id else ("person", person_id)
        tally.add(path, "became_activist", who)
    for path, person_id in Progression.objects.filter(
        person__home_unit__path__startswith=unit.path
    ).values_list("person__home_unit__path", "person_id"):
        tally.add(path, "progressed", person_id)


def organising_figures(
    *, unit: OrgUnit, rows: list[OrgUnit]
) -> tuple[list[OrganisingFigures], OrganisingFigures]:
    """Invited, joined, joined after learning, became ULR, became activist, progressed, per
    row unit (all at one depth, at or below `unit`) and in total for `unit`.

    The caller has checked that the user may summarise at `unit`. A person counts once per
    figure; rows are matched on the materialised path's prefix. Raw counts: show them through
    `figure_display`.
    """
    tally = _Tally(rows)
    _tally_joining(tally, unit)
    _tally_activity(tally, unit)
    figures = [OrganisingFigures(unit_id=row.pk, name=row.name) for row in rows]
    total = OrganisingFigures(unit_id=unit.pk, name=unit.name)
    for key, figure in [
        *((row.path, f) for row, f in zip(rows, figures, strict=True)),
        ("*", total),
    ]:
        for name in OrganisingFigures.FIELDS:
            setattr(figure, name, tally.count(key, name))
    return figures, total


def join_invitations_within(
    *, user: User | AnonymousUser, unit: OrgUnit
) -> QuerySet[JoinInvitation]:
    """Invitations to join at `unit` or below that `user` may see, newest first."""
    return (
        JoinInvitation.objects.filter(scope_q(user=user, kind="reps.joininvitation"))
        .filter(person__home_unit__path__startswith=unit.path)
        .select_related("person", "person__home_unit")
        .order_by("-invited_on", "-pk")
    )


def join_invitation_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> JoinInvitation:
    return get_object_or_404(
        JoinInvitation.objects.filter(
            scope_q(user=user, kind="reps.joininvitation", action=action)
        ).select_related("person"),
        pk=pk,
    )


def join_invitation_open_exists(*, person_id: int) -> bool:
    return JoinInvitation.objects.filter(person_id=person_id, outcome=JoinOutcome.PENDING).exists()


# --- choices for the forms ----------------------------------------------------------------------

PICK_LIMIT = 500


def people_choices(
    *, user: User | AnonymousUser, non_members_only: bool = False
) -> list[tuple[int, str]]:
    """(id, "Name – workplace") of the people `user` may see, for a form's choice (at most 500,
    by name): non-members only for an invitation to join."""
    people = people_visible_to(user=user).select_related("home_unit")
    if non_members_only:
        people = people.exclude(status=MembershipStatus.MEMBER)
    return [
        (person.pk, f"{person.display_name} – {person.home_unit.name}")
        for person in people.order_by("family_name", "given_name", "pk")[:PICK_LIMIT]
    ]


def person_for_form(*, user: User | AnonymousUser, pk: int) -> Person:
    """A person chosen in a form, read through the user's scope (404 if not theirs)."""
    return person_get_visible(user=user, pk=pk)


def member_find(*, user: User | AnonymousUser, text: str, unit: OrgUnit) -> Person | None:
    """The member at `unit` or below with this membership number or email address, if `user`
    may see them."""
    text = text.strip()
    if not text:
        return None
    people = people_visible_to(user=user).filter(home_unit__path__startswith=unit.path)
    return (
        people.filter(Q(membership_number__iexact=text) | Q(email__iexact=text))
        .select_related("home_unit", "account")
        .first()
    )


def ulr_choices(*, unit: OrgUnit) -> list[tuple[int, str]]:
    """(user id, name) of the ULRs of `unit` and below, for recording an appointment."""
    seen: dict[int, str] = {}
    for grant in grants_of_roles_within(roles=[Role.ULR], unit_path=unit.path):
        seen.setdefault(grant.user_id, str(grant.user))
    return sorted(seen.items(), key=lambda item: item[1])


def person_of_account(*, user: User | AnonymousUser, user_id: int) -> Person | None:
    """The profile of the account `user_id`, if `user` may see it."""
    return (
        people_visible_to(user=user).filter(account_id=user_id).select_related("home_unit").first()
    )


@dataclass(frozen=True)
class RecordsAboutMe:
    """What reps and co-ordinators recorded about a person's joining and progress."""

    join_invitations: list[JoinInvitation]
    progressions: list[Progression]
    activist_records: list[ActivistRecord]


def records_about_user(*, user: User | AnonymousUser) -> RecordsAboutMe:
    """Organising records about the signed-in person themself (three queries): a person may
    always see what was recorded about them; nobody else's can appear (matched on the account)."""
    if not user.is_authenticated:
        return RecordsAboutMe([], [], [])
    return RecordsAboutMe(
        join_invitations=list(
            JoinInvitation.objects.filter(person__account=user).order_by("-invited_on", "-pk")
        ),
        progressions=list(
            Progression.objects.filter(person__account=user).order_by("-progressed_on", "-pk")
        ),
        activist_records=list(
            ActivistRecord.objects.filter(person__account=user).order_by("-became_on", "-pk")
        ),
    )
