"""Writes of certificates: issuing one (idempotent, with its xAPI `earned` statement), revoking
one, recording that someone other than its owner opened it, and counting public look-ups; and
the Open Badges 3.0 signing keys (created on first need, rotated) and signing a credential.

`certificate_issue` is the door other apps call (pathways, when a learner completes one).
"""

from __future__ import annotations

import base64
import secrets
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from joserfc import jwt
from joserfc.jwk import RSAKey

from commonplace.audit.services import audit_record
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors.people import statements_actor_for_user
from commonplace.lrs.services.statements import statement_record

from .enums import (
    OPEN_BADGES_V3_ALGORITHM,
    OPEN_BADGES_V3_KEY_BITS,
    VERIFY_LOOKUPS_PER_WINDOW,
    VERIFY_WINDOW_SECONDS,
    CertificatesAuditAction,
)
from .errors import (
    AchievementInvalidError,
    CertificateAlreadyRevokedError,
    RecipientInvalidError,
    RevocationReasonMissingError,
)
from .models import Achievement, Certificate, SigningKey
from .selectors import (
    assertion_url,
    badge_class_url,
    badge_criteria_url,
    badge_image_url,
    issuer_url,
    open_badge_credential_claims,
    open_badge_credential_document,
    signing_key_get_active,
    signing_key_url,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from commonplace.accounts.models import User
    from commonplace.organisation.models import OrgUnit

MAX_HOURS = Decimal("99999.9")


def _printed_name(user: User) -> str:
    """The name printed on a certificate: the person's profile name, else the account's."""
    try:
        name = user.person.display_name  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        name = ""
    return (name or user.display_name or user.email.split("@", 1)[0])[:200]


def _hours_clean(hours: Decimal | None) -> Decimal | None:
    if hours is None:
        return None
    try:
        value = Decimal(hours).quantize(Decimal("0.1"))
    except (InvalidOperation, TypeError, ValueError) as error:
        raise AchievementInvalidError() from error
    if value < 0 or value > MAX_HOURS:
        raise AchievementInvalidError()
    return value


@transaction.atomic
def certificate_issue(
    *,
    recipient: User,
    achievement_key: str,
    name: str,
    description: str,
    criteria: str,
    issuer_unit: OrgUnit,
    hours: Decimal | None = None,
) -> Certificate:
    """Issue `recipient` a certificate of the achievement `achievement_key`, or return the one
    they already hold (revoked or not): calling it twice is harmless.

    The achievement is created, or updated with the name, description, criteria, issuer and
    hours given. The name printed is the recipient's profile name at the time of issue.
    Effects: writes Achievement and Certificate; audit `certificates.certificate.issued`;
    xAPI: `earned` of the badge (the achievement), with the assertion's address.
    Raises: AchievementInvalidError (no key or name, bad hours); RecipientInvalidError.
    """
    key, name = achievement_key.strip(), name.strip()
    if not key or not name or len(key) > 100:
        raise AchievementInvalidError()
    if not recipient.is_active:
        raise RecipientInvalidError()
    # Locks the achievement's row, so two issues of the same achievement run one after the other.
    achievement, _created = Achievement.objects.update_or_create(
        key=key,
        defaults={
            "name": name[:200],
            "description": description.strip(),
            "criteria": criteria.strip(),
            "issuer_unit": issuer_unit,
            "hours": _hours_clean(hours),
        },
    )
    existing = Certificate.objects.filter(user=recipient, achievement=achievement).first()
    if existing is not None:
        return existing
    certificate = Certificate.objects.create(
        user=recipient,
        achievement=achievement,
        issued_at=timezone.now(),
        recipient_name=_printed_name(recipient),
        salt=secrets.token_hex(16),
    )
    audit_record(actor=None, action=CertificatesAuditAction.CERTIFICATE_ISSUED, subject=certificate)
    _earned_record(certificate=certificate)
    return certificate


def _earned_record(*, certificate: Certificate) -> None:
    achievement = certificate.achievement
    definition: dict[str, Any] = {
        "extensions": {
            vocabulary.OPEN_BADGES_CLASS_EXTENSION: {
                "@id": badge_class_url(achievement),
                "image": badge_image_url(achievement),
                "criteria": badge_criteria_url(achievement),
                "issuer": issuer_url(achievement.issuer_unit_id),
            }
        }
    }
    if achievement.description:
        definition["description"] = {"en": achievement.description[:1000]}
    statement_record(
        actor=statements_actor_for_user(certificate.user),
        verb=vocabulary.EARNED,
        activity_id=badge_class_url(achievement),
        activity_type=vocabulary.BADGE_ACTIVITY_TYPE,
        activity_name={"en": achievement.name},
        definition=definition,
        result={
            "completion": True,
            "extensions": {
                vocabulary.OPEN_BADGES_ASSERTION_EXTENSION: {"@id": assertion_url(certificate)}
            },
        },
    )


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    """Revoke a certificate: its verification page says so, with the date, and its Open
    Badges assertion answers 410 Gone with the reason. The row is kept.

    Effects: writes Certificate's revoked time and reason; audit
    `certificates.certificate.revoked`.
    Raises: RevocationReasonMissingError; CertificateAlreadyRevokedError.
    """
    reason = reason.strip()
    if not reason:
        raise RevocationReasonMissingError()
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CertificateAlreadyRevokedError()
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason[:500]
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    audit_record(
        actor=actor,
        action=CertificatesAuditAction.CERTIFICATE_REVOKED,
        subject=certificate,
        changes=["revoked_at", "revocation_reason"],
    )
    return certificate


def certificate_view_record(
    *, actor: User | AnonymousUser, certificate: Certificate, pdf: bool = False
) -> None:
    """Record that someone other than its owner opened a certificate (its page or its PDF).

    Effects: audit `certificates.certificate.viewed` (nothing when the owner opens their own).
    """
    if actor.pk == certificate.user_id:
        return
    audit_record(
        actor=actor,
        action=CertificatesAuditAction.CERTIFICATE_VIEWED,
        subject=certificate,
        changes=["pdf"] if pdf else [],
    )


def verification_lookup_allow(*, client: str) -> bool:
    """Count one public look-up of a certificate number by `client` (an IP address); False once
    the client has made too many in the window, so numbers cannot be guessed in bulk.

    Effects: increments a counter in the cache (shared by every app server through Redis).
    """
    key = f"certificates:verify-lookups:{client}"
    cache.add(key, 0, timeout=VERIFY_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=VERIFY_WINDOW_SECONDS)
        count = 1
    return count <= VERIFY_LOOKUPS_PER_WINDOW


# --- Open Badges 3.0 signing keys and credentials (decision 0223) -------------------------------

_KEY_SALT = "commonplace.certificates.signing-key"


def _key_cipher() -> MultiFernet:
    """Fernet keys derived from `SECRET_KEY` and its fallbacks: the first encrypts, any decrypts,
    so rotating `SECRET_KEY` with the old one in `SECRET_KEY_FALLBACKS` keeps keys readable."""
    secrets_ = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    digests = [salted_hmac(_KEY_SALT, "fernet", secret=s, algorithm="sha256") for s in secrets_]
    return MultiFernet([Fernet(base64.urlsafe_b64encode(d.digest())) for d in digests])


def _private_key(signing_key: SigningKey) -> RSAKey | None:
    """The private key of `signing_key`, or None when no secret key in use can decrypt it."""
    try:
        pem = _key_cipher().decrypt(signing_key.private_key.encode("ascii"))
    except InvalidToken:
        return None
    return RSAKey.import_key(pem)


@transaction.atomic
def _signing_key_new(*, actor: User | None) -> tuple[SigningKey, RSAKey]:
    now = timezone.now()
    for old in SigningKey.objects.select_for_update().filter(retired_at__isnull=True):
        old.retired_at = now
        old.save(update_fields=["retired_at"])
        audit_record(
            actor=actor,
            action=CertificatesAuditAction.SIGNING_KEY_RETIRED,
            subject=old,
            changes=["retired_at"],
        )
    key = RSAKey.generate_key(OPEN_BADGES_V3_KEY_BITS, private=True)
    signing_key = SigningKey.objects.create(
        key_id=key.thumbprint(),
        public_jwk=key.as_dict(private=False),
        private_key=_key_cipher().encrypt(key.as_pem(private=True)).decode("ascii"),
        created_at=now,
    )
    audit_record(
        actor=actor, action=CertificatesAuditAction.SIGNING_KEY_CREATED, subject=signing_key
    )
    return signing_key, key


def signing_key_rotate(*, actor: User | None = None) -> SigningKey:
    """Create a new RSA key pair to sign Open Badges 3.0 credentials with, and retire the keys
    signing until now. Retired keys stay published, so what they signed still verifies.

    Effects: writes SigningKey (a new one; the retired time of the others); audit
    `certificates.signing_key.created` and `certificates.signing_key.retired`.
    """
    return _signing_key_new(actor=actor)[0]


def signing_key_ensure() -> tuple[SigningKey, RSAKey]:
    """The key that signs credentials now and its private part: the active key, or a new one
    on first need, or when `SECRET_KEY` changed without the old one among its fallbacks (the
    unreadable key is retired, and stays published).

    Effects: may write a new SigningKey as `signing_key_rotate` does.
    """
    signing_key = signing_key_get_active()
    if signing_key is not None and (private := _private_key(signing_key)) is not None:
        return signing_key, private
    return _signing_key_new(actor=None)


def credential_sign(*, certificate: Certificate) -> str:
    """The certificate's Open Badges 3.0 credential as a VC-JWT: a compact JWS (RS256) whose
    payload is the credential with the `iss`, `jti`, `nbf` and `sub` claims mapped from it,
    and whose `kid` is the address of the public key. The caller refuses revoked ones.

    Effects: creates the signing key on first need (`signing_key_ensure`).
    """
    signing_key, private = signing_key_ensure()
    credential = open_badge_credential_document(certificate=certificate)
    header = {
        "alg": OPEN_BADGES_V3_ALGORITHM,
        "kid": signing_key_url(signing_key.key_id),
        "typ": "JWT",
    }
    claims = {**credential, **open_badge_credential_claims(credential=credential)}
    return jwt.encode(header, claims, private, algorithms=[OPEN_BADGES_V3_ALGORITHM])
