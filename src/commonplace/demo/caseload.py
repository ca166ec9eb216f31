"""Demo caseloads: the demo ULR's learners, conversations, plans and referrals, and smaller
caseloads for the ULRs of a few other branches.

The learners are people the demo already has in the ULR's branch (members and non-members),
so the notes never name them. Written through the caseload services, so every row is
validated and audited as in real use. Dates are offsets from the day the demo is built
(`timezone.localdate()`), so follow-ups are always due this week, some overdue, whichever day
the demo is built; the offsets are fixed, so two builds on the same day are identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.selectors import users_holding
from commonplace.caseload.enums import ConsentAudience, ConsentMethod, ConsentSection
from commonplace.caseload.selectors import pathways_for_plan
from commonplace.caseload.services import (
    ConsentTerms,
    action_add,
    conversation_record,
    entry_create,
    goal_achieve,
    goal_add,
    plan_save,
    plan_sign,
    referral_create,
    referral_status_set,
)
from commonplace.learning.selectors import resources_visible_to
from commonplace.people.enums import MembershipStatus
from commonplace.people.selectors import people_visible_to

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit
    from commonplace.people.models import Person

    from .services import DemoContext

ALL = frozenset(ConsentSection.values)
NO_PROGRESS = ALL - {ConsentSection.PROGRESS}

# (days before the build, channel, place, topics, what was agreed, follow-up in days or None)
Talk = tuple[int, str, str, list[str], str, int | None]
# (kind, label, reference, status, days before the build it was suggested)
Refer = tuple[str, str, str, str, int]


@dataclass
class Learner:
    member: bool  # a member of the branch, else a non-member learner already known to it
    needs: str
    talks: list[Talk]
    sections: frozenset[str] = ALL
    audience: str = ConsentAudience.TEAM
    plan: str = ""
    goals: list[tuple[str, int, bool]] = field(default_factory=list)  # text, days ahead, done
    actions: list[tuple[str, str, int]] = field(default_factory=list)  # text, owner, days ahead
    resources: list[str] = field(default_factory=list)  # titles in the catalogue
    pathways: list[str] = field(default_factory=list)  # titles of published pathways
    signed: str = ""  # "", "ulr", "both"
    referrals: list[Refer] = field(default_factory=list)


# The demo learner (learner@) first: in the ULR's caseload with a plan waiting for their signature.
SAM = Learner(
    True,
    "Wants to move from healthcare assistant to a nursing associate apprenticeship; needs "
    "level 2 maths first. Nervous about tests since school.",
    [
        (35, "face_to_face", "Staff canteen, Cardiff General", ["numeracy", "career", "confidence"],
         "Sam will try the fractions and percentages page before we meet again. I will find out "
         "when the college runs its next maths initial assessment.", None),
        (14, "phone", "", ["numeracy", "qualifications"],
         "College assessment is on a Tuesday evening: Sam can make it. Talked through what the "
         "assessment is like, that it is not a pass or fail test.", 2),
    ],
    plan="Get level 2 maths this year, then apply for the nursing associate apprenticeship.",
    goals=[("Take the maths initial assessment at the college", 10, False),
           ("Pass Functional Skills maths level 2", 200, False)],
    actions=[("Work through Fractions and percentages at work", "learner", 7),
             ("Ask the ward manager about study leave for the assessment", "ulr", 5)],
    resources=["Fractions and percentages at work", "What a union learning rep does"],
    pathways=["Becoming a union learning rep"],
    signed="ulr",
    referrals=[("resource", "Fractions and percentages at work", "", "started", 30),
               ("event", "Maths initial assessment, Cardiff and Vale College", "", "accepted", 14)],
)  # fmt: skip

LEARNERS = [
    Learner(
        False,
        "Cleaner on nights. Good spoken English, wants to improve writing for a supervisor role.",
        [(40, "face_to_face", "Night shift break room", ["esol", "career"],
          "Will join the Thursday ESOL writing group. I will check it fits the night rota.",
          None),
         (12, "message", "", ["esol"],
          "Went to two sessions and likes the tutor. Wants a certificate at the end.", 4)],
        plan="Reach ESOL Entry 3 writing and apply for the supervisor post in the spring.",
        goals=[("Finish the ESOL writing course", 90, False)],
        actions=[("Bring a piece of writing to show the tutor", "learner", 10)],
        signed="both",
        referrals=[("provider", "ESOL writing group, Cardiff Adult Learning", "ACL-ESOL-E3",
                    "started", 38)],
    ),
    Learner(
        True,
        "Porter for 22 years. Has never used email; the rota is moving online in March.",
        [(21, "face_to_face", "Porters' lodge", ["digital", "confidence"],
          "Set up an email address together. They will send me a message from their phone.", None),
         (9, "face_to_face", "Learning centre", ["digital"],
          "The message came through. Next: the rota system with the ward clerk.", -2)],
        plan="Use email and the online rota without help by March.",
        goals=[("Log in to the rota system alone", 30, False),
               ("Send an email with an attachment", 14, True)],
        resources=["Writing a good email to your manager",
                   "Staying safe online: passwords and scams"],
        referrals=[("resource", "Staying safe online: passwords and scams", "", "completed", 20)],
    ),
    Learner(
        True,
        "Healthcare assistant, wants to become a ULR herself after seeing what the role does.",
        [(18, "video", "", ["career", "qualifications"],
          "Will read up on the ULR role. I will ask the co-ordinator about the next ULR "
          "course.", 0)],
        referrals=[
            # The demo pathway's slug (demo/pathways.py): her story links to it.
            ("pathway", "Becoming a union learning rep", "becoming-a-union-learning-rep",
             "suggested", 18),
        ],
    ),
    Learner(
        True,
        "Maintenance electrician; wants an HNC but worried about the cost.",
        [(50, "face_to_face", "Estates workshop", ["qualifications", "funding"],
          "Explained the union learning fund and the employer's study support policy.", None),
         (26, "phone", "", ["funding"],
          "Employer agreed to pay half the fees. Application sent to the college.", None),
         (6, "phone", "", ["qualifications"],
          "Offer received for September. Wants help with a study timetable.", 3)],
        plan="Start the HNC in electrical engineering in September with half fees paid.",
        goals=[("Enrol on the HNC", 120, False)],
        actions=[("Send the fees letter to the college", "learner", 14)],
        signed="both",
        referrals=[("event", "HNC Electrical Engineering, open evening", "", "completed", 45),
                   ("union_help", "Branch officer: study leave agreement", "", "accepted", 25)],
    ),
    Learner(
        False,
        "Agency care worker, not a member yet. Wants an English GCSE from abroad recognised.",
        [(16, "face_to_face", "Staff canteen", ["qualifications", "literacy"],
          "Will bring their certificates. Told them what joining the union offers.", -1)],
        sections=NO_PROGRESS,
        referrals=[("provider", "UK ENIC qualification check", "", "suggested", 16)],
    ),
    Learner(
        True,
        "Ward clerk. Interested in a data course but not sure it is for him.",
        [(30, "face_to_face", "Outpatients reception", ["digital", "career"],
          "Will try a free spreadsheet course online and tell me what he thinks.", None),
         (10, "message", "", ["digital"],
          "Decided the course is not for him right now: busy with a new baby. Check in "
          "after the summer.", None)],
        referrals=[("provider", "Introduction to spreadsheets, online", "", "declined", 28)],
    ),
    Learner(
        True,
        "Catering assistant with dyslexia; wants confidence with reading at work.",
        [(24, "face_to_face", "Kitchen office", ["literacy", "confidence"],
          "Shared that they have dyslexia. Agreed to look for a supportive reading group.",
          None),
         (8, "phone", "", ["literacy"],
          "Found a small group on Wednesday mornings. Will try one session.", 5)],
        audience=ConsentAudience.ULR,
        plan="Feel confident reading menus, rotas and notices at work.",
        goals=[("Go to three sessions of the reading group", 30, False)],
        referrals=[("provider", "Reading confidence group, Ely library", "", "accepted", 8)],
    ),
    Learner(
        False,
        "Domestic at the community health centre, new to the UK. Not a member yet.",
        [(5, "face_to_face", "Community Health Centre", ["esol", "other"],
          "Told them about ESOL classes and about joining the union. Will think about both.",
          2)],
    ),
    Learner(
        True,
        "Physiotherapy assistant; wants to learn Welsh to speak with patients.",
        [(20, "video", "", ["other", "career"],
          "Will start the free online Welsh course. I will ask about a workplace group.",
          None),
         (3, "message", "", ["other"],
          "Three lessons done. Would like a conversation group at lunchtime.", 6)],
        plan="Hold a simple conversation in Welsh with patients by the end of the year.",
        goals=[("Finish the first unit of the online course", 21, True)],
        signed="both",
        referrals=[("provider", "Learn Welsh: Entry course, online", "", "started", 19)],
    ),
    Learner(
        True,
        "Pharmacy technician; wants to mentor new starters.",
        [(11, "face_to_face", "Pharmacy", ["career", "confidence"],
          "Will ask their manager about becoming a workplace mentor.", -3)],
        referrals=[("union_help", "Branch equality officer", "", "suggested", 11)],
    ),
    Learner(
        True,
        "Healthcare assistant returning from maternity leave; wants flexible study.",
        [(7, "phone", "", ["qualifications", "funding"],
          "Will look at the flexible working page and decide on study hours.", 1)],
        sections=NO_PROGRESS,
        plan="Find a course that fits around childcare.",
        goals=[("Agree study hours with the ward manager", 20, False)],
        resources=["Flexible working: how to make a request"],
    ),
]  # fmt: skip

OTHER_BRANCH_NOTES = [
    ("Wants help with maths for a promotion.", ["numeracy", "career"],
     "Will try the fractions page and let me know how it goes."),
    ("Interested in becoming a ULR.", ["career"],
     "Gave information about the ULR course and the right to time off to train."),
    ("Needs to use the new online payslips.", ["digital"],
     "Showed how to log in; will practise at home."),
]  # fmt: skip


def _people_for(
    ulr: User, branch: OrgUnit, count: int, status: str = MembershipStatus.MEMBER
) -> list[Person]:
    """People of the branch with no account, as the ULR sees them, in a fixed order (members,
    or non-members)."""
    people = people_visible_to(user=ulr).filter(branch=branch, account__isnull=True, status=status)
    return list(people.order_by("pk")[:count])


def _ulrs_of(branch: OrgUnit) -> list[User]:
    users = users_holding(role=Role.ULR, unit_path=branch.path).order_by("pk")
    return list(cast("QuerySet[User]", users))


def _terms(spec: Learner, today: date, days_ago: int) -> ConsentTerms:
    return ConsentTerms(
        sections=spec.sections,
        audience=spec.audience,
        given_on=today - timedelta(days=days_ago),
        method=ConsentMethod.IN_PERSON,
    )


def _story(ulr: User, spec: Learner, learner: Person, today: date, catalogue: dict) -> None:  # type: ignore[type-arg]
    first = max(talk[0] for talk in spec.talks)
    entry = entry_create(
        actor=ulr,
        learner=learner,
        lead_ulr=ulr,
        terms=_terms(spec, today, first),
        needs=spec.needs,
    )
    for days_ago, channel, place, topics, agreed, follow_up in spec.talks:
        held_on = today - timedelta(days=days_ago)
        conversation_record(
            actor=ulr, entry=entry, held_on=held_on, channel=channel, place=place, topics=topics,
            agreed=agreed,
            follow_up_on=None if follow_up is None else max(held_on, today + timedelta(follow_up)),
        )  # fmt: skip
    if spec.plan:
        plan = plan_save(
            actor=ulr,
            entry=entry,
            summary=spec.plan,
            resources=[catalogue[title] for title in spec.resources if title in catalogue],
            pathways=[
                p for p in pathways_for_plan(user=ulr, entry=entry) if p.title in spec.pathways
            ],
        )
        for text, ahead, done in spec.goals:
            goal = goal_add(actor=ulr, plan=plan, text=text, target_on=today + timedelta(ahead))
            if done:
                goal_achieve(actor=ulr, goal=goal, on=today - timedelta(days=2))
        for text, owner, ahead in spec.actions:
            action_add(
                actor=ulr, plan=plan, text=text, owner=owner, due_on=today + timedelta(ahead)
            )
        if spec.signed in ("ulr", "both"):
            plan_sign(actor=ulr, plan=plan)
        if spec.signed == "both":
            plan_sign(actor=ulr, plan=plan, on_paper=True)
    for kind, label, reference, status, days_ago in spec.referrals:
        suggested = today - timedelta(days=days_ago)
        referral = referral_create(
            actor=ulr, entry=entry, kind=kind, label=label, reference=reference,
            resource=catalogue.get(label) if kind == "resource" else None, on=suggested,
        )  # fmt: skip
        path = {
            "started": ["accepted", "started"],
            "completed": ["accepted", "started", "completed"],
        }
        for step, next_status in enumerate(
            path.get(status, [status] if status != "suggested" else [])
        ):
            on = min(today, suggested + timedelta(days=3 * (step + 1)))
            referral_status_set(actor=ulr, referral=referral, status=next_status, on=on)


def step_caseload(ctx: DemoContext) -> None:
    """The demo ULR's caseload of twelve, the demo learner among them; smaller caseloads for the
    ULRs of the next few branches."""
    today = timezone.localdate()
    ulr = ctx.accounts.get("ulr")
    if ulr is None or not ctx.branch_units:
        return
    branch = ctx.branch_units[0]
    catalogue = {r.title: r for r in resources_visible_to(user=ulr)}
    members = iter(_people_for(ulr, branch, len(LEARNERS)))
    non_members = iter(_people_for(ulr, branch, len(LEARNERS), MembershipStatus.NON_MEMBER))
    count = 0
    learner_account = ctx.accounts.get("learner")
    if learner_account is not None:
        _story(ulr, SAM, learner_account.person, today, catalogue)
        count += 1
    for spec in LEARNERS:
        # A small demo (tests) may have too few people in the branch: those learners are left out.
        person = next(members if spec.member else non_members, None)
        if person is not None:
            _story(ulr, spec, person, today, catalogue)
            count += 1
    others = 0
    for other_branch in ctx.branch_units[1:6]:
        reps = _ulrs_of(other_branch)
        for rep, person in zip(
            reps * 2,
            _people_for(reps[0], other_branch, 2 * len(reps)) if reps else [],
            strict=False,
        ):
            needs, topics, agreed = OTHER_BRANCH_NOTES[others % len(OTHER_BRANCH_NOTES)]
            talk = (10 + others % 7, "face_to_face", "", topics, agreed, others % 9 - 2)
            spec = Learner(True, needs, [talk])
            _story(rep, spec, person, today, catalogue)
            others += 1
    ctx.report(f"caseload: {count} learners for the demo ULR, {others} in other branches")
