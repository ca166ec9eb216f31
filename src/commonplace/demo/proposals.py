"""Demo proposals: resources members have proposed for the catalogue, waiting for the content
reviewer of their region (`reviewer@…`), and one already returned with comments.

Written through `learning.services`, so they are placed, sanitised and audited as real ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from commonplace.learning.services import proposal_return, proposal_submit

if TYPE_CHECKING:
    from .services import DemoContext

# (account key, fields)
PROPOSALS: list[tuple[str, dict[str, Any]]] = [
    (
        "ulr",
        {
            "kind": "page",
            "title": "Running a lunchtime learning taster",
            "summary": "How our branch got twenty people to try a course in one lunch hour.",
            "body": (
                "<p>People who would never walk into a college will give you twenty minutes "
                "over a sandwich. A taster is a short, friendly session that shows what a "
                "course is like, with no forms to fill in on the day.</p>"
                "<h2>What worked for us</h2><ol>"
                "<li>Book a room near the canteen, not in the training centre.</li>"
                "<li>Ask the tutor to bring something hands-on: a tablet, a short quiz, a "
                "real payslip to read together.</li>"
                "<li>Put up posters a week before and talk to people on every shift.</li>"
                "<li>Have a sign-up sheet for the full course, and a ULR at the door to "
                "answer questions in private.</li></ol>"
                "<p>Eleven of the twenty went on to the full course. Four joined the union.</p>"
            ),
            "duration_minutes": 10,
            "level": "beginner",
            "language": "en",
            "audiences": ["ulrs", "activists"],
        },
    ),
    (
        "coordinator",
        {
            "kind": "link",
            "title": "Learning agreements: a model to start from",
            "summary": "The TUC's guidance on what a workplace learning agreement covers.",
            "body": (
                "<p>A learning agreement puts time off, facilities and the ULR's role in "
                "writing. Start from a model, then make it fit your workplace: who it "
                "covers, how learning is promoted, and how you will review it together.</p>"
            ),
            "url": "https://www.tuc.org.uk/",
            "duration_minutes": 20,
            "level": "intermediate",
            "language": "en",
            "audiences": ["ulrs"],
        },
    ),
    (
        "learner",
        {
            "kind": "page",
            "title": "Reading your payslip",
            "summary": "Gross pay, deductions and net pay, line by line.",
            "body": (
                "<p>Your payslip shows what you earned and what was taken off. Check it "
                "every month: mistakes happen, and they are easier to fix early.</p>"
                "<ul><li>Gross pay: everything you earned before deductions.</li>"
                "<li>Tax and National Insurance.</li><li>Pension contributions.</li>"
                "<li>Union subscriptions, if you pay through your wages.</li>"
                "<li>Net pay: what reaches your bank.</li></ul>"
            ),
            "duration_minutes": 10,
            "level": "entry",
            "language": "en",
            "audiences": ["members"],
        },
    ),
]

RETURNED_COMMENTS = (
    "Thank you, this will help a lot of people. Could you add how to check your tax code, "
    "and where to go if something looks wrong (your payroll office, then your ULR or rep)?"
)


def step_proposals(ctx: DemoContext) -> None:
    """Three proposals by demo accounts; the demo reviewer has already returned the learner's."""
    made = 0
    for key, fields in PROPOSALS:
        proposer = ctx.accounts.get(key)
        if proposer is None:
            continue
        proposal = proposal_submit(actor=proposer, fields=fields)
        made += 1
        reviewer = ctx.accounts.get("reviewer")
        if key == "learner" and reviewer is not None:
            proposal_return(actor=reviewer, proposal=proposal, comments=RETURNED_COMMENTS)
    ctx.report(f"proposals: {made} proposed resources, one returned with comments")
