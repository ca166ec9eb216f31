"""The demo learner's own learning space: informal learning (one entry with an evidence file),
two goals (one achieved) and three saved resources, all written through the services, so their
xAPI statements are in the LRS too."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone

from commonplace.learning.selectors import resources_visible_to
from commonplace.learning_space.enums import GoalStatus
from commonplace.learning_space.services import (
    goal_create,
    goal_status_set,
    informal_create,
    resource_save,
)

if TYPE_CHECKING:
    from .services import DemoContext

# (title, days before the demo's "today", hours, what they got from it, web address)
INFORMAL = [
    (
        "Library workshop: writing a CV that gets read",
        41,
        Decimal("2"),
        "A librarian went through our CVs one by one. Put the most recent job first, keep it "
        "to two pages, and say what you did, not just the job title. I rewrote mine the same "
        "evening.",
        "",
    ),
    (
        "Spreadsheets for beginners: a YouTube course",
        26,
        Decimal("3.5"),
        "Six short videos over two weeks. I can now add up a column with SUM, sort a list and "
        "make a simple household budget. Next: charts.",
        "https://www.youtube.com/results?search_query=spreadsheets+for+beginners",
    ),
    (
        "Read the union's guide: your rights at work",
        9,
        Decimal("1.25"),
        "Rest breaks, holiday pay and what to do if you are asked to work unpaid overtime. I "
        "did not know part-time workers get the same holiday, pro rata.",
        "",
    ),
]
EVIDENCE_FOR = 0  # the workshop's attendance note is kept as evidence

GOALS = [
    ("Update my CV and send it for the team leader job", 30, True),
    ("Pass Functional Skills maths level 1", 150, False),
]

SAVED_TITLES = [
    "Writing a good email to your manager",
    "Fractions and percentages at work",
    "Staying safe online: passwords and scams",
]


def tiny_pdf(lines: list[str]) -> bytes:
    """A small, valid one-page PDF (Helvetica, plain ASCII text), built by hand: no renderer."""
    text = " ".join(
        f"({line.replace(chr(92), '').replace('(', '').replace(')', '')}) Tj T*" for line in lines
    )
    stream = f"BT /F1 12 Tf 16 TL 56 780 Td {text} ET".encode("ascii", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
        b" >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _not_past(day: date) -> date:
    """Goal dates must not be in the past when the demo is built long after its fixed day."""
    return max(day, timezone.localdate() + timedelta(days=14))


def step_learning_space(ctx: DemoContext) -> None:
    """The demo learner's informal learning, goals and saved resources."""
    from .services import TODAY

    learner = ctx.accounts.get("learner")
    if learner is None:
        ctx.report("learning space: no demo learner, nothing to add")
        return
    for index, (title, days_ago, hours, reflection, url) in enumerate(INFORMAL):
        fields = {
            "title": title,
            "learned_on": min(TODAY - timedelta(days=days_ago), timezone.localdate()),
            "hours": hours,
            "reflection": reflection,
            "url": url,
        }
        if index == EVIDENCE_FOR:
            note = tiny_pdf(
                [
                    "Central Library - Learning for Work",
                    "Certificate of attendance",
                    f"{learner.display_name} attended: {title}",
                    "Two hours, with one-to-one feedback on a CV.",
                ]
            )
            fields["evidence"] = ContentFile(note, name="cv-workshop-attendance.pdf")
        informal_create(actor=learner, fields={k: v for k, v in fields.items() if v != ""})
    for text, days_ahead, achieved in GOALS:
        goal = goal_create(
            actor=learner, text=text, target_date=_not_past(TODAY + timedelta(days=days_ahead))
        )
        if achieved:
            goal_status_set(actor=learner, goal=goal, status=GoalStatus.ACHIEVED)
    resources = resources_visible_to(user=learner).filter(title__in=SAVED_TITLES).order_by("title")
    for resource in resources:
        resource_save(actor=learner, resource_id=resource.pk)
    ctx.report(
        f"learning space: {len(INFORMAL)} informal entries, {len(GOALS)} goals, "
        f"{len(resources)} saved resources for the demo learner"
    )
