"""Demo certificates: a few of the demo reps have completed pathways, and one certificate was
revoked. Issued through `certificates.services.certificate_issue`, so each has its audit row
and its xAPI `earned` statement. The pathways demo will issue real ones; these keys say "demo".
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from commonplace.certificates.services import certificate_issue, certificate_revoke

if TYPE_CHECKING:
    from .services import DemoContext

# key → (name, description, criteria, hours)
ACHIEVEMENTS: dict[str, tuple[str, str, str, Decimal]] = {
    "pathway:demo-becoming-a-ulr": (
        "Becoming a union learning rep",
        "The first steps of a union learning rep: what the role is, the right to time off, "
        "listening to a colleague who wants to learn, and making a referral.",
        "Complete the six required steps of the pathway, including a recorded practice "
        "conversation with a colleague, and pass the end-of-pathway quiz with 70% or more.",
        Decimal("12"),
    ),
    "pathway:demo-organising-1": (
        "Organising in your workplace: beginner",
        "How to map a workplace, hold one-to-one conversations, find the issues people care "
        "about and bring colleagues together around them.",
        "Complete every required step, map your own workplace and hold three organising "
        "conversations, then write a short reflection on what you learned from them.",
        Decimal("8"),
    ),
    "pathway:demo-digital-skills": (
        "Digital skills for work",
        "Everyday digital skills: staying safe online, writing a clear email, using a shared "
        "calendar and filling in forms on a phone.",
        "Complete the five required steps and pass the digital skills quiz.",
        Decimal("6"),
    ),
    "pathway:demo-leading-learning": (
        "Leading learning in your branch",
        "For lifelong learning co-ordinators: planning a branch's learning year, supporting "
        "ULRs and negotiating a learning agreement with the employer.",
        "Complete every required step and present a draft learning plan for your branch.",
        Decimal("10"),
    ),
}

# (demo account key, achievement key)
AWARDS = [
    ("ulr", "pathway:demo-becoming-a-ulr"),
    ("ulr", "pathway:demo-digital-skills"),
    ("coordinator", "pathway:demo-becoming-a-ulr"),
    ("coordinator", "pathway:demo-leading-learning"),
    ("organiser", "pathway:demo-organising-1"),
    ("officer", "pathway:demo-digital-skills"),
]
# Revoked by the demo administrator: issued to the wrong person.
REVOKED = ("officer", "pathway:demo-digital-skills")
REVOCATION_REASON = "Issued in error: the pathway was completed by a different member."


def step_certificates(ctx: DemoContext) -> None:
    """Certificates for a few demo reps (one revoked), issued by the union."""
    union = ctx.require_union()
    issued = 0
    for account_key, achievement_key in AWARDS:
        user = ctx.accounts.get(account_key)
        if user is None:
            continue
        name, description, criteria, hours = ACHIEVEMENTS[achievement_key]
        certificate = certificate_issue(
            recipient=user,
            achievement_key=achievement_key,
            name=name,
            description=description,
            criteria=criteria,
            issuer_unit=union,
            hours=hours,
        )
        issued += 1
        admin = ctx.accounts.get("admin")
        if (account_key, achievement_key) == REVOKED and admin is not None:
            certificate_revoke(actor=admin, certificate=certificate, reason=REVOCATION_REASON)
    ctx.report(f"certificates: {issued} issued to demo reps, one revoked")
