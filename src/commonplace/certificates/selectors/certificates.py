"""Reads of certificates: a person's own, those staff may see, the public look-ups by UUID, the
Open Badges 2.0 documents (Issuer profile, BadgeClass, Assertion) built from them, and the PDF.

The public look-ups (`certificate_get_public`, `achievement_get_public`, `issuer_get_public`)
are deliberately outside the policy table: a verification link must open for anyone. They
answer only for the random UUID (or an issuing unit), and what they return is shown without the
recipient's email or account.
"""

from __future__ import annotations

import hashlib
import textwrap
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any
from uuid import UUID

import segno
from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonplace.access.selectors import scope_q
from commonplace.core.pdf import pdf_render
from commonplace.core.site import site_url

from ..enums import OPEN_BADGES_CONTEXT
from ..models import Achievement, Certificate

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit


def certificates_of_user(*, user: User | AnonymousUser) -> QuerySet[Certificate]:
    """The user's own certificates, revoked ones too, newest first (none for anonymous).

    Matched on the owner alone (like `lrs.selectors.statements_of_user`): every person sees
    their own certificates whatever roles they hold, and nobody else's can appear.
    """
    if not user.is_authenticated:
        return Certificate.objects.none()
    return (
        Certificate.objects.filter(user_id=user.pk)
        .select_related("achievement", "achievement__issuer_unit")
        .order_by("-issued_at", "-pk")
    )


def certificates_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[Certificate]:
    """Certificates `user` may `action` under the policy table (their own; staff: the
    certificates of people whose home unit is in their subtree)."""
    return Certificate.objects.filter(
        scope_q(user=user, kind="certificates.certificate", action=action)
    ).select_related("achievement", "achievement__issuer_unit", "user")


def certificates_issued_search(
    *, user: User | AnonymousUser, text: str = ""
) -> QuerySet[Certificate]:
    """Certificates `user` may revoke (staff: those of the people below their place), newest
    first, narrowed to a name as printed or an achievement containing `text`."""
    certificates = certificates_visible_to(user=user, action="revoke")
    if text:
        certificates = certificates.filter(
            Q(recipient_name__icontains=text) | Q(achievement__name__icontains=text)
        )
    return certificates.order_by("-issued_at", "-pk")


def certificate_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view"
) -> Certificate:
    """One certificate `user` may `action`; 404 otherwise (absent and not yours look alike)."""
    return get_object_or_404(certificates_visible_to(user=user, action=action), pk=pk)


def certificate_get_public(*, uuid: UUID) -> Certificate | None:
    """The certificate with this number, for its public verification page and assertion."""
    return (
        Certificate.objects.select_related("achievement", "achievement__issuer_unit", "user")
        .filter(uuid=uuid)
        .first()
    )


def achievement_get_public(*, uuid: UUID) -> Achievement | None:
    """The achievement whose badge class is published under this UUID."""
    return Achievement.objects.select_related("issuer_unit").filter(uuid=uuid).first()


def issuer_get_public(*, pk: int) -> OrgUnit | None:
    """The unit with this id, if it has issued an achievement (others are not published)."""
    achievement = (
        Achievement.objects.select_related("issuer_unit").filter(issuer_unit_id=pk).first()
    )
    return achievement.issuer_unit if achievement is not None else None


# --- Addresses ---------------------------------------------------------------------------------


def certificate_verify_url(certificate: Certificate) -> str:
    return site_url(reverse("certificates:verify", args=[certificate.uuid]))


def assertion_url(certificate: Certificate) -> str:
    return site_url(reverse("certificates:ob-assertion", args=[certificate.uuid]))


def badge_class_url(achievement: Achievement) -> str:
    return site_url(reverse("certificates:ob-badge", args=[achievement.uuid]))


def badge_image_url(achievement: Achievement) -> str:
    return site_url(reverse("certificates:ob-badge-image", args=[achievement.uuid]))


def badge_criteria_url(achievement: Achievement) -> str:
    return site_url(reverse("certificates:ob-criteria", args=[achievement.uuid]))


def issuer_url(unit_id: int) -> str:
    return site_url(reverse("certificates:ob-issuer", args=[unit_id]))


# --- Open Badges 2.0 documents -----------------------------------------------------------------


def recipient_identity(*, email: str, salt: str) -> str:
    """The hashed recipient identity of Open Badges 2.0: `sha256$` and the hex digest of the
    email address followed by the salt."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def badge_issuer_document(*, unit: OrgUnit) -> dict[str, Any]:
    """The Issuer Profile of a unit that issues certificates."""
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Issuer",
        "id": issuer_url(unit.pk),
        "name": unit.name,
        "url": site_url("/"),
        "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


def badge_class_document(*, achievement: Achievement) -> dict[str, Any]:
    """The BadgeClass of an achievement: what it is, its image, criteria and issuer."""
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "BadgeClass",
        "id": badge_class_url(achievement),
        "name": achievement.name,
        "description": achievement.description or achievement.name,
        "image": badge_image_url(achievement),
        "criteria": {
            "id": badge_criteria_url(achievement),
            "narrative": achievement.criteria or achievement.description or achievement.name,
        },
        "issuer": issuer_url(achievement.issuer_unit_id),
    }


def badge_assertion_document(*, certificate: Certificate) -> dict[str, Any]:
    """The hosted Assertion of a certificate (the caller answers 410 when it is revoked)."""
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate),
        "recipient": {
            "type": "email",
            "hashed": True,
            "salt": certificate.salt,
            "identity": recipient_identity(email=certificate.user.email, salt=certificate.salt),
        },
        "badge": badge_class_url(certificate.achievement),
        "issuedOn": certificate.issued_at.isoformat(),
        "verification": {"type": "hosted"},
        "evidence": certificate_verify_url(certificate),
    }


def badge_revoked_document(*, certificate: Certificate) -> dict[str, Any]:
    """What a revoked hosted assertion answers (with HTTP 410 Gone)."""
    return {
        "@context": OPEN_BADGES_CONTEXT,
        "type": "Assertion",
        "id": assertion_url(certificate),
        "revoked": True,
        "revocationReason": certificate.revocation_reason,
    }


def badge_image_context(
    *, achievement: Achievement, width: int = 16, most: int = 4
) -> dict[str, Any]:
    """What the badge image shows: the achievement's name in short lines (centred on the
    badge) and the issuer's name, shortened to fit."""
    lines = textwrap.wrap(achievement.name, width=width) or [""]
    if len(lines) > most:
        rest = textwrap.shorten(" ".join(lines[most - 1 :]), width, placeholder="…")
        lines = [*lines[: most - 1], rest]
    return {
        "achievement": achievement,
        "lines": lines,
        "text_top": 225 - 15 * (len(lines) - 1),
        "issuer_line": textwrap.shorten(achievement.issuer_unit.name, 30, placeholder="…"),
    }


# --- The PDF ----------------------------------------------------------------------------------


def certificate_qr_data_uri(*, url: str) -> str:
    """A QR code of `url` as an SVG data URI (segno: pure Python, nothing fetched)."""
    return str(segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#0b0c0c"))


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The certificate as a landscape A4 PDF, with its verification address and QR code."""
    verify_url = certificate_verify_url(certificate)
    context = {
        "certificate": certificate,
        "achievement": certificate.achievement,
        "issuer": certificate.achievement.issuer_unit,
        "verify_url": verify_url,
        "qr": certificate_qr_data_uri(url=verify_url),
    }
    return pdf_render(template="certificates/certificate_pdf.html", context=context)
