"""The one policy table: role, reach, kind of object, action.

Code and tests both read this table: `access.selectors.scope_q` turns it into query filters,
`access.rules` registers a django-rules permission per kind and action, the permission tests
generate their grant and refusal cases from it, and `docs/permissions.md` is rendered from it
(`manage.py permissions_doc`; a test fails when the page is stale).

Later capabilities add roles, kinds and rows here; there is no second mechanism.
"""

from dataclasses import dataclass
from typing import Final

from .enums import Reach, Role


@dataclass(frozen=True)
class Rule:
    role: Role
    reach: Reach
    kind: str  # "<app>.<model>", e.g. "people.person"
    action: str  # "view", "change", "add", "delete", ...


@dataclass(frozen=True)
class ObjectKind:
    """How to find an object's place and owner: lookups from the model, in ORM syntax."""

    model: str  # app label and model name, "people.Person"
    unit_path: str  # lookup to the path of the unit the object belongs to
    owner: str | None = None  # lookup to the user the object is about (for Reach.SELF)
    description: str = ""


KINDS: Final[dict[str, ObjectKind]] = {
    "people.person": ObjectKind(
        model="people.Person",
        unit_path="home_unit__path",
        owner="account",
        description="a person's profile (membership, workplace, contact preferences)",
    ),
    "people.equalityanswers": ObjectKind(
        model="people.EqualityAnswers",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a person's equality-monitoring answers (never shown singly to others)",
    ),
    "organisation.orgunit": ObjectKind(
        model="organisation.OrgUnit",
        unit_path="path",
        description="a unit of the union's tree (region, branch, workplace)",
    ),
    "access.rolegrant": ObjectKind(
        model="access.RoleGrant",
        unit_path="unit__path",
        owner="user",
        description="a role held by someone in a place",
    ),
    "audit.auditevent": ObjectKind(
        model="audit.AuditEvent",
        unit_path="union__path",
        description="an entry of the audit log",
    ),
    "lrs.client": ObjectKind(
        model="lrs.LrsClient",
        unit_path="union__path",
        description="a key and secret with which a system sends xAPI statements to the LRS "
        "(held by a union; without one, federation-wide)",
    ),
    "lrs.statement": ObjectKind(
        model="lrs.Statement",
        unit_path="client__union__path",
        description="a stored xAPI statement; it belongs to the union of the LRS client that "
        "stored it (learners read their own on My learning record, matched by their account)",
    ),
    "assessment.quiz": ObjectKind(
        model="assessment.Quiz",
        unit_path="owner_unit__path",
        description="a quiz, owned by a unit; once published anyone in the union may take it",
    ),
    "assessment.attempt": ObjectKind(
        model="assessment.Attempt",
        unit_path="quiz__owner_unit__path",
        owner="user",
        description="a person's attempt at a quiz, with their answers and score (others see "
        "only totals)",
    ),
    "learning.resource": ObjectKind(
        model="learning.Resource",
        unit_path="owner_unit__path",
        description="a learning resource of the catalogue (page, video, file or link), owned by a "
        "unit; everyone in its union sees it once published, drafts only those who may change it",
    ),
    # --- reps (branch `reps`): the ULR's statutory role, time log, recruitment, organising ---
    "reps.repappointment": ObjectKind(
        model="reps.RepAppointment",
        unit_path="unit__path",
        owner="person__account",
        description="a member's appointment as union learning rep at a place, with the notice "
        "to the employer and the training condition",
    ),
    "reps.timeentry": ObjectKind(
        model="reps.TimeEntry",
        unit_path="appointment__unit__path",
        owner="appointment__person__account",
        description="time a ULR logged against the statutory functions (others see totals only)",
    ),
    "reps.trainingrecord": ObjectKind(
        model="reps.TrainingRecord",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a course a ULR took (their own training record)",
    ),
    "reps.repinvitation": ObjectKind(
        model="reps.RepInvitation",
        unit_path="unit__path",
        owner="person__account",
        description="an invitation to a member to become a ULR, which they accept or decline",
    ),
    "reps.joininvitation": ObjectKind(
        model="reps.JoinInvitation",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a non-member learner invited to join the union, and the outcome",
    ),
    "reps.progression": ObjectKind(
        model="reps.Progression",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a learner who went on to further learning",
    ),
    "reps.activistrecord": ObjectKind(
        model="reps.ActivistRecord",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a member who became an activist",
    ),
    # --- end of reps ---
}

