"""Builds the demo union: deterministic (fixed seed), bulk-inserted, idempotent.

The build is an ordered list of steps (`DEMO_STEPS`); each later capability appends its own step
(learning content, caseloads, ...) that reads and extends the shared `DemoContext`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice

from allauth.account.models import EmailAddress
from django.db import transaction

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.accounts.models import User
from commonplace.assessment.enums import QuestionKind, QuizStatus
from commonplace.assessment.models import Choice, Question, Quiz
from commonplace.assessment.selectors import quiz_questions
from commonplace.assessment.services import (
    attempt_start,
    attempt_submit,
    quiz_publish,
    quiz_tile_source,
)
from commonplace.learning.services import resource_create, resource_publish, topic_create
from commonplace.lrs.enums import Scope
from commonplace.lrs.services import lrs_client_create
from commonplace.organisation.enums import UnitKind
from commonplace.organisation.models import Employer, OrgUnit, ServiceGroup
from commonplace.organisation.services import path_segment, unit_create
from commonplace.people.enums import MembershipStatus, WorkingPattern
from commonplace.people.models import EqualityAnswers, Person

from . import data, learning_data
from .caseload import step_caseload
from .certificates import step_certificates
from .learning_space import step_learning_space
from .pathways import step_pathways
from .projects import step_projects
from .proposals import step_proposals
from .quizzes import DEMO_QUIZZES
from .services_reps import step_reps_role
from .skills import step_skills
from .tiles import tile_topics_set

SEED = 20261123
TODAY = date(2026, 11, 1)  # a fixed "today" keeps the demo identical on every machine
CHUNK = 10_000

Report = Callable[[str], None]


@dataclass
class DemoAccount:
    key: str
    role: Role
    place: str  # "workplace", "branch", "region" or "union": where the role is held
    given_name: str
    family_name: str
    also_learner: bool = True

    @property
    def email(self) -> str:
        return f"{self.key}@{data.DOMAIN}"


DEMO_ACCOUNTS = [
    DemoAccount("learner", Role.LEARNER, "workplace", "Sam", "Pritchard"),
    DemoAccount("ulr", Role.ULR, "branch", "Carys", "Jenkins"),
    DemoAccount("coordinator", Role.COORDINATOR, "branch", "Emeka", "Okafor"),
    DemoAccount("officer", Role.BRANCH_OFFICER, "branch", "Bethan", "Rees"),
    DemoAccount("organiser", Role.ORGANISER, "region", "Tariq", "Hussain"),
    DemoAccount("staff", Role.STAFF, "union", "Joanne", "Watkins"),
    DemoAccount("admin", Role.ADMINISTRATOR, "union", "Gareth", "Lloyd"),
    DemoAccount("reviewer", Role.REVIEWER, "region", "Nia", "Morgan"),
    DemoAccount("assessor", Role.ASSESSOR, "region", "Rhian", "Pugh"),
]


@dataclass
class DemoContext:
    branches: int
    members: int
    report: Report
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # noqa: S311 - demo data, not security
    union: OrgUnit | None = None
    regions: list[OrgUnit] = field(default_factory=list)
    branch_units: list[OrgUnit] = field(default_factory=list)
    workplaces: list[OrgUnit] = field(default_factory=list)
    service_groups: list[ServiceGroup] = field(default_factory=list)
    accounts: dict[str, User] = field(default_factory=dict)

    def require_union(self) -> OrgUnit:
        if self.union is None:
            raise RuntimeError("the tree step must run before this one")
        return self.union


def demo_union_get() -> OrgUnit | None:
    return OrgUnit.objects.filter(kind=UnitKind.UNION, code=data.UNION_CODE).first()


def _chunks(items: list, size: int = CHUNK):  # type: ignore[no-untyped-def]
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _bulk_units(parents_and_units: list[tuple[OrgUnit, OrgUnit]]) -> list[OrgUnit]:
    """Insert units in bulk, then set their paths from their parents' in one bulk update."""
    units = [unit for _, unit in parents_and_units]
    for chunk in _chunks(units):
        OrgUnit.objects.bulk_create(chunk)
    for parent, unit in parents_and_units:
        unit.path = parent.path + path_segment(unit.pk)
        unit.depth = parent.depth + 1
    for chunk in _chunks(units):
        OrgUnit.objects.bulk_update(chunk, ["path", "depth"])
    return units


