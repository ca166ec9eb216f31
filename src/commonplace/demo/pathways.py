"""The demo union's learning pathways: four published pathways with genuine content, and
learners spread across every stage of them.

"Becoming a union learning rep" (the ULR training pathway: completing it meets the statutory
training condition), "Organising 1" and "Organising 2" (which needs Organising 1)
and "Digital skills for work" are built from the demo catalogue and quizzes plus the pages
below, through the pathways services. Progress is recorded as it would be for real: learners
enrol, finish resources, attend sessions and pass quizzes, each an xAPI statement that the
pathways receiver turns into progress. The demo learner is part-way through "Becoming a union
learning rep", with its quiz passed (in `step_quizzes`, before enrolling: it is credited).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from commonplace.access.enums import Role
from commonplace.access.selectors import grants_visible_to
from commonplace.assessment.selectors import projects_visible_to, quizzes_visible_to
from commonplace.assessment.services import attempt_start, attempt_submit
from commonplace.learning.selectors import resources_visible_to, topic_get_or_none
from commonplace.learning.services import resource_create, resource_publish
from commonplace.pathways.selectors import enrolment_done_step_ids, enrolment_of, pathway_steps
from commonplace.pathways.services import (
    enrolment_create,
    pathway_create,
    pathway_publish,
    step_add,
    step_finish,
    step_update,
)

if TYPE_CHECKING:
    from commonplace.accounts.models import User

    from .services import DemoContext

# New catalogue pages the pathways need: (title, topic slugs, level, minutes, audiences,
# summary, body).
PAGES = [
    (
        "The learning conversation: listening first",
        ["union-learning-reps"],
        "beginner",
        15,
        ["ulrs"],
        "How a union learning rep starts a conversation about learning, and why listening matters "
        "more than selling a course.",
        "<p>Most people you talk to as a learning rep will not ask for a course. They will mention "
        "something in passing: a form they could not fill in, a promotion they did not go for, a "
        "child's homework they could not help with. That is the start of a learning conversation."
        "</p><h2>Listen before you suggest</h2><ul><li>Ask open questions: “What would you like to "
        "be able to do?”</li><li>Let silences run. People often say the important thing second."
        "</li><li>Never test or correct. Many people had a bad time at school and expect to be "
        "judged.</li></ul><h2>Agree one small next step</h2><p>End with something the person "
        "chooses: a skills check, a taster session, or just another chat next week. Write it down "
        "together and keep your promise to follow up.</p>",
    ),
    (
        "Running a learning survey in your workplace",
        ["union-learning-reps"],
        "beginner",
        20,
        ["ulrs", "activists"],
        "A short survey tells you what your colleagues want to learn and gives you evidence to "
        "take to the employer.",
        "<p>A learning survey asks colleagues what they would like to learn, when they could do "
        "it and what gets in the way. It is also an organising tool: every form handed out is a "
        "conversation.</p><h2>Keep it short</h2><p>Five or six questions on one side of paper, or "
        "a short online form. Ask about subjects (English, maths, computers, qualifications, "
        "hobbies), times (before or after shifts, lunchtimes, weekends) and barriers (cost, "
        "childcare, confidence).</p><h2>Hand it out in person</h2><p>Walk the workplace with a "
        "colleague. Explain in a sentence why you are asking and that answers are confidential. "
        "Collect them yourself rather than leaving a box.</p><h2>Report back</h2><p>Tell people "
        "what you found and what you will do next. Take the totals, never names, to your branch "
        "and to the employer when you negotiate.</p>",
    ),
    (
        "Setting up a learning agreement with your employer",
        ["union-learning-reps"],
        "intermediate",
        20,
        ["ulrs", "activists"],
        "What a learning agreement covers and how to get your employer to sign one.",
        "<p>A learning agreement is a written deal between the union and the employer about "
        "learning at work. It turns goodwill into something that lasts when managers change.</p>"
        "<h2>What it usually covers</h2><ul><li>Paid time off for union learning reps to do "
        "their role and train for it.</li><li>Time off or flexible hours for colleagues to "
        "learn.</li><li>A room for learning, with computers if possible.</li><li>A joint "
        "learning committee that meets regularly.</li></ul><h2>Getting there</h2><p>Bring the "
        "results of your learning survey. Show what learning gives the employer too: lower staff "
        "turnover, confident staff, people ready for promotion. Ask your branch or regional "
        "officer to help with the negotiation and to check the wording before anyone signs.</p>",
    ),
    (
        "Why we organise: power at work",
        ["organising"],
        "beginner",
        15,
        ["members", "activists"],
        "One person asking for change is easy to ignore. Many people asking together is not.",
        "<p>On your own you can raise a problem with a manager. Together you can change how the "
        "workplace runs. Organising is how a group of colleagues becomes able to act together.</p>"
        "<h2>Three ideas to start with</h2><ul><li><strong>Issues:</strong> people act on things "
        "they care about and feel angry or hopeful about, not on what the union thinks matters."
        "</li><li><strong>Leaders:</strong> in every team there are people others listen to. "
        "They are not always the loudest.</li><li><strong>Structure:</strong> a contact for every "
        "team, so news travels both ways quickly.</li></ul><p>Organising is not a single meeting "
        "or a petition. It is building relationships, one conversation at a time.</p>",
    ),
    (
        "Mapping your workplace",
        ["organising"],
        "beginner",
        20,
        ["activists"],
        "Draw who works where, on which shift, and who talks to whom: the map shows where the "
        "union is strong and where nobody has been asked.",
        "<p>A workplace map is a simple drawing or spreadsheet of every area, team and shift, "
        "with the people in each. It shows at a glance where the union has members, where it has "
        "contacts and where it has nobody.</p><h2>How to make one</h2><ol><li>List every area "
        "and shift, including nights, weekends, agency and part-time staff.</li><li>For each, "
        "note roughly how many people work there and how many are members.</li><li>Mark who in "
        "each area others trust and talk to.</li><li>Mark the issues people have raised.</li>"
        "</ol><p>Keep the map safe: it holds personal information and is for union use only. "
        "Update it after every round of conversations.</p>",
    ),
    (
        "Finding the issue: what people care about",
        ["organising"],
        "beginner",
        15,
        ["activists"],
        "A good issue is widely felt, deeply felt and winnable. How to find one from your "
        "conversations.",
        "<p>After a round of one-to-one conversations you will have heard many complaints. Not "
        "all of them will build the union. Look for an issue that is:</p><ul><li><strong>Widely "
        "felt:</strong> it affects many people, not one.</li><li><strong>Deeply felt:</strong> "
        "people are angry about it, not just mildly annoyed.</li><li><strong>Winnable:</strong> "
        "there is someone who can fix it, and a realistic way to make them.</li></ul><p>Test the "
        "issue by going back to people: “If we all asked together, would you sign, come to a "
        "meeting, wear a badge?” The answers tell you whether you have an issue or a grumble.</p>",
    ),
    (
        "Building an organising committee",
        ["organising"],
        "intermediate",
        20,
        ["activists"],
        "A committee with someone from every area and shift is what makes a campaign possible.",
        "<p>An organising committee is a group of trusted colleagues, one or more from each area "
        "and shift, who meet regularly to plan and who each keep in touch with their own team.</p>"
        "<h2>Who to ask</h2><p>Use your workplace map. Ask the people others already listen to, "
        "even if they are not members yet. Ask them face to face and say what you are asking "
        "them to do: come to a meeting every two weeks and talk to their team.</p><h2>How it "
        "works</h2><ul><li>Every member of the committee has a list of colleagues they speak "
        "to.</li><li>Each meeting reviews the map: who has been spoken to and what they said."
        "</li><li>Decisions are taken together and reported back to everyone.</li></ul>",
    ),
    (
        "Planning a campaign: escalating steps",
        ["organising"],
        "intermediate",
        25,
        ["activists"],
        "Start with an action most people will take, then step up the pressure only as far as "
        "you need to.",
        "<p>A campaign is a plan to win one demand, with a series of actions that grow in "
        "pressure. Each step should involve more people than the last and show the employer "
        "that the issue will not go away.</p><h2>A typical ladder</h2><ol><li>A petition or "
        "survey that most of the workplace signs.</li><li>A group of colleagues presents it to "
        "the manager together.</li><li>Badges, stickers or a photo showing support.</li><li>A "
        "meeting with a more senior manager, with the branch involved.</li><li>Further action, "
        "agreed by members and within the law and union rules.</li></ol><p>Write down the "
        "demand, who can say yes, and a timetable. Review after every step.</p>",
    ),
    (
        "Negotiating with the employer",
        ["organising"],
        "expert",
        25,
        ["activists"],
        "Prepare, decide your opening and fall-back positions, and report back to members before "
        "you agree anything.",
        "<p>Campaigns usually end at the negotiating table. Good preparation is most of the work."
        "</p><h2>Before the meeting</h2><ul><li>Agree with members what you are asking for, what "
        "you would settle for, and what you will not accept.</li><li>Gather facts: numbers "
        "affected, costs, what other employers do.</li><li>Decide who speaks and who takes notes."
        "</li></ul><h2>In the meeting</h2><p>Listen to the employer's answer in full. Ask for "
        "proposals in writing. Take a break when you need to talk as a team.</p><h2>After</h2>"
        "<p>Never agree a final deal on the spot. Report back to members and let them decide.</p>",
    ),
    (
        "Winning and recording the win",
        ["organising"],
        "intermediate",
        10,
        ["activists"],
        "Celebrate every win, tell everyone who made it happen, and use it to recruit.",
        "<p>When you win, make sure everyone knows the union won it, and that it happened "
        "because people acted together. A win that nobody hears about builds nothing.</p><ul>"
        "<li>Tell every member and non-member in person, then in writing.</li><li>Thank the "
        "people who took part by name, with their agreement.</li><li>Ask non-members to join "
        "while the win is fresh.</li><li>Record what you did and what worked, so the next "
        "campaign starts further ahead.</li></ul>",
    ),
    (
        "Video calls at work: a quick start",
        ["digital-skills"],
        "entry",
        15,
        ["members"],
        "Join a video call, switch your microphone and camera on and off, and share your screen.",
        "<p>Many meetings, interviews and training sessions now happen on video calls. You can "
        "join from a phone, a tablet or a computer.</p><h2>Joining</h2><ol><li>Open the link in "
        "the invitation a few minutes early.</li><li>Allow the app to use your microphone and "
        "camera when it asks.</li><li>Type your name as you want others to see it.</li></ol>"
        "<h2>During the call</h2><ul><li>Mute your microphone when you are not speaking.</li>"
        "<li>Use the chat to ask a question without interrupting.</li><li>Put your hand up with "
        "the reactions button if you want to speak.</li></ul><p>Practise once with a friend or "
        "your learning rep before an important call.</p>",
    ),
    (
        "Finding and filling in forms online",
        ["digital-skills", "english-and-maths"],
        "entry",
        20,
        ["members"],
        "Find the right form on an official website, fill it in step by step and keep a copy.",
        "<p>Many forms for work, benefits and services are now online only. They are easier than "
        "they look if you take them one page at a time.</p><h2>Before you start</h2><ul><li>Use "
        "the official website: for government services, addresses end in gov.uk.</li><li>Have "
        "your documents ready: National Insurance number, bank details, dates.</li></ul><h2>As "
        "you go</h2><ul><li>Read each question to the end before answering.</li><li>Fields "
        "marked optional can be left empty.</li><li>If the page says there is a problem, the "
        "message tells you which answer to fix.</li></ul><p>At the end, save or print the "
        "confirmation page. If you get stuck, a union learning rep can sit with you.</p>",
    ),
]


def _session(title: str, when: datetime, place: str, details: str) -> dict[str, Any]:
    return {"title": title, "kind": "session", "session_starts_at": when,
            "session_place": place, "session_details": details}  # fmt: skip


# Each pathway: its fields, topic slugs, and steps. A step is ("resource", title, required),
# ("quiz", slug, required), ("project", brief slug, required) or ("session", fields,
# required). `needs` maps a step number to the step numbers (from 1) it needs first.
PATHWAYS: list[dict[str, Any]] = [
    {
        "fields": {
            "title": "Becoming a union learning rep",
            "summary": "Everything a new union learning rep needs in the first months: the "
            "role, your rights, talking to colleagues about learning, and your first "
            "survey and agreement.",
            "description": "<p>Union learning reps open doors to learning for colleagues who "
            "were often let down by school. This pathway takes you from “what is a ULR?” to "
            "running a learning survey and asking your employer for a learning agreement.</p>"
            "<p>Do the steps in order. The quiz checks that you know the rights that protect "
            "you in the role. The induction evening is optional but a good way to meet other "
            "new reps.</p>",
            "level": "entry",
            "estimated_hours": 6,
            "language": "en",
            "audiences": ["members", "ulrs"],
            # Completing it is the ULR's statutory training (reps records it; decision 0340).
            "meets_ulr_training": True,
        },
        "topics": ["union-learning-reps"],
        "steps": [
            ("resource", "What a union learning rep does", True),
            ("resource", "The learning conversation: listening first", True),
            ("resource", "Your right to time off for union learning", True),
            ("quiz", "rights-at-work-basics", True),
            ("resource", "Running a learning survey in your workplace", True),
            (
                "session",
                _session(
                    "New ULR induction evening",
                    datetime(2026, 12, 3, 18, 30, tzinfo=UTC),
                    "Online: the link is sent to everyone enrolled the day before",
                    "Meet other new learning reps and a regional learning organiser. Bring one "
                    "question you have about the role. About 90 minutes.",
                ),
                False,
            ),
            ("resource", "Setting up a learning agreement with your employer", True),
        ],
        "needs": {4: [3], 7: [5]},
    },
    {
        "fields": {
            "title": "Organising 1: organising in your workplace",
            "summary": "The foundations of organising: why we organise, one-to-one "
            "conversations, mapping the workplace and finding the issue.",
            "description": "<p>This is the first half of “Organising in your workplace: "
            "beginner to expert”. It is for any member who wants colleagues to stand together "
            "on the things that matter at work.</p><p>You will learn to hold a one-to-one "
            "conversation, map your workplace and pick an issue that can be won. Organising 2 "
            "builds on it.</p>",
            "level": "beginner",
            "estimated_hours": 5,
            "language": "en",
            "audiences": ["members", "activists"],
        },
        "topics": ["organising"],
        "steps": [
            ("resource", "Why we organise: power at work", True),
            ("resource", "Organising: the one-to-one conversation", True),
            ("resource", "Mapping your workplace", True),
            ("resource", "Finding the issue: what people care about", True),
            ("resource", "Spotting a stress risk at work", False),
            (
                "session",
                _session(
                    "Branch organising workshop",
                    datetime(2026, 12, 10, 10, 0, tzinfo=UTC),
                    "Union office, Cardiff, meeting room 2",
                    "A morning of practice: role-play one-to-one conversations and start a map of "
                    "your own workplace. Lunch provided; ask your branch about time off.",
                ),
                True,
            ),
            # The assessed project (demo/projects.py) is optional: the reps who completed
            # Organising 1 in the demo have no marked submission, and an assessor's queue
            # should not decide whether a beginner finishes the pathway.
            ("project", "map-your-workplace", False),
        ],
        "needs": {4: [2, 3], 7: [3]},
    },
    {
        "fields": {
            "title": "Organising 2: from issue to campaign",
            "summary": "Build a committee, plan a campaign that escalates, negotiate and "
            "make the most of a win.",
            "description": "<p>The second half of “Organising in your workplace: beginner to "
            "expert”, for members who have completed Organising 1 and have an issue they want "
            "to win.</p><p>You will build an organising committee, plan a campaign step by "
            "step, prepare for negotiation and use each win to grow the union.</p>",
            "level": "intermediate",
            "estimated_hours": 8,
            "language": "en",
            "audiences": ["activists"],
        },
        "topics": ["organising"],
        "steps": [
            ("resource", "Building an organising committee", True),
            ("resource", "Planning a campaign: escalating steps", True),
            ("resource", "Equality Act 2010: what counts as discrimination", False),
            ("resource", "Negotiating with the employer", True),
            ("resource", "Winning and recording the win", True),
            (
                "session",
                _session(
                    "Campaign planning day",
                    datetime(2027, 1, 16, 10, 0, tzinfo=UTC),
                    "Regional office, Swansea",
                    "Bring your workplace map and your issue. Work with an organiser on a "
                    "campaign plan you can take back to your committee.",
                ),
                True,
            ),
        ],
        "needs": {2: [1], 4: [2]},
        "prerequisites": ["Organising 1: organising in your workplace"],
    },
    {
        "fields": {
            "title": "Digital skills for work",
            "summary": "Stay safe online, write clear emails, join video calls and fill in "
            "forms with confidence.",
            "description": "<p>Short, practical steps for anyone who wants to feel more "
            "confident with computers and phones at work. No experience needed.</p><p>Take "
            "the digital skills check when you have read about passwords and scams. Your "
            "union learning rep can go through any step with you.</p>",
            "level": "entry",
            "estimated_hours": 4,
            "language": "en",
            "audiences": ["members"],
        },
        "topics": ["digital-skills"],
        "steps": [
            ("resource", "Staying safe online: passwords and scams", True),
            ("quiz", "staying-safe-online", True),
            ("resource", "Writing a good email to your manager", True),
            ("resource", "Video calls at work: a quick start", True),
            ("resource", "Finding and filling in forms online", True),
            (
                "session",
                _session(
                    "Drop-in digital help",
                    datetime(2026, 12, 5, 12, 0, tzinfo=UTC),
                    "The workplace learning centre, ground floor",
                    "Bring your phone or use ours. A learning rep helps with whatever you are "
                    "stuck on, from email to online forms.",
                ),
                False,
            ),
        ],
        "needs": {2: [1]},
    },
]

# How far each demo rep gets on each pathway, in turn: enrolled not started, part-way, nearly
# done (all but the last required step), completed.
STAGES = ("enrolled", "part-way", "nearly", "completed")


def _pages_create(ctx: DemoContext) -> None:
    union = ctx.require_union()
    for title, topic_slugs, level, minutes, audiences, summary, body in PAGES:
        resource = resource_create(
            actor=None,
            owner_unit=union,
            fields={
                "title": title, "kind": "page", "level": level, "duration_minutes": minutes,
                "language": "en", "audiences": audiences, "summary": summary, "body": body,
            },
            topics=[t for slug in topic_slugs if (t := topic_get_or_none(slug=slug))],
        )  # fmt: skip
        resource_publish(actor=None, resource=resource)


def _pathway_build(ctx: DemoContext, spec: dict[str, Any], built: dict[str, Any]) -> Any:
    union = ctx.require_union()
    resources = {r.title: r for r in resources_visible_to(user=ctx.accounts["staff"])}
    quizzes = {q.slug: q for q in quizzes_visible_to(user=ctx.accounts["staff"], action="view")}
    briefs = {b.slug: b for b in projects_visible_to(user=ctx.accounts["staff"])}
    pathway = pathway_create(
        actor=None,
        owner_unit=union,
        fields=spec["fields"],
        topics=[t for slug in spec["topics"] if (t := topic_get_or_none(slug=slug))],
        prerequisites=[built[title] for title in spec.get("prerequisites", [])],
    )
    steps = []
    for kind, target, required in spec["steps"]:
        if kind == "resource":
            fields = {"title": target, "kind": kind, "resource": resources[target]}
        elif kind == "quiz":
            fields = {"title": quizzes[target].title, "kind": kind, "quiz": quizzes[target]}
        elif kind == "project":
            fields = {"title": briefs[target].title, "kind": kind, "project": briefs[target]}
        else:
            fields = dict(target)
        steps.append(step_add(actor=None, pathway=pathway, fields={**fields, "required": required}))
    for number, needs in spec["needs"].items():
        step_update(
            actor=None,
            step=steps[number - 1],
            fields={},
            prerequisites=[steps[n - 1] for n in needs],
        )
    return pathway_publish(actor=None, pathway=pathway)


def _step_do(user: User, step: Any) -> None:
    """Do a step as a learner would: finish it, attend it, or pass its quiz."""
    from .services import quiz_right_responses  # the demo builder's own helper

    if step.kind == "quiz":
        attempt = attempt_start(actor=user, quiz=step.quiz)
        attempt_submit(actor=user, attempt=attempt, responses=quiz_right_responses(step.quiz))
    else:
        step_finish(actor=user, step=step)


def progress_to(user: User, pathway: Any, stage: str) -> None:
    """Enrol `user` and do the pathway's required steps up to `stage` (of STAGES)."""
    enrolment_create(actor=user, pathway=pathway)
    steps = pathway_steps(pathway=pathway)
    required = [step for step in steps if step.required]
    todo = {
        "enrolled": [],
        "part-way": required[: max(1, len(required) // 2)],
        "nearly": required[:-1],
        "completed": required,
    }[stage]
    for step in todo:
        _step_do(user, step)


def progress_further(user: User, pathway: Any, stage: str) -> None:
    """Take `user` on to `stage` of the pathway (of STAGES), enrolling them if they are not
    yet, and doing only the required steps they have not done."""
    enrolment = enrolment_of(user=user, pathway=pathway)
    if enrolment is None:
        progress_to(user, pathway, stage)
        return
    done = enrolment_done_step_ids(enrolment=enrolment)
    required = [step for step in pathway_steps(pathway=pathway) if step.required]
    todo = {
        "enrolled": [],
        "part-way": required[: max(1, len(required) // 2)],
        "nearly": required[:-1],
        "completed": required,
    }[stage]
    for step in todo:
        if step.pk not in done:
            _step_do(user, step)


def _demo_learners(ctx: DemoContext) -> list[User]:
    """The reps among the members (they have learner grants too), in a fixed order."""
    grants = (
        grants_visible_to(user=ctx.accounts["admin"])
        .filter(role__in=[Role.ULR, Role.COORDINATOR, Role.ORGANISER])
        .exclude(user__in=ctx.accounts.values())
        .order_by("user_id")
    )
    seen: dict[int, User] = {}
    for grant in grants:
        seen.setdefault(grant.user_id, grant.user)
    return list(seen.values())[:4]  # one at each stage of each pathway


def step_pathways(ctx: DemoContext) -> None:
    """Four published pathways, reps at every stage of them, and the demo learner part-way
    through "Becoming a union learning rep" with its quiz passed."""
    _pages_create(ctx)
    built: dict[str, Any] = {}
    for spec in PATHWAYS:
        built[spec["fields"]["title"]] = _pathway_build(ctx, spec, built)
    pathways = list(built.values())
    organising_2 = built["Organising 2: from issue to campaign"]
    organising_1 = built["Organising 1: organising in your workplace"]
    learners = _demo_learners(ctx)
    for index, user in enumerate(learners):
        for offset, pathway in enumerate(pathways):
            if pathway == organising_2:
                continue  # only those who completed Organising 1, below
            stage = STAGES[(index + offset) % len(STAGES)]
            progress_to(user, pathway, stage)
            if pathway == organising_1 and stage == "completed":
                progress_to(user, organising_2, STAGES[index % 3])
    learner = ctx.accounts.get("learner")
    if learner is not None:
        ulr_pathway = built["Becoming a union learning rep"]
        enrolment_create(actor=learner, pathway=ulr_pathway)  # credits the passed quiz
        for step in pathway_steps(pathway=ulr_pathway)[:2]:
            step_finish(actor=learner, step=step)
    ctx.report(f"pathways: {len(pathways)} published, {len(learners)} reps enrolled at every stage")