_R, _S = Role, Reach

POLICY: Final[frozenset[Rule]] = frozenset(
    {
        # People: everyone sees their own profile; reps and officers see the people below
        # the place they hold their role in.
        Rule(_R.LEARNER, _S.SELF, "people.person", "view"),
        Rule(_R.LEARNER, _S.SELF, "people.person", "change"),
        Rule(_R.ULR, _S.SUBTREE, "people.person", "view"),
        Rule(_R.COORDINATOR, _S.SUBTREE, "people.person", "view"),
        Rule(_R.BRANCH_OFFICER, _S.SUBTREE, "people.person", "view"),
        Rule(_R.BRANCH_OFFICER, _S.SUBTREE, "people.person", "change"),
        Rule(_R.ORGANISER, _S.SUBTREE, "people.person", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "people.person", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "people.person", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "people.person", "change"),
        # Equality answers: only the person themself sees or changes them singly.
        Rule(_R.LEARNER, _S.SELF, "people.equalityanswers", "view"),
        Rule(_R.LEARNER, _S.SELF, "people.equalityanswers", "change"),
        # ...and only totals, with small numbers suppressed, for those who report on a place.
        Rule(_R.COORDINATOR, _S.SUBTREE, "people.equalityanswers", "summarise"),
        Rule(_R.STAFF, _S.SUBTREE, "people.equalityanswers", "summarise"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "people.equalityanswers", "summarise"),
        # The tree: staff and administrators manage the units below their place.
        Rule(_R.BRANCH_OFFICER, _S.SUBTREE, "organisation.orgunit", "view"),
        Rule(_R.ORGANISER, _S.SUBTREE, "organisation.orgunit", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "organisation.orgunit", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "organisation.orgunit", "change"),
        Rule(_R.STAFF, _S.SUBTREE, "organisation.orgunit", "add"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "organisation.orgunit", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "organisation.orgunit", "change"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "organisation.orgunit", "add"),
        # Roles: everyone sees their own; administrators grant and revoke below their place.
        Rule(_R.LEARNER, _S.SELF, "access.rolegrant", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "access.rolegrant", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "access.rolegrant", "add"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "access.rolegrant", "delete"),
        # The audit log: administrators search their union's log.
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "audit.auditevent", "view"),
        # The LRS: learning staff and administrators held at a union manage its clients and
        # read the statements those clients stored. A client with no union is federation-wide
        # (only a federation-wide grant reaches it). A learner's own statements are matched by
        # their account agent (`lrs.selectors.statements_of_user`), not through this table:
        # a statement has no owner column, only the actor's inverse functional identifier.
        Rule(_R.STAFF, _S.SUBTREE, "lrs.client", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "lrs.client", "add"),
        Rule(_R.STAFF, _S.SUBTREE, "lrs.client", "deactivate"),
        Rule(_R.STAFF, _S.SUBTREE, "lrs.statement", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "lrs.client", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "lrs.client", "add"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "lrs.client", "deactivate"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "lrs.statement", "view"),
        # Quizzes: anyone in the union takes a published quiz (the selector keeps drafts out);
        # learning staff and administrators see and manage the quizzes of their subtree.
        Rule(_R.LEARNER, _S.UNION, "assessment.quiz", "take"),
        Rule(_R.STAFF, _S.SUBTREE, "assessment.quiz", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "assessment.quiz", "change"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "assessment.quiz", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "assessment.quiz", "change"),
        # Attempts are the person's own; staff of the quiz's unit see totals only, for now.
        Rule(_R.LEARNER, _S.SELF, "assessment.attempt", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "assessment.attempt", "summarise"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "assessment.attempt", "summarise"),
        # The learning catalogue: every role of a union sees its resources (the selector shows
        # drafts only to those who may change them); learning staff and administrators author
        # and publish at their place and below.
        *(
            Rule(role, _S.UNION, "learning.resource", "view")
            for role in Role
            if role != _R.PARTNER_CONTACT
        ),
        *(
            Rule(role, _S.SUBTREE, "learning.resource", action)
            for role in (_R.STAFF, _R.ADMINISTRATOR)
            for action in ("add", "change", "publish")
        ),
        # --- reps (branch `reps`) ---
        # A person's own ULR time log and training record are theirs alone (whatever role they
        # hold now); those who look after ULRs see only totals of time. Appointments: the ULR
        # sees their own; co-ordinators, branch officers and administrators record them.
        *(
            Rule(_R.LEARNER, _S.SELF, kind, action)
            for kind, action in (
                ("reps.timeentry", "view"),
                ("reps.timeentry", "add"),
                ("reps.timeentry", "delete"),
                ("reps.trainingrecord", "view"),
                ("reps.trainingrecord", "add"),
                ("reps.repinvitation", "respond"),
            )
        ),
        Rule(_R.ULR, _S.SELF, "reps.repappointment", "view"),
        *(
            Rule(role, _S.SUBTREE, kind, "view")
            for role in (
                _R.COORDINATOR,
                _R.BRANCH_OFFICER,
                _R.ORGANISER,
                _R.STAFF,
                _R.ADMINISTRATOR,
            )
            for kind in ("reps.repappointment", "reps.trainingrecord")
        ),
        *(
            Rule(role, _S.SUBTREE, "reps.repappointment", action)
            for role in (_R.COORDINATOR, _R.BRANCH_OFFICER, _R.ADMINISTRATOR)
            for action in ("add", "change")
        ),
        *(
            Rule(role, _S.SUBTREE, "reps.repinvitation", action)
            for role in (_R.COORDINATOR, _R.ADMINISTRATOR)
            for action in ("view", "add")
        ),
        # Organising through learning: ULRs record the learners they invite to join and who
        # progressed; co-ordinators and branch officers too, and they (with organisers, staff
        # and administrators) see the figures, with small numbers suppressed.
        *(
            Rule(role, _S.SUBTREE, kind, action)
            for role in (_R.ULR, _R.COORDINATOR, _R.BRANCH_OFFICER)
            for kind in ("reps.joininvitation", "reps.progression", "reps.activistrecord")
            for action in ("view", "add", "change")
        ),
        *(
            Rule(role, _S.SUBTREE, kind, "view")
            for role in (_R.ORGANISER, _R.STAFF, _R.ADMINISTRATOR)
            for kind in ("reps.joininvitation", "reps.progression", "reps.activistrecord")
        ),
        *(
            Rule(role, _S.SUBTREE, kind, "summarise")
            for role in (
                _R.COORDINATOR,
                _R.BRANCH_OFFICER,
                _R.ORGANISER,
                _R.STAFF,
                _R.ADMINISTRATOR,
            )
            for kind in ("reps.timeentry", "reps.joininvitation")
        ),
        # --- end of reps ---
    }
)


def permission_name(kind: str, action: str) -> str:
    """`people.person` + `view` → `people.view_person` (Django's naming)."""
    app, model = kind.split(".")
    return f"{app}.{action}_{model}"


def rules_for(*, kind: str, action: str) -> list[Rule]:
    return [rule for rule in POLICY if rule.kind == kind and rule.action == action]


def actions_of(kind: str) -> set[str]:
    return {rule.action for rule in POLICY if rule.kind == kind}