def step_tree(ctx: DemoContext) -> None:
    """The union, 12 regions, branches (named after their employer) and their workplaces."""
    union = unit_create(name=data.UNION_NAME, kind=UnitKind.UNION, code=data.UNION_CODE)
    ctx.union = union
    ctx.regions = [
        unit_create(name=name, kind=UnitKind.REGION, parent=union, code=f"R{i + 1:02d}")
        for i, (name, _towns) in enumerate(data.REGIONS)
    ]
    ctx.service_groups = ServiceGroup.objects.bulk_create(
        [ServiceGroup(union=union, name=name) for name in data.SERVICE_GROUPS]
    )
    employers: list[Employer] = []
    branch_rows: list[tuple[OrgUnit, OrgUnit]] = []
    seen: dict[str, int] = {}
    for i in range(ctx.branches):
        region_index, rank = i % len(ctx.regions), i // len(ctx.regions)
        region, towns = ctx.regions[region_index], data.REGIONS[region_index][1]
        town = towns[rank % len(towns)]
        pattern, sector, _ = data.EMPLOYER_KINDS[(rank + region_index) % len(data.EMPLOYER_KINDS)]
        name = pattern.format(town=town)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        employers.append(Employer(union=union, name=name, sector=sector))
        branch_rows.append(
            (
                region,
                OrgUnit(
                    union=union,
                    parent=region,
                    kind=UnitKind.BRANCH,
                    name=f"{name} branch",
                    code=f"B{i + 1:04d}",
                ),
            )
        )
    for chunk in _chunks(employers):
        Employer.objects.bulk_create(chunk)
    ctx.branch_units = _bulk_units(branch_rows)
    workplace_rows: list[tuple[OrgUnit, OrgUnit]] = []
    sites = {pattern.split("}")[1]: kind_sites for pattern, _, kind_sites in data.EMPLOYER_KINDS}
    for i, (branch, employer) in enumerate(zip(ctx.branch_units, employers, strict=True)):
        town, _, rest = employer.name.partition(" ")
        kind_sites = next(v for suffix, v in sites.items() if rest.startswith(suffix.strip()))
        for j, site in enumerate(kind_sites):
            workplace_rows.append(
                (
                    branch,
                    OrgUnit(
                        union=union,
                        parent=branch,
                        kind=UnitKind.WORKPLACE,
                        name=f"{town} {site}",
                        code=f"W{i + 1:04d}{j + 1}",
                        employer=employer,
                    ),
                )
            )
    ctx.workplaces = _bulk_units(workplace_rows)
    ctx.report(
        f"tree: 1 union, {len(ctx.regions)} regions, {len(ctx.branch_units)} branches, "
        f"{len(ctx.workplaces)} workplaces, {len(employers)} employers, "
        f"{len(ctx.service_groups)} service groups"
    )


