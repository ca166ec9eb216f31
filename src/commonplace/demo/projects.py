"""The demo's assessed project: a published brief with a four-criterion rubric, and work sent
in by members of the assessor's region - some waiting in the queue, one passed, one (the demo
learner's) sent back for a resubmission.

Everything goes through the assessment services, so the audit rows, xAPI statements and
notifications are the ones a real union would have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from commonplace.access.enums import Role
from commonplace.accounts.models import User
from commonplace.assessment.enums import MarkingOutcome
from commonplace.assessment.selectors import project_criteria
from commonplace.assessment.services import (
    project_brief_create,
    project_tile_source,
    submission_mark,
    submission_submit,
)
from commonplace.people.selectors import people_visible_to

from .tiles import tile_topics_set

if TYPE_CHECKING:
    from .services import DemoContext

# The topics the brief's catalogue tile is filed under (decision 0250).
BRIEF_TOPICS = ["union-learning-reps", "organising"]

BRIEF = {
    "title": "Map your workplace: a learning-needs snapshot",
    "slug": "map-your-workplace",
    "summary": "Talk to colleagues about the learning they want and what stands in the way, "
    "then write a one-page snapshot your branch can act on.",
    "brief": (
        "<p>Learning agreements start with knowing what people at work actually want. In this "
        "project you find out, in a small and careful way, and write it up so your branch can "
        "use it.</p>"
        "<h2>What to do</h2>"
        "<ol><li>Talk to at least five colleagues in your workplace: different shifts, jobs "
        "and ages if you can. Ask what they would like to learn, and what has stopped them "
        "before (time, cost, confidence, caring, shifts).</li>"
        "<li>Do not write down names or anything that identifies a person. Say why you are "
        "asking, and that they can say no.</li>"
        "<li>Look at what already exists: courses on offer, your employer's training budget, "
        "time off rules, your nearest learning centre.</li>"
        "<li>Write a snapshot of one page or so: what you heard, the three needs that came up "
        "most, and one thing the branch could ask the employer for.</li></ol>"
        "<h2>What to send</h2>"
        "<p>Write your snapshot in the box, or attach it as a PDF, Word or OpenDocument file. "
        "A photo of a hand-drawn map of your workplace is welcome too (PNG or JPEG).</p>"
        "<p>An assessor reads it against the four criteria below and writes back within two "
        "weeks. If it needs more work they will say exactly what, and you can send it again.</p>"
    ),
    "pass_mark": 50,
    "accepted_file_types": [".pdf", ".docx", ".odt", ".png", ".jpg", ".jpeg"],
    "criteria": [
        {
            "title": "Listening to colleagues",
            "description": "Spoke to at least five colleagues with different jobs or shifts, "
            "and reports what they said fairly.",
            "max_points": 4,
            "levels": "0 – No conversations reported\n"
            "2 – A few conversations, mostly with similar colleagues\n"
            "4 – Five or more varied conversations, reported fairly",
        },
        {
            "title": "Barriers to learning",
            "description": "Names what stops people learning (time, money, confidence, "
            "caring, shifts) with examples from the conversations.",
            "max_points": 4,
            "levels": "0 – Barriers not mentioned\n"
            "2 – Barriers listed without examples\n"
            "4 – Barriers explained with examples",
        },
        {
            "title": "What already exists",
            "description": "Finds out what learning, budget and time off are already there, "
            "and where the gaps are.",
            "max_points": 4,
            "levels": "0 – Not looked into\n"
            "2 – Some provision found\n"
            "4 – Provision and gaps set out clearly",
        },
        {
            "title": "A clear next step",
            "description": "Ends with one realistic thing the branch could ask the employer "
            "for, linked to the needs found.",
            "max_points": 4,
            "levels": "0 – No next step\n"
            "2 – A next step not linked to the findings\n"
            "4 – A realistic ask that follows from the findings",
        },
    ],
}

PASSED_TEXT = (
    "I spoke to seven colleagues across days, nights and the weekend bank team. Most "
    "wanted digital skills (online banking, the new rota app) and two wanted to finish "
    "maths qualifications they started at school. The main barriers were shifts - "
    "courses are always at 6pm - and confidence: 'I'd be the oldest there'. Our trust "
    "has a training budget but it is only used for mandatory training, and the learning "
    "centre in the main hospital is open 9 to 5. My ask: a rota-friendly digital skills "
    "session twice a month, in paid time, run in the staff room."
)
RESUBMIT_TEXT = (
    "People in my workplace want to learn more about computers and some want to do "
    "English. Cost is a problem. The branch should ask for more courses."
)
WAITING_TEXTS = [
    "Five colleagues from the kitchen and the porters' lodge. Everyone mentioned time: "
    "unpaid breaks are too short and nobody can stay after a split shift. Three asked for "
    "English for speakers of other languages. I found a free ESOL course at the college "
    "but it is in the daytime. Ask: ESOL on site, one hour before the late shift, paid.",
    "I asked six people on my team. The strongest need was confidence with email and "
    "the staff intranet, which managers assume everyone can use. Two people are carers "
    "and can only learn from home. We have a learning centre but no laptops to borrow. "
    "Ask: a laptop loan scheme and short sessions recorded for people at home.",
    "My snapshot: health and safety refreshers are everyone's top need after the new "
    "equipment arrived. Barriers are cover - nobody can leave the floor - and the cost "
    "of travel to the training centre. Ask: training delivered on site during the "
    "handover overlap.",
    "Seven colleagues, mostly part-time. Several want a first qualification in maths to "
    "apply for senior roles. Barriers: childcare and exam nerves. The employer pays for "
    "level 3 courses but nothing below. Ask: fund functional skills maths as well.",
]


def _members_in(ctx: DemoContext, path: str, exclude: set[int], count: int) -> list[User]:
    """Accounts of learners whose home is at or below `path`, first by id: read through the
    people selector as the demo administrator sees them."""
    admin = ctx.accounts.get("admin")
    if admin is None:
        return []
    people = (
        people_visible_to(user=admin)
        .filter(
            account__isnull=False,
            home_unit__path__startswith=path,
            account__role_grants__role=Role.LEARNER,
        )
        .exclude(account_id__in=exclude)
        .select_related("account")
        .order_by("pk")
        .distinct()[:count]
    )
    return [person.account for person in people if person.account is not None]


def step_projects(ctx: DemoContext) -> None:
    """The brief, and work by members of the assessor's region: one passed, the demo
    learner's sent back for a resubmission, the rest waiting in the assessor's queue."""
    union = ctx.require_union()
    spec = dict(BRIEF)
    brief = project_brief_create(actor=None, owner_unit=union, publish=True, **spec)  # type: ignore[arg-type]
    tile_topics_set(source=project_tile_source(brief), slugs=BRIEF_TOPICS)
    assessor = ctx.accounts.get("assessor")
    if assessor is None or not ctx.regions:
        ctx.report("projects: one brief, no submissions (no assessor)")
        return
    region = ctx.regions[0]
    criteria = project_criteria(brief=brief)
    demo_accounts = {user.pk for user in ctx.accounts.values()}
    learner = ctx.accounts.get("learner")
    coordinator = ctx.accounts.get("coordinator")
    marked = 0
    if coordinator is not None:
        work = submission_submit(actor=coordinator, brief=brief, text=PASSED_TEXT, files=[])
        submission_mark(
            actor=assessor,
            submission=work,
            scores={c.pk: (p, note) for c, (p, note) in zip(criteria, _PASSED_SCORES, strict=True)},
            feedback="A careful, fair snapshot. You listened to a real mix of colleagues and your "
            "ask follows straight from what they told you. Take it to the branch committee.",
            outcome=MarkingOutcome.PASSED,
        )
        marked += 1
    if learner is not None:
        work = submission_submit(actor=learner, brief=brief, text=RESUBMIT_TEXT, files=[])
        submission_mark(
            actor=assessor,
            submission=work,
            scores={
                c.pk: (p, note) for c, (p, note) in zip(criteria, _RESUBMIT_SCORES, strict=True)
            },
            feedback="A good start, but it needs more before it can pass. Say how many people you "
            "spoke to and what jobs they do, give an example for each barrier, find out what "
            "the employer already offers, and make your ask specific.",
            outcome=MarkingOutcome.RESUBMIT,
        )
        marked += 1
    waiting = [ctx.accounts[k] for k in ("ulr", "officer") if k in ctx.accounts]
    waiting += _members_in(ctx, region.path, demo_accounts, len(WAITING_TEXTS))
    for user, text in zip(waiting, WAITING_TEXTS, strict=False):
        submission_submit(actor=user, brief=brief, text=text, files=[])
    queued = min(len(waiting), len(WAITING_TEXTS))
    ctx.report(f"projects: one brief, {marked} marked, {queued} waiting for the assessor")


_PASSED_SCORES = [
    ("4", "Seven colleagues across three shift patterns: exactly right."),
    ("3", "Shifts and confidence come through clearly; one more example would help."),
    ("3", "Good that you checked the budget and the centre's hours."),
    ("4", "Specific, realistic and in paid time."),
]
_RESUBMIT_SCORES = [
    ("1", "Say how many people you spoke to, and in which jobs."),
    ("1", "Cost is one barrier: what else did people mention?"),
    ("0", "Find out what the employer and the college already offer."),
    ("1", "'More courses' is hard to negotiate: which course, when, for whom?"),
]
