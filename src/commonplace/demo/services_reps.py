"""The demo's union learning reps: their statutory appointments and training, time logs and
facility time across the demo employers, a pending invitation to become a ULR, and a history
of non-member learners invited to join, joining and going on to further learning.

Deterministic (the context's seeded random numbers, the demo's fixed "today") and quick: rows
are bulk-inserted, and the services are called only where their side effects matter (the
demo ULR's training is an xAPI statement; a learner who joins becomes a member).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.accounts.models import User
from commonplace.lrs import vocabulary
from commonplace.lrs.enums import XapiVersion
from commonplace.lrs.selectors import statements_actor_for_user
from commonplace.lrs.services.clients import lrs_platform_client
from commonplace.lrs.services.statements import platform_authority, statements_store
from commonplace.organisation.models import OrgUnit
from commonplace.pathways.selectors import ulr_training_pathways
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import Person
from commonplace.reps.enums import JoinOutcome, UlrFunction
from commonplace.reps.models import (
    ActivistRecord,
    JoinInvitation,
    Progression,
    RepAppointment,
    TimeEntry,
    TrainingRecord,
)
from commonplace.reps.services import (
    join_outcome_record,
    rep_invitation_create,
    training_record_add,
)

if TYPE_CHECKING:
    from .services import DemoContext

TODAY = date(2026, 11, 1)  # the demo's fixed "today" (demo.services.TODAY; a test keeps them equal)
SITE = "https://learning.demo.commonplace.test"

# What the demo ULR logged over the last five weeks: (days ago, minutes, function, paid, note).
ULR_WEEKS = [
    (2, 60, UlrFunction.INFORMATION_ADVICE, True, "Two porters asked about English classes."),
    (4, 90, UlrFunction.ARRANGING, True, "Booked four places on the digital skills course."),
    (6, 30, UlrFunction.PREPARING, False, "Read the new learning agreement draft."),
    (9, 120, UlrFunction.PROMOTING, True, "Learning stall in the staff canteen at shift change."),
    (11, 45, UlrFunction.ANALYSING_NEEDS, True, "Skills checks with two night-shift cleaners."),
    (16, 60, UlrFunction.CONSULTING, True, "Met HR about study leave for the maths group."),
    (18, 30, UlrFunction.INFORMATION_ADVICE, False, "Follow-up call with a learner."),
    (23, 150, UlrFunction.ARRANGING, True, "Set up the Tuesday maths group with the college."),
    (25, 60, UlrFunction.PROMOTING, True, "Spoke at the ward team meeting."),
    (30, 90, UlrFunction.ANALYSING_NEEDS, True, "Learning needs survey of the catering team."),
    (33, 45, UlrFunction.PREPARING, False, "Prepared the learning fair timetable."),
]
FUNCTIONS = list(UlrFunction.values)
PROGRESSIONS = [
    ("Functional skills English, entry 3", "Functional skills English, level 1"),
    ("Functional skills maths, level 1", "Functional skills maths, level 2"),
    ("Digital skills for work", "Essential digital skills qualification"),
    ("Return to learning course", "Access to higher education diploma"),
    ("Level 2 certificate in health and social care", "Level 3 diploma in adult care"),
    ("English for speakers of other languages, entry 2", "ESOL entry 3"),
]
# The outcomes of invitations to join, in turn: half join, the rest decline, do not reply, or
# have not decided yet.
OUTCOMES = [
    JoinOutcome.JOINED,
    JoinOutcome.DECLINED,
    JoinOutcome.JOINED,
    JoinOutcome.NO_REPLY,
    JoinOutcome.JOINED,
    JoinOutcome.PENDING,
    JoinOutcome.JOINED,
    JoinOutcome.DECLINED,
    JoinOutcome.JOINED,
    JoinOutcome.NO_REPLY,
]
ACTIVITIES = ["Workplace contact", "Steward", "Health and safety rep", "Equality rep"]


def _employer_of_branch(ctx: DemoContext) -> dict[int, int]:
    employers: dict[int, int] = {}
    for workplace in ctx.workplaces:
        if workplace.parent_id is not None and workplace.employer_id is not None:
            employers.setdefault(workplace.parent_id, workplace.employer_id)
    return employers


def _months_before(day: date, months: int) -> date:
    month_index = day.month - 1 - months
    return date(day.year + month_index // 12, month_index % 12 + 1, min(day.day, 28))


def _appointments(ctx: DemoContext) -> list[RepAppointment]:
    """One appointment per ULR, at their branch with its employer. Most are trained; in the
    co-ordinator's branch one ULR's six months run out 25 days after the demo's today and
    one has no written notice yet."""
    employers = _employer_of_branch(ctx)
    grants = list(
        RoleGrant.objects.filter(role=Role.ULR, unit__kind="branch")
        .select_related("unit")
        .order_by("unit_id", "pk")
    )
    people = {
        p.account_id: p for p in Person.objects.filter(account_id__in=[g.user_id for g in grants])
    }
    demo_ulr = ctx.accounts.get("ulr")
    demo_ulr_id = demo_ulr.pk if demo_ulr is not None else None
    rows: list[RepAppointment] = []
    first_branch = ctx.branch_units[0].pk if ctx.branch_units else None
    for index, grant in enumerate(grants):
        person = people.get(grant.user_id)
        employer_id = employers.get(grant.unit_id) if grant.unit_id else None
        if person is None or employer_id is None:
            continue
        starts = TODAY - timedelta(days=ctx.rng.randint(200, 1500))
        appointment = RepAppointment(
            person=person,
            unit=grant.unit if grant.user_id != demo_ulr_id else ctx.workplaces[0],
            employer_id=employer_id,
            starts_on=starts,
            notice_given_on=starts + timedelta(days=7),
        )
        if grant.unit_id == first_branch and grant.user_id != demo_ulr_id:
            if not any(r.unit_id == first_branch and not r.trained_on for r in rows):
                appointment.starts_on = _months_before(TODAY, 6) + timedelta(days=15)
                appointment.notice_given_on = appointment.starts_on + timedelta(days=10)
            else:
                appointment.starts_on = TODAY - timedelta(days=20)
                appointment.notice_given_on = None
        elif grant.user_id != demo_ulr_id and index % 5 != 3:
            appointment.trained_on = starts + timedelta(days=7 + ctx.rng.randint(30, 170))
            appointment.training_course = "ULR stage 1 (TUC Education)"
        elif grant.user_id != demo_ulr_id:  # newer ULRs with training still due
            appointment.starts_on = TODAY - timedelta(days=ctx.rng.randint(20, 90))
            appointment.notice_given_on = appointment.starts_on + timedelta(days=5)
        rows.append(appointment)
    # Reps who completed the ULR training pathway (`step_pathways`) were trained through it;
    # the demo ULR was trained on a TUC course long before (her training record, below).
    through_pathway = {
        record.person_id: record
        for record in TrainingRecord.objects.filter(pathway__isnull=False, is_ulr_training=True)
    }
    for appointment in rows:
        record = through_pathway.get(appointment.person.pk)
        if record is not None and appointment.person.account_id != demo_ulr_id:
            appointment.trained_on, appointment.training_course = record.completed_on, record.title
    return RepAppointment.objects.bulk_create(rows)


def _training_through_pathway(ctx: DemoContext, appointments: list[RepAppointment]) -> None:
    """One more ULR, in a branch after the co-ordinator's, completes the ULR training pathway
    now: it goes into their training record and meets the condition of their appointment
    (through `pathways.services.pathway_completed`, as for anyone). In the co-ordinator's
    branch the ULRs with training still open stay where `step_pathways` left them (one
    part-way, one enrolled and not started)."""
    from .pathways import progress_further  # the demo builder's own helper

    staff = ctx.accounts.get("staff")
    pathways = ulr_training_pathways(user=staff) if staff is not None else []
    if not pathways:
        return
    pathway = pathways[0]
    demo_ulr = ctx.accounts.get("ulr")
    first_branch = ctx.branch_units[0].pk if ctx.branch_units else None
    trained_through = set(
        TrainingRecord.objects.filter(pathway=pathway).values_list("person_id", flat=True)
    )
    elsewhere = next(
        (
            a
            for a in appointments
            if a.unit_id != first_branch
            and a.person.account is not None
            and a.person.account != demo_ulr
            and a.person_id not in trained_through
        ),
        None,
    )
    if elsewhere is not None and elsewhere.person.account is not None:
        RepAppointment.objects.filter(pk=elsewhere.pk).update(trained_on=None, training_course="")
        progress_further(elsewhere.person.account, pathway, "completed")


def _time_entries(ctx: DemoContext, appointments: list[RepAppointment]) -> int:
    """The demo ULR's five weeks; a few entries a month since April for most other ULRs (the
    untrained ones in the co-ordinator's branch logged nothing lately: they need support)."""
    demo_ulr = ctx.accounts.get("ulr")
    first_branch = ctx.branch_units[0].pk if ctx.branch_units else None
    entries = []
    for appointment in appointments:
        if demo_ulr is not None and appointment.person.account_id == demo_ulr.pk:
            entries += [
                TimeEntry(
                    appointment=appointment,
                    on=TODAY - timedelta(days=days),
                    minutes=minutes,
                    function=function,
                    paid_facility_time=paid,
                    learners_supported=1 + days % 3,
                    events_run=1 if function == UlrFunction.PROMOTING else 0,
                    note=note,
                )
                for days, minutes, function, paid, note in ULR_WEEKS
            ]
            continue
        if appointment.unit_id == first_branch and not appointment.trained_on:
            continue
        for _ in range(ctx.rng.randint(4, 9)):
            entries.append(
                TimeEntry(
                    appointment=appointment,
                    on=TODAY - timedelta(days=ctx.rng.randint(1, 210)),
                    minutes=ctx.rng.choice([30, 45, 60, 90, 120, 180]),
                    function=ctx.rng.choice(FUNCTIONS),
                    paid_facility_time=ctx.rng.random() < 0.8,
                    learners_supported=ctx.rng.randint(0, 4),
                )
            )
    TimeEntry.objects.bulk_create(entries)
    return len(entries)