def _person_row(ctx: DemoContext, index: int, workplace: OrgUnit, union: OrgUnit) -> Person:
    rng = ctx.rng
    roll = rng.random()
    status = (
        MembershipStatus.MEMBER
        if roll < 0.82
        else MembershipStatus.LAPSED
        if roll < 0.9
        else MembershipStatus.NON_MEMBER
    )
    joined = TODAY - timedelta(days=rng.randint(30, 365 * 25))
    given, family = rng.choice(data.GIVEN_NAMES), rng.choice(data.FAMILY_NAMES)
    return Person(
        union=union,
        membership_number=f"{index + 1:08d}" if status != MembershipStatus.NON_MEMBER else "",
        given_name=given,
        family_name=family,
        email=f"{given}.{family}.{index + 1}@example.org".lower().replace("'", ""),
        status=status,
        joined_on=joined if status != MembershipStatus.NON_MEMBER else None,
        lapsed_on=(
            joined + timedelta(days=rng.randint(200, 2000))
            if status == MembershipStatus.LAPSED
            else None
        ),
        home_unit=workplace,
        branch_id=workplace.parent_id,
        workplace=workplace,
        employer_id=workplace.employer_id,
        service_group=ctx.service_groups[index % len(ctx.service_groups)],
        job_title=rng.choice(data.JOB_TITLES),
        working_pattern=(
            WorkingPattern.PART_TIME if rng.random() < 0.4 else WorkingPattern.FULL_TIME
        ),
        contact_by_email=rng.random() < 0.85,
        contact_by_sms=rng.random() < 0.3,
    )


def step_members(ctx: DemoContext) -> None:
    """Members spread over the workplaces, in bulk; some answer the equality questions."""
    union = ctx.require_union()
    workplaces = ctx.workplaces
    created = 0
    answers = (
        ("sex", ["female", "male", "prefer_not"]),
        ("age_band", ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]),
        ("disability", ["yes", "no", "prefer_not"]),
        ("ethnicity", ["white", "asian", "black", "mixed", "other", "prefer_not"]),
    )
    for start in range(0, ctx.members, CHUNK):
        rows = [
            _person_row(ctx, i, workplaces[(i * 7919) % len(workplaces)], union)
            for i in range(start, min(start + CHUNK, ctx.members))
        ]
        Person.objects.bulk_create(rows)
        equality = [
            EqualityAnswers(person=p, **{name: ctx.rng.choice(values) for name, values in answers})
            for p in rows
            if ctx.rng.random() < 0.3
        ]
        EqualityAnswers.objects.bulk_create(equality)
        created += len(rows)
    ctx.report(f"members: {created} people")


def _place_for(ctx: DemoContext, place: str) -> OrgUnit:
    return {
        "workplace": ctx.workplaces[0],
        "branch": ctx.branch_units[0],
        "region": ctx.regions[0],
        "union": ctx.require_union(),
    }[place]


