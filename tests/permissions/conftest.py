"""The `world`: two unions; in the first, 2 regions × 2 branches × 2 workplaces, with a person,
an account and an object of every kind in every unit, so data that could leak is always there."""

from dataclasses import dataclass, field

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.audit.models import AuditEvent
from commonplace.certificates.models import Certificate
from commonplace.learning.models import Resource
from commonplace.lrs.models import LrsClient, Statement
from commonplace.organisation.models import OrgUnit
from commonplace.people.models import EqualityAnswers, Person
from tests.factories.accounts import UserFactory
from tests.factories.assessment import (
    AttemptFactory,
    ProjectBriefFactory,
    QuizFactory,
    SubmissionFactory,
    SubmissionFileFactory,
)
from tests.factories.caseload import (
    CaseloadEntryFactory,
    ConversationFactory,
    LearningPlanFactory,
    ReferralFactory,
)
from tests.factories.certificates import CertificateFactory
from tests.factories.learning import ProposalFactory, ResourceFactory
from tests.factories.learning_space import (
    GoalFactory,
    InformalLearningFactory,
    SavedResourceFactory,
)
from tests.factories.lrs import LrsClientFactory, StatementFactory
from tests.factories.notifications import NotificationFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)
from tests.factories.pathways import EnrolmentFactory, StepFactory
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
from tests.factories.skills import (
    ResultShareFactory,
    SkillsCheckFactory,
    SkillsResultFactory,
    SurveyFactory,
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
    # A proposed resource by every unit's person, waiting for review (with a file and a video).
    proposals: dict[str, object] = field(default_factory=dict)
    # My learning space: each unit's person has an entry (with evidence), a goal, a saved resource.
    informal: dict[str, object] = field(default_factory=dict)
    goals: dict[str, object] = field(default_factory=dict)
    saved: dict[str, object] = field(default_factory=dict)
    # Projects: a published brief owned by every unit; a submission (with a file) by that
    # unit's person placed at the unit; a notification to that person.
    projectbriefs: dict[str, object] = field(default_factory=dict)
    submissions: dict[str, object] = field(default_factory=dict)
    submissionfiles: dict[str, object] = field(default_factory=dict)
    notifications: dict[str, object] = field(default_factory=dict)
    certificates: dict[str, Certificate] = field(default_factory=dict)  # one per unit's person
    # Pathways: a published pathway with one step per unit; its person enrolled on it.
    pathway_steps: dict[str, object] = field(default_factory=dict)
    enrolments: dict[str, object] = field(default_factory=dict)
    # Caseload: every unit's person is in a caseload (consent shared with the learning team),
    # with a conversation, a plan and a referral.
    caseload: dict[str, dict[str, object]] = field(default_factory=dict)
    # skills: a published check per unit; its person's result, shared; a survey they run there.
    skills: dict[str, dict[str, object]] = field(default_factory=dict)
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
            "learning.proposal": self.proposals,
            "learning_space.informallearning": self.informal,
            "learning_space.goal": self.goals,
            "learning_space.savedresource": self.saved,
            "assessment.projectbrief": self.projectbriefs,
            "assessment.submission": self.submissions,
            "assessment.submissionfile": self.submissionfiles,  # a URL's pk, not a policy kind
            "notifications.notification": self.notifications,
            "certificates.certificate": self.certificates,
            "pathways.step": self.pathway_steps,
            "pathways.enrolment": self.enrolments,
        }
        if kind in simple:
            return dict(simple[kind])
        if kind.startswith("caseload."):
            return {k: objects[kind] for k, objects in self.caseload.items()}
        if kind.startswith("skills."):
            return {k: objects[kind] for k, objects in self.skills.items()}
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
        if kind == "pathways.pathway":
            return {k: step.pathway for k, step in self.pathway_steps.items()}
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
    world.resources[key] = ResourceFactory(
        owner_unit=unit, title=f"Resource {key}", as_file=True, with_media=True
    )
    world.proposals[key] = ProposalFactory(
        proposer=person.account, unit=unit, title=f"Proposal of {key}", with_media=True
    )
    world.informal[key] = InformalLearningFactory(user=person.account, with_evidence=True)
    world.goals[key] = GoalFactory(user=person.account)
    world.saved[key] = SavedResourceFactory(user=person.account, resource=world.resources[key])
    brief = ProjectBriefFactory(owner_unit=unit, slug=f"project-{key}", title=f"Project of {key}")
    world.projectbriefs[key] = brief
    submission = SubmissionFactory(brief=brief, user=person.account, unit=unit)
    world.submissions[key] = submission
    world.submissionfiles[key] = SubmissionFileFactory(submission=submission)
    world.notifications[key] = NotificationFactory(recipient=person.account)
    world.certificates[key] = CertificateFactory(
        user=person.account, achievement__issuer_unit=unit.union or unit
    )
    step = StepFactory(
        pathway__owner_unit=unit, pathway__slug=f"pathway-{key}", resource=world.resources[key]
    )
    world.pathway_steps[key] = step
    world.enrolments[key] = EnrolmentFactory(pathway=step.pathway, user=person.account)
    entry = CaseloadEntryFactory(learner=person, lead_ulr=UserFactory())
    world.caseload[key] = {
        "caseload.caseloadentry": entry,
        "caseload.conversation": ConversationFactory(entry=entry),
        "caseload.learningplan": LearningPlanFactory(entry=entry),
        "caseload.referral": ReferralFactory(entry=entry),
    }
    check = SkillsCheckFactory(owner_unit=unit, slug=f"check-{key}", status="published")
    result = SkillsResultFactory(skills_check=check, person=person)
    world.skills[key] = {
        "skills.skillscheck": check,
        "skills.skillsresult": result,
        "skills.resultshare": ResultShareFactory(result=result),
        "skills.survey": SurveyFactory(workplace=unit, owner=person.account, code=f"w-{key}"),
    }
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