def _iso(day: date) -> str:
    return datetime(day.year, day.month, day.day, 11, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _learners_of(ctx: DemoContext, regions: list[OrgUnit]) -> Iterator[Person]:
    branch_ids = [b.pk for b in ctx.branch_units if b.parent_id in {r.pk for r in regions}]
    return iter(
        Person.objects.filter(
            branch_id__in=branch_ids, status=MembershipStatus.NON_MEMBER, account__isnull=True
        ).order_by("pk")
    )


def _join_history(ctx: DemoContext) -> tuple[int, int]:
    """Non-member learners of the first two regions: each gets an account and a first learning
    statement, is invited to join, and half of them join, most of them after they started
    learning. Returns (invited, joined)."""
    learners = list(_learners_of(ctx, ctx.regions[:2]))
    users = []
    for person in learners:
        user = User(
            email=person.email or f"learner{person.pk}@example.org",
            display_name=person.display_name,
        )
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    for person, user in zip(learners, users, strict=True):
        person.account = user
    Person.objects.bulk_update(learners, ["account"])
    invitations, statements, outcomes = [], [], []
    for person, user in zip(learners, users, strict=True):
        invited = TODAY - timedelta(days=ctx.rng.randint(40, 330))
        learned = invited - timedelta(days=ctx.rng.randint(5, 60))
        outcome = OUTCOMES[len(outcomes) % len(OUTCOMES)]
        joined = invited + timedelta(days=ctx.rng.randint(2, 30))
        if outcome == JoinOutcome.JOINED and ctx.rng.random() < 0.2:
            learned = joined + timedelta(days=ctx.rng.randint(1, 20))  # learned only after joining
        statements.append(
            {
                "actor": statements_actor_for_user(user),
                "verb": {
                    "id": vocabulary.EXPERIENCED.iri,
                    "display": vocabulary.EXPERIENCED.display,
                },
                "object": {
                    "objectType": "Activity",
                    "id": f"{SITE}/learning/what-a-union-learning-rep-does/",
                    "definition": {
                        "type": vocabulary.ActivityType.LESSON,
                        "name": {"en": "What a union learning rep does"},
                    },
                },
                "timestamp": _iso(learned),
            }
        )
        invitations.append(JoinInvitation(person=person, invited_on=invited))
        outcomes.append((outcome, joined))
    if statements:
        statements_store(  # as the platform records them (statement_record), in one batch
            statements,
            client=lrs_platform_client(union=ctx.require_union()),
            version=XapiVersion.V2_0_0,
            authority=platform_authority(),
        )
    JoinInvitation.objects.bulk_create(invitations)
    joined_count = 0
    for invitation, (outcome, joined) in zip(invitations, outcomes, strict=True):
        if outcome != JoinOutcome.PENDING:
            join_outcome_record(
                actor=None,
                invitation=invitation,
                outcome=outcome,
                joined_on=joined if outcome == JoinOutcome.JOINED else None,
                today=TODAY,
            )
            joined_count += outcome == JoinOutcome.JOINED
    _progressions_and_activists(ctx, [i.person for i in invitations])
    return len(invitations), joined_count


def _progressions_and_activists(ctx: DemoContext, learners: list[Person]) -> None:
    progressions = [
        Progression(
            person=person,
            from_learning=step[0],
            to_learning=step[1],
            progressed_on=TODAY - timedelta(days=ctx.rng.randint(10, 200)),
        )
        for person in learners
        if ctx.rng.random() < 0.45
        for step in [ctx.rng.choice(PROGRESSIONS)]
    ]
    Progression.objects.bulk_create(progressions)
    activists = [
        ActivistRecord(
            person=person,
            activity=ctx.rng.choice(ACTIVITIES),
            became_on=TODAY - timedelta(days=ctx.rng.randint(5, 150)),
        )
        for person in learners
        if ctx.rng.random() < 0.15
    ]
    ActivistRecord.objects.bulk_create(activists)


def _demo_ulr_training_and_invitation(ctx: DemoContext) -> None:
    """The demo ULR's training record (through the service: an xAPI statement, and it meets
    the training condition), and the co-ordinator's pending invitation to the demo learner."""
    ulr, coordinator, learner = (ctx.accounts.get(k) for k in ("ulr", "coordinator", "learner"))
    if ulr is not None:
        person = Person.objects.get(account=ulr)
        training_record_add(
            actor=ulr,
            person=person,
            title="ULR stage 1 (TUC Education)",
            provider="TUC Education",
            completed_on=TODAY - timedelta(days=400),
            certificate_reference="TUC-ULR1-48213",
            is_ulr_training=True,
            today=TODAY,
        )
        training_record_add(
            actor=ulr,
            person=person,
            title="Supporting learners with maths",
            provider="Cardiff and Vale College",
            completed_on=TODAY - timedelta(days=120),
            today=TODAY,
        )
    if coordinator is not None and learner is not None and ctx.workplaces:
        workplace = ctx.workplaces[0]
        rep_invitation_create(
            actor=coordinator,
            person=Person.objects.get(account=learner),
            unit=workplace,
            employer=workplace.employer,  # type: ignore[arg-type]
        )


def step_reps_role(ctx: DemoContext) -> None:
    """ULR appointments, time logs and facility time, the demo ULR's training, a pending ULR
    invitation, and the joining and progression history of two regions."""
    appointments = _appointments(ctx)
    _training_through_pathway(ctx, appointments)
    entries = _time_entries(ctx, appointments)
    _demo_ulr_training_and_invitation(ctx)
    invited, joined = _join_history(ctx)
    ctx.report(
        f"reps role: {len(appointments)} ULR appointments, {entries} time entries, "
        f"{invited} learners invited to join ({joined} joined)"
    )