def step_accounts(ctx: DemoContext) -> None:
    """The demo log-ins: a profile each, a verified email, and their roles."""
    workplace = ctx.workplaces[0]
    for account in DEMO_ACCOUNTS:
        user = User.objects.create_user(
            account.email,
            data.PASSWORD,
            display_name=f"{account.given_name} {account.family_name}",
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        Person.objects.create(
            union=ctx.require_union(),
            account=user,
            given_name=account.given_name,
            family_name=account.family_name,
            email=user.email,
            status=MembershipStatus.MEMBER,
            joined_on=TODAY - timedelta(days=900),
            membership_number=f"D{len(ctx.accounts) + 1:07d}",
            home_unit=workplace,
            branch_id=workplace.parent_id,
            workplace=workplace,
            employer_id=workplace.employer_id,
            service_group=ctx.service_groups[0],
            job_title="Healthcare assistant",
            working_pattern=WorkingPattern.FULL_TIME,
        )
        RoleGrant.objects.create(user=user, role=account.role, unit=_place_for(ctx, account.place))
        if account.also_learner and account.role != Role.LEARNER:
            RoleGrant.objects.create(user=user, role=Role.LEARNER, unit=workplace)
        ctx.accounts[account.key] = user
    ctx.report(f"accounts: {len(DEMO_ACCOUNTS)} demo log-ins")


def step_reps(ctx: DemoContext) -> None:
    """Reps and officers among the members: per branch two ULRs, a co-ordinator and an officer;
    an organiser per region; three national staff. Their accounts have no password (they would
    set one through "forgot password"), so building them costs no hashing."""
    union = ctx.require_union()
    plan: list[tuple[OrgUnit, Role]] = []
    for branch in ctx.branch_units:
        plan += [
            (branch, Role.ULR),
            (branch, Role.ULR),
            (branch, Role.COORDINATOR),
            (branch, Role.BRANCH_OFFICER),
        ]
    plan += [(region, Role.ORGANISER) for region in ctx.regions]
    plan += [(union, Role.STAFF)] * 3
    people = list(
        Person.objects.filter(
            union=union, account__isnull=True, status=MembershipStatus.MEMBER
        ).order_by("pk")[: len(plan)]
    )
    users = []
    for person in people:
        user = User(email=person.email, display_name=person.display_name)
        user.set_unusable_password()
        users.append(user)
    for chunk in _chunks(users):
        User.objects.bulk_create(chunk)
    grants = []
    for person, user, (unit, role) in zip(people, users, plan, strict=False):
        person.account = user
        grants.append(RoleGrant(user=user, role=role, unit=unit))
        grants.append(RoleGrant(user=user, role=Role.LEARNER, unit=person.home_unit))
    for chunk in _chunks(people):
        Person.objects.bulk_update(chunk, ["account"])
    for chunk in _chunks(grants):
        RoleGrant.objects.bulk_create(chunk)
    ctx.report(f"reps: {len(users)} reps, officers, organisers and staff among the members")


def step_lrs_client(ctx: DemoContext) -> None:
    """The demo LRS client with every scope (demo only: production has no default credentials)."""
    lrs_client_create(
        actor=None,
        name="Demo LRS client",
        scopes=[Scope.ALL, *Scope.values],
        union=ctx.require_union(),
        key="demo-lrs-key",
        secret="demo-lrs-secret",  # noqa: S106
    )
    ctx.report("lrs: client demo-lrs-key")


def _quiz_create(union: OrgUnit, spec: dict) -> Quiz:  # type: ignore[type-arg]
    quiz = Quiz.objects.create(
        title=spec["title"],
        slug=spec["slug"],
        introduction=spec["introduction"],
        owner_unit=union,
        pass_mark=spec["pass_mark"],
        status=QuizStatus.DRAFT,
    )
    choices = []
    for order, (kind, text, explanation, answer) in enumerate(spec["questions"], start=1):
        question = Question.objects.create(
            quiz=quiz,
            order=order,
            kind=kind,
            text=text,
            explanation=explanation,
            answer_true=answer if kind == QuestionKind.TRUE_FALSE else None,
            accepted_answers=answer if kind == QuestionKind.SHORT_TEXT else [],
        )
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            choices += [
                Choice(question=question, text=t, is_correct=ok, order=i)
                for i, (t, ok) in enumerate(answer)
            ]
        elif kind == QuestionKind.MATCHING:
            choices += [
                Choice(question=question, text=t, match_text=m, order=i)
                for i, (t, m) in enumerate(answer)
            ]
        elif kind == QuestionKind.ORDERING:
            # Shown in an order other than the right one: the right order, rotated by one.
            items = list(enumerate(answer, start=1))
            items = items[1:] + items[:1]
            choices += [
                Choice(question=question, text=t, position=p, order=i)
                for i, (p, t) in enumerate(items)
            ]
    Choice.objects.bulk_create(choices)
    # Published through the service, so the quiz gets its catalogue tile (decision 0250).
    quiz = quiz_publish(actor=None, quiz=quiz)
    tile_topics_set(source=quiz_tile_source(quiz), slugs=spec.get("topics", []))
    return quiz


def quiz_right_responses(quiz: Quiz) -> dict[int, object]:
    """The right answer to every question of `quiz`, as the quiz page would post it."""
    responses: dict[int, object] = {}
    for question in quiz_questions(quiz=quiz):
        choices = list(question.choices.all())
        kind = question.kind
        if kind == QuestionKind.SINGLE:
            responses[question.pk] = next(str(c.pk) for c in choices if c.is_correct)
        elif kind == QuestionKind.MULTIPLE:
            responses[question.pk] = [str(c.pk) for c in choices if c.is_correct]
        elif kind == QuestionKind.TRUE_FALSE:
            responses[question.pk] = "true" if question.answer_true else "false"
        elif kind == QuestionKind.SHORT_TEXT:
            responses[question.pk] = question.accepted_answers[0]
        elif kind == QuestionKind.MATCHING:
            responses[question.pk] = {str(c.pk): str(c.pk) for c in choices}
        elif kind == QuestionKind.ORDERING:
            responses[question.pk] = {str(c.pk): str(c.position) for c in choices}
    return responses


def step_quizzes(ctx: DemoContext) -> None:
    """Two published quizzes for every member, each with its catalogue tile filed under the
    demo's topics (so after `step_learning`); the demo learner has passed the first one
    (recorded through the service, so its xAPI statements are there too)."""
    quizzes = [_quiz_create(ctx.require_union(), spec) for spec in DEMO_QUIZZES]
    learner = ctx.accounts.get("learner")
    if learner is not None:
        attempt = attempt_start(actor=learner, quiz=quizzes[0])
        attempt_submit(actor=learner, attempt=attempt, responses=quiz_right_responses(quizzes[0]))
    ctx.report(f"quizzes: {len(quizzes)} published, one passed attempt by the demo learner")


def step_learning(ctx: DemoContext) -> None:
    """Topics and published learning resources owned by the union (some in Welsh)."""
    union = ctx.require_union()
    topics = {
        slug: topic_create(slug=slug, name=name, name_cy=name_cy)
        for slug, name, name_cy in learning_data.TOPICS
    }
    for (
        title,
        kind,
        slugs,
        level,
        minutes,
        language,
        audiences,
        summary,
        body,
        url,
    ) in learning_data.RESOURCES:
        resource = resource_create(
            actor=None,
            owner_unit=union,
            fields={
                "title": title, "kind": kind, "level": level, "duration_minutes": minutes,
                "language": language, "audiences": audiences, "summary": summary,
                "body": body, "url": url,
            },
            topics=[topics[slug] for slug in slugs],
        )  # fmt: skip
        resource_publish(actor=None, resource=resource)
    ctx.report(f"learning: {len(learning_data.RESOURCES)} resources in {len(topics)} topics")


DEMO_STEPS: list[Callable[[DemoContext], None]] = [
    step_tree,
    step_members,
    step_accounts,
    step_reps,
    step_lrs_client,
    step_learning,
    step_quizzes,
    step_proposals,
    step_learning_space,
    step_projects,
    step_pathways,
    step_certificates,
    step_caseload,
    step_skills,
    step_reps_role,
]


def demo_load(*, branches: int = 60, members: int = 5_000, report: Report = print) -> bool:
    """Build the demo union unless it is there already. Returns whether it built anything.

    Effects: writes the whole demo union (tree, people, accounts, grants, LRS client).
    """
    if demo_union_get() is not None:
        report("The demo union is already there: nothing to do (use --reset to rebuild).")
        return False
    ctx = DemoContext(branches=branches, members=members, report=report)
    started = time.perf_counter()
    with transaction.atomic():
        for step in DEMO_STEPS:
            step_started = time.perf_counter()
            step(ctx)
            report(f"  {step.__name__} took {time.perf_counter() - step_started:.1f} s")
    report(f"Demo union built in {time.perf_counter() - started:.1f} s")
    return True


def demo_logins() -> list[tuple[str, str, str, str]]:
    """(email, password, role, place) of each demo account, read from the database."""
    rows = []
    for account in DEMO_ACCOUNTS:
        grant = (
            RoleGrant.objects.filter(user__email=account.email, role=account.role)
            .select_related("unit")
            .first()
        )
        place = (
            f"{grant.unit.name} ({grant.unit.get_kind_display()})" if grant and grant.unit else ""
        )
        rows.append((account.email, data.PASSWORD, str(account.role.label), place))
    return rows
