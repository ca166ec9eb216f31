"""The `world`: two unions; in the first, 2 regions × 2 branches × 2 workplaces, with a person,
an account and an object of every kind in every unit, so data that could leak is always there."""

from dataclasses import dataclass, field

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.learning.models import Resource
from commonplace.lrs.models import LrsClient, Statement
from commonplace.organisation.models import OrgUnit
from commonplace.people.models import EqualityAnswers, Person
from tests.factories.accounts import UserFactory
from tests.factories.assessment import AttemptFactory, QuizFactory
from tests.factories.learning import ResourceFactory
from tests.factories.lrs import LrsClientFactory, StatementFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.people import PersonFactory
from tests.factories.reps import (
    ActivistRecordFactory,
    JoinInvitationFactory,
    ProgressionFactory,
    RepAppointmentFactory,
    RepInvitationFactory,
    TimeEntryFactory,
    TrainingRecordFactory,
)


@dataclass
class World:
    union: OrgUnit
    other_union: OrgUnit
    units: dict[str, OrgUnit] = field(default_factory=dict)  # "r1", "r1b1", "r1b1w1", ...
    people: dict[str, Person] = field(default_factory=dict)  # one per unit, with an account
    # LRS clients (and a statement each) of both unions and of the federation ("fed").
    lrs_clients: dict[str, LrsClient] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    # A published quiz owned by every unit, and an attempt at it by that unit's person.
    quizzes: dict[str, object] = field(default_factory=dict)
    attempts: dict[str, object] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)  # a published file per unit
    # reps: an object of each reps kind about each unit's person.
    reps: dict[str, dict[str, object]] = field(default_factory=dict)

    def objects_of(self, kind: str) -> dict[str, object]:
        """One object of `kind` in each unit, keyed by the unit's key."""
        simple = {
            "people.person": self.people,
            "organisation.orgunit": self.units,
            "lrs.client": self.lrs_clients,
            "lrs.statement": self.statements,
            "assessment.quiz": self.quizzes,
            "assessment.attempt": self.attempts,
            "learning.resource": self.resources,
        }
        if kind in simple:
            return dict(simple[kind])
        if kind in self.reps:
            return dict(self.reps[kind])
        if kind == "people.equalityanswers":
            return {k: p.equality for k, p in self.people.items()}
        if kind == "access.rolegrant":
            return {
                k: RoleGrant.objects.get(user=p.account, role=Role.LEARNER)
                for k, p in self.people.items()
            }
        if kind == "audit.auditevent":
            return {
                k: AuditEvent.objects.get(subject_id=str(p.pk), action="people.person.viewed")
                for k, p in self.people.items()
                if k in ("u1", "u2")
            }
        raise KeyError(kind)


def _populate(world: World, key: str, unit: OrgUnit) -> None:
    from commonplace.audit.services import audit_record

    world.units[key] = unit
    person = PersonFactory(home_unit=unit, account=UserFactory(email=f"{key}@world.test"))
    EqualityAnswers.objects.create(person=person, sex="female")
    RoleGrant.objects.create(user=person.account, role=Role.LEARNER, unit=unit)
    world.people[key] = person
    quiz = QuizFactory(owner_unit=unit, slug=f"quiz-{key}", title=f"Quiz of {key}")
    world.quizzes[key] = quiz
    world.attempts[key] = AttemptFactory(quiz=quiz, user=person.account)
    world.resources[key] = ResourceFactory(owner_unit=unit, title=f"Resource {key}", as_file=True)
    _populate_reps(world, key, person)
    if unit.parent_id is None:
        audit_record(actor=None, action="people.person.viewed", subject=person)


def _populate_reps(world: World, key: str, person: Person) -> None:
    appointment = RepAppointmentFactory(person=person)
    for kind, obj in (
        ("reps.repappointment", appointment),
        ("reps.timeentry", TimeEntryFactory(appointment=appointment)),
        ("reps.trainingrecord", TrainingRecordFactory(person=person)),
        ("reps.repinvitation", RepInvitationFactory(person=person, employer=appointment.employer)),
        ("reps.joininvitation", JoinInvitationFactory(person=person)),
        ("reps.progression", ProgressionFactory(person=person)),
        ("reps.activistrecord", ActivistRecordFactory(person=person)),
    ):
        world.reps.setdefault(kind, {})[key] = obj


@pytest.fixture
def world(db) -> World:
    union, other = UnionFactory(name="Union A"), UnionFactory(name="Union B")
    w = World(union=union, other_union=other)
    _populate(w, "u1", union)
    _populate(w, "u2", other)
    for r in (1, 2):
        region = RegionFactory(parent=union, name=f"Region {r}")
        _populate(w, f"r{r}", region)
        for b in (1, 2):
            branch = BranchFactory(parent=region, name=f"Branch {r}.{b}")
            _populate(w, f"r{r}b{b}", branch)
            for p in (1, 2):
                _populate(
                    w, f"r{r}b{b}w{p}", WorkplaceFactory(parent=branch, name=f"Work {r}.{b}.{p}")
                )
    other_branch = BranchFactory(parent=RegionFactory(parent=other))
    _populate(w, "u2b", other_branch)
    for key, union_of_client in (("u1", union), ("u2", other), ("fed", None)):
        lrs_client = LrsClientFactory(union=union_of_client, name=f"LMS {key}")
        w.lrs_clients[key] = lrs_client
        w.statements[key] = StatementFactory(
            client=lrs_client, actor={"mbox": f"mailto:{key}@world.test"}
        )
    return w
