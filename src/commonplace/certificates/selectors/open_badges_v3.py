"""Reads for Open Badges 3.0 (decision 0223): the certificate's OpenBadgeCredential, its issuer
Profile and Achievement, the one-credential revocation list, and the published public keys.

An OpenBadgeCredential per certificate, signed as a VC-JWT by `services.credential_sign`. It
discloses what the 2.0 assertion does and no more: the recipient is a salted SHA-256 of the
account's email (computed when served), and the subject's `id` is a UUID derived from the
certificate's number, which names nobody and links no two credentials.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from email.utils import parseaddr
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.conf import settings
from django.urls import reverse

from commonplace.core.site import site_url

from ..enums import OPEN_BADGES_V3_ALGORITHM, OPEN_BADGES_V3_CONTEXT, OPEN_BADGES_V3_SCHEMA
from ..models import SigningKey
from .certificates import badge_criteria_url, badge_image_url, recipient_identity

if TYPE_CHECKING:
    from commonplace.organisation.models import OrgUnit

    from ..models import Achievement, Certificate

# The namespace of the credential subjects' UUIDs (fixed: changing it changes every `sub`).
SUBJECT_NAMESPACE = UUID("5b0c3a52-8c1e-4f5e-9a43-0d6f2f1c7e21")
# JWK members of an RSA public key; anything else (a private part) is never published.
_PUBLIC_JWK_MEMBERS = ("kty", "n", "e")


def credential_url(certificate: Certificate) -> str:
    """The credential's `id`: its web resource, the compact JWS (the spec's VC-JWT form)."""
    return site_url(reverse("certificates:ob3-credential", args=[certificate.uuid]))


def credential_json_url(certificate: Certificate) -> str:
    return site_url(reverse("certificates:ob3-credential-json", args=[certificate.uuid]))


def credential_status_url(certificate: Certificate) -> str:
    return site_url(reverse("certificates:ob3-status", args=[certificate.uuid]))


def profile_url(unit_id: int) -> str:
    return site_url(reverse("certificates:ob3-issuer", args=[unit_id]))


def achievement_url(achievement: Achievement) -> str:
    return site_url(reverse("certificates:ob3-achievement", args=[achievement.uuid]))


def signing_key_url(key_id: str) -> str:
    """The `kid` of a signing key: an address that answers its public JWK."""
    return site_url(reverse("certificates:ob3-key", args=[key_id]))


def _datetime_z(moment: datetime) -> str:
    """A DateTimeZ to the second (the JWT's `nbf` has no fractions, and must equal it)."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _profile(unit: OrgUnit) -> dict[str, Any]:
    return {
        "id": profile_url(unit.pk),
        "type": ["Profile"],
        "name": unit.name,
        "url": site_url("/"),
        "email": parseaddr(settings.DEFAULT_FROM_EMAIL)[1],
    }


def _achievement(achievement: Achievement) -> dict[str, Any]:
    return {
        "id": achievement_url(achievement),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": achievement.name,
        "description": achievement.description or achievement.name,
        "criteria": {
            "id": badge_criteria_url(achievement),
            "narrative": achievement.criteria or achievement.description or achievement.name,
        },
        "image": {
            "id": badge_image_url(achievement),
            "type": "Image",
            "caption": achievement.name,
        },
    }


def open_badge_profile_document(*, unit: OrgUnit) -> dict[str, Any]:
    """The Open Badges 3.0 issuer Profile of a unit that issues certificates."""
    return {"@context": list(OPEN_BADGES_V3_CONTEXT), **_profile(unit)}


def open_badge_achievement_document(*, achievement: Achievement) -> dict[str, Any]:
    """The Open Badges 3.0 Achievement: what the credential says was achieved."""
    return {"@context": list(OPEN_BADGES_V3_CONTEXT), **_achievement(achievement)}


def credential_subject_id(certificate: Certificate) -> str:
    return f"urn:uuid:{uuid_module.uuid5(SUBJECT_NAMESPACE, str(certificate.uuid))}"


def open_badge_credential_document(*, certificate: Certificate) -> dict[str, Any]:
    """The certificate's OpenBadgeCredential, unsigned (the JWT payload carries it whole)."""
    achievement = certificate.achievement
    return {
        "@context": list(OPEN_BADGES_V3_CONTEXT),
        "id": credential_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": achievement.name,
        "issuer": _profile(achievement.issuer_unit),
        "validFrom": _datetime_z(certificate.issued_at),
        "credentialSubject": {
            "id": credential_subject_id(certificate),
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "identityHash": recipient_identity(
                        email=certificate.user.email, salt=certificate.salt
                    ),
                    "salt": certificate.salt,
                }
            ],
            "achievement": _achievement(achievement),
        },
        "credentialStatus": {
            "id": credential_status_url(certificate),
            "type": "1EdTechRevocationList",
        },
        "credentialSchema": [
            {"id": OPEN_BADGES_V3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}
        ],
    }


def open_badge_credential_claims(*, credential: dict[str, Any]) -> dict[str, Any]:
    """The registered JWT claims the VC-JWT proof format maps from the credential."""
    return {
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(datetime.fromisoformat(credential["validFrom"]).timestamp()),
        "sub": credential["credentialSubject"]["id"],
    }


def open_badge_status_document(*, certificate: Certificate) -> dict[str, Any]:
    """The 1EdTech revocation list of one credential: empty, or naming it once revoked. One
    list per credential, so nobody can enumerate the revoked certificates of an issuer."""
    revoked = [{"id": credential_url(certificate), "revoked": True}]
    return {
        "id": credential_status_url(certificate),
        "issuer": profile_url(certificate.achievement.issuer_unit_id),
        "revokedCredential": revoked if certificate.is_revoked else [],
    }


def signing_key_get_active() -> SigningKey | None:
    """The key that signs new credentials: the newest one not retired."""
    return SigningKey.objects.filter(retired_at__isnull=True).order_by("-created_at", "-pk").first()


def signing_key_get_public(*, key_id: str) -> SigningKey | None:
    """A published key (active or retired) by its identifier."""
    return SigningKey.objects.filter(key_id=key_id).first()


def signing_key_jwk(signing_key: SigningKey) -> dict[str, Any]:
    """The public JWK of a key, with its address as `kid` (never a private member)."""
    public = {name: signing_key.public_jwk[name] for name in _PUBLIC_JWK_MEMBERS}
    return {
        **public,
        "kid": signing_key_url(signing_key.key_id),
        "alg": OPEN_BADGES_V3_ALGORITHM,
        "use": "sig",
    }


def signing_keys_published() -> dict[str, Any]:
    """The JWK Set of every signing key, retired ones too: credentials signed before a
    rotation go on verifying."""
    return {"keys": [signing_key_jwk(key) for key in SigningKey.objects.order_by("created_at")]}
