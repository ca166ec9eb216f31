"""Demo certificates: some demo accounts completed pathways of the demo (through the pathways
services, so each certificate comes from a real completion, with its audit row and its xAPI
`completed` and `earned` statements), and one certificate was revoked. The Open Badges 3.0
signing key is made here, so every demo certificate's 3.0 credential signs at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from commonplace.certificates.selectors import certificates_of_user
from commonplace.certificates.services import certificate_revoke, signing_key_ensure
from commonplace.pathways.selectors import pathways_visible_to

from .pathways import progress_to

if TYPE_CHECKING:
    from .services import DemoContext

# (demo account key, the title of a demo pathway they completed)
COMPLETIONS = [
    ("ulr", "Becoming a union learning rep"),
    ("ulr", "Digital skills for work"),
    ("coordinator", "Becoming a union learning rep"),
    ("organiser", "Organising 1: organising in your workplace"),
    ("officer", "Digital skills for work"),
]
# Revoked by the demo administrator: issued to the wrong person.
REVOKED = ("officer", "Digital skills for work")
REVOCATION_REASON = "Issued in error: the pathway was completed by a different member."


def step_certificates(ctx: DemoContext) -> None:
    """Demo accounts complete pathways and so hold certificates; the administrator revokes one."""
    pathways = {p.title: p for p in pathways_visible_to(user=ctx.accounts["staff"])}
    for account_key, title in COMPLETIONS:
        progress_to(ctx.accounts[account_key], pathways[title], "completed")
    user, title = ctx.accounts[REVOKED[0]], REVOKED[1]
    certificate = certificates_of_user(user=user).get(achievement__name=title)
    certificate_revoke(
        actor=ctx.accounts["admin"], certificate=certificate, reason=REVOCATION_REASON
    )
    signing_key_ensure()
    ctx.report(
        f"certificates: {len(COMPLETIONS)} pathways completed by demo accounts, one revoked; "
        "Open Badges 3.0 signing key ready"
    )
