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
    # Catalogue contributions (branch `catalogue`): a member's proposed resource.
    "learning.proposal": ObjectKind(
        model="learning.Proposal",
        unit_path="unit__path",
        owner="proposer",
        description="a learning resource a member proposes, placed at their workplace or branch; "
        "only they and the reviewers, staff and administrators above that place see it",
    ),
    # --- My learning space (learning_space): a person's own records, placed at their home unit.
    "learning_space.informallearning": ObjectKind(
        model="learning_space.InformalLearning",
        unit_path="user__person__home_unit__path",
        owner="user",
        description="informal learning a person logged themself (with its evidence file)",
    ),
    "learning_space.goal": ObjectKind(
        model="learning_space.Goal",
        unit_path="user__person__home_unit__path",
        owner="user",
        description="a person's learning goal with its target date",
    ),
    "learning_space.savedresource": ObjectKind(
        model="learning_space.SavedResource",
        unit_path="user__person__home_unit__path",
        owner="user",
        description="a catalogue resource a person saved for later",
    ),
    # --- end of My learning space
    # Assessed projects and notifications (decision 0210).
    "assessment.projectbrief": ObjectKind(
        model="assessment.ProjectBrief",
        unit_path="owner_unit__path",
        description="a project brief with its rubric, owned by a unit; once published anyone in "
        "the union may read it and submit work",
    ),
    "assessment.submission": ObjectKind(
        model="assessment.Submission",
        unit_path="unit__path",
        owner="user",
        description="a learner's project submission (text, files, marking), placed at the "
        "learner's unit when they submitted; assessors mark those below their place, never "
        "their own",
    ),
    "notifications.notification": ObjectKind(
        model="notifications.Notification",
        unit_path="recipient__person__home_unit__path",
        owner="recipient",
        description="an in-app notification; only its recipient ever sees it",
    ),
    # --- certificates (begin) ---
    "certificates.certificate": ObjectKind(
        model="certificates.Certificate",
        unit_path="user__person__home_unit__path",
        owner="user",
        description="a person's certificate of an achievement (placed at the recipient's home "
        "unit); its verification page and Open Badge are public by their random number",
    ),
    # --- certificates (end) ---
    # Learning pathways (pathways app).
    "pathways.pathway": ObjectKind(
        model="pathways.Pathway",
        unit_path="owner_unit__path",
        description="a structured learning pathway (ordered steps, prerequisites), owned by a "
        "unit; everyone in its union sees it once published, drafts only those who may change it",
    ),
    "pathways.enrolment": ObjectKind(
        model="pathways.Enrolment",
        unit_path="pathway__owner_unit__path",
        owner="user",
        description="a person's enrolment on a pathway, with their progress step by step",
    ),
    # --- caseload (branch `caseload`): the ULR's caseload, scoped by the learner's place;
    # the learner's consent narrows it further in `caseload.selectors`.
    "caseload.caseloadentry": ObjectKind(
        model="caseload.CaseloadEntry",
        unit_path="learner__home_unit__path",
        owner="learner__account",
        description="a learner in a branch's caseload, with their lead ULR, needs and consent",
    ),
    "caseload.conversation": ObjectKind(
        model="caseload.Conversation",
        unit_path="entry__learner__home_unit__path",
        owner="entry__learner__account",
        description="an advice-and-guidance conversation a ULR recorded with a learner",
    ),
    "caseload.learningplan": ObjectKind(
        model="caseload.LearningPlan",
        unit_path="entry__learner__home_unit__path",
        owner="entry__learner__account",
        description="a learner's learning plan (goals, actions, resources), signed by both",
    ),
    "caseload.referral": ObjectKind(
        model="caseload.Referral",
        unit_path="entry__learner__home_unit__path",
        owner="entry__learner__account",
        description="a referral of a learner to learning, a provider or other union help",
    ),
    # --- end caseload
    # --- skills (skills checks and workplace learning-needs surveys) ---
    "skills.skillscheck": ObjectKind(
        model="skills.SkillsCheck",
        unit_path="owner_unit__path",
        description="a skills check (initial assessment) with sections, scored questions and "
        "result bands, owned by a unit; once published anyone in the union may take it",
    ),
    "skills.skillsresult": ObjectKind(
        model="skills.SkillsResult",
        unit_path="person__home_unit__path",
        owner="person__account",
        description="a person's skills check result: theirs alone unless they share it",
    ),
    "skills.resultshare": ObjectKind(
        model="skills.ResultShare",
        unit_path="result__person__home_unit__path",
        description="a skills check result its person agreed to share with their ULR and "
        "branch learning team (withdrawing the share removes it)",
    ),
    "skills.survey": ObjectKind(
        model="skills.Survey",
        unit_path="workplace__path",
        owner="owner",
        description="a workplace learning-needs survey; its answers are anonymous and its "
        "results are shown only in aggregate, small numbers suppressed",
    ),
    # --- end of skills ---
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
        # (only a federation-wide grant reaches it). Everyone reads their own statements on
        # My learning record (`read`, own record): a statement has no owner column, only the
        # actor's inverse functional identifier, so `lrs.selectors.statements_of_user` matches
        # them by the person's account agent.
        Rule(_R.LEARNER, _S.SELF, "lrs.statement", "read"),
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
        # Catalogue contributions (branch `catalogue`): any member proposes a resource and sees
        # and changes their own proposals; content reviewers, learning staff and administrators
        # see and review (approve or return) the proposals made at their place and below.
        *(Rule(_R.LEARNER, _S.SELF, "learning.proposal", a) for a in ("view", "add", "change")),
        *(
            Rule(role, _S.SUBTREE, "learning.proposal", action)
            for role in (_R.REVIEWER, _R.STAFF, _R.ADMINISTRATOR)
            for action in ("view", "review")
        ),
        # Quiz authoring (branch `catalogue`): learning staff and administrators create quizzes
        # at their place and below (they already see and change them there).
        Rule(_R.STAFF, _S.SUBTREE, "assessment.quiz", "add"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "assessment.quiz", "add"),
        # --- My learning space (learning_space): informal learning, goals and saved resources
        # are their owner's alone. Every account holds the learner role (every demo account
        # and every sign-up gets it), so one SELF rule per action reaches everybody's own.
        *(
            Rule(_R.LEARNER, _S.SELF, kind, action)
            for kind, actions in (
                ("learning_space.informallearning", ("view", "add", "change", "delete")),
                ("learning_space.goal", ("view", "add", "change", "delete")),
                ("learning_space.savedresource", ("view", "add", "delete")),
            )
            for action in actions
        ),
        # --- end of My learning space
        # Assessed projects and notifications (decision 0210). Anyone in the union reads a
        # published brief and submits work to it (the selector keeps drafts out); staff and
        # administrators see the briefs of their subtree. A submission is its learner's own;
        # assessors, staff and administrators read and mark those whose learner's unit is at or
        # below their place (the selectors and the service also refuse marking one's own work).
        Rule(_R.LEARNER, _S.UNION, "assessment.projectbrief", "take"),
        Rule(_R.STAFF, _S.SUBTREE, "assessment.projectbrief", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "assessment.projectbrief", "view"),
        Rule(_R.LEARNER, _S.SELF, "assessment.submission", "view"),
        *(
            Rule(role, _S.SUBTREE, "assessment.submission", action)
            for role in (_R.ASSESSOR, _R.STAFF, _R.ADMINISTRATOR)
            for action in ("view", "mark")
        ),
        # Notifications: whoever holds any role reads and marks their own, and nobody else's.
        *(
            Rule(role, _S.SELF, "notifications.notification", action)
            for role in Role
            for action in ("view", "change")
        ),
        # --- certificates (begin) ---
        # Certificates: each person sees and downloads their own; learning staff and
        # administrators see and revoke those of the people whose home unit is in their subtree.
        # The verification page and the Open Badges 2.0 and 3.0 documents (credentials, their
        # status, public keys) are public on purpose (no rule).
        Rule(_R.LEARNER, _S.SELF, "certificates.certificate", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "certificates.certificate", "view"),
        Rule(_R.STAFF, _S.SUBTREE, "certificates.certificate", "revoke"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "certificates.certificate", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "certificates.certificate", "revoke"),
        # --- certificates (end) ---
        # Learning pathways: every role of a union but partner contacts sees its pathways
        # and may enrol (the selector shows drafts only to those who may change them);
        # learning staff and administrators author, publish and read step-by-step drop-off
        # (aggregates only: "summarise") at their place and below. An enrolment, with its
        # progress, is its learner's alone.
        *(
            Rule(role, _S.UNION, "pathways.pathway", "view")
            for role in Role
            if role != _R.PARTNER_CONTACT
        ),
        *(
            Rule(role, _S.SUBTREE, "pathways.pathway", action)
            for role in (_R.STAFF, _R.ADMINISTRATOR)
            for action in ("add", "change", "publish", "summarise")
        ),
        *(
            Rule(role, _S.SELF, "pathways.enrolment", "view")
            for role in Role
            if role != _R.PARTNER_CONTACT
        ),
        # --- caseload (branch `caseload`): learners see everything recorded about them; ULRs
        # keep the caseloads of their place and below; the co-ordinator sees the branch's
        # caseloads and re-assigns learners; staff and administrators see who is in a caseload,
        # never the notes. Consent narrows every one of these in `caseload.selectors`.
        *(
            Rule(_R.LEARNER, _S.SELF, kind, "view")
            for kind in (
                "caseload.caseloadentry",
                "caseload.conversation",
                "caseload.learningplan",
                "caseload.referral",
            )
        ),
        Rule(_R.LEARNER, _S.SELF, "caseload.learningplan", "sign"),
        Rule(_R.LEARNER, _S.SELF, "caseload.caseloadentry", "withdraw"),
        *(
            Rule(_R.ULR, _S.SUBTREE, kind, action)
            for kind in (
                "caseload.caseloadentry",
                "caseload.conversation",
                "caseload.learningplan",
                "caseload.referral",
            )
            for action in ("view", "add", "change")
        ),
        Rule(_R.ULR, _S.SUBTREE, "caseload.learningplan", "sign"),
        Rule(_R.ULR, _S.SUBTREE, "caseload.caseloadentry", "withdraw"),
        *(
            Rule(_R.COORDINATOR, _S.SUBTREE, kind, "view")
            for kind in (
                "caseload.caseloadentry",
                "caseload.conversation",
                "caseload.learningplan",
                "caseload.referral",
            )
        ),
        Rule(_R.COORDINATOR, _S.SUBTREE, "caseload.caseloadentry", "reassign"),
        Rule(_R.STAFF, _S.SUBTREE, "caseload.caseloadentry", "view"),
        Rule(_R.ADMINISTRATOR, _S.SUBTREE, "caseload.caseloadentry", "view"),
        # --- end caseload
        # --- skills: skills checks and learning-needs surveys ---
        # Anyone in the union takes a published check; ULRs and co-ordinators take one with a
        # learner they support (the view checks the learner through people_visible_to);
        # learning staff and administrators author and publish checks below their place.
        Rule(_R.LEARNER, _S.UNION, "skills.skillscheck", "take"),
        Rule(_R.ULR, _S.UNION, "skills.skillscheck", "assist"),
        Rule(_R.COORDINATOR, _S.UNION, "skills.skillscheck", "assist"),
        *(
            Rule(role, _S.SUBTREE, "skills.skillscheck", action)
            for role in (_R.STAFF, _R.ADMINISTRATOR)
            for action in ("view", "add", "change", "publish")
        ),
        # A result is its person's: they see it and decide whether to share it...
        Rule(_R.LEARNER, _S.SELF, "skills.skillsresult", "view"),
        Rule(_R.LEARNER, _S.SELF, "skills.skillsresult", "share"),
        # ...and their ULR and branch learning team see only what was shared.
        Rule(_R.ULR, _S.SUBTREE, "skills.resultshare", "view"),
        Rule(_R.COORDINATOR, _S.SUBTREE, "skills.resultshare", "view"),
        # Surveys: a ULR runs surveys at workplaces below their place and sees their own; the
        # co-ordinator and learning staff run and see every survey below theirs. Anyone in the
        # union may start from a staff template (the selector offers templates only).
        Rule(_R.ULR, _S.SUBTREE, "skills.survey", "add"),
        Rule(_R.ULR, _S.SELF, "skills.survey", "view"),
        Rule(_R.ULR, _S.SELF, "skills.survey", "change"),
        Rule(_R.ULR, _S.UNION, "skills.survey", "copy"),
        *(
            Rule(role, reach, "skills.survey", action)
            for role in (_R.COORDINATOR, _R.STAFF)
            for reach, action in (
                (_S.SUBTREE, "add"),
                (_S.SUBTREE, "view"),
                (_S.SUBTREE, "change"),
                (_S.UNION, "copy"),
            )
        ),
        # Learning staff write the templates reps start their surveys from.
        Rule(_R.STAFF, _S.SUBTREE, "skills.survey", "template"),
        # --- end of skills ---
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
        # Everyone sees what was recorded about their own joining, activism and progression.
        *(
            Rule(_R.LEARNER, _S.SELF, kind, "view")
            for kind in ("reps.joininvitation", "reps.progression", "reps.activistrecord")
        ),
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
