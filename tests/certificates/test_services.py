"""Issuing (idempotent, audited, recorded as xAPI `earned`) and revoking certificates."""

from decimal import Decimal

import pytest

from commonplace.audit.models import AuditEvent
from commonplace.certificates.errors import (
    AchievementInvalidError,
    CertificateAlreadyRevokedError,
    RecipientInvalidError,
    RevocationReasonMissingError,
)
from commonplace.certificates.models import Achievement, Certificate
from commonplace.certificates.services import (
    certificate_issue,
    certificate_revoke,
    certificate_view_record,
    verification_lookup_allow,
)
from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement
from commonplace.lrs.selectors.people import statements_actor_key_for_user
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _issue(user, union, **overrides):
    fields = {
        "recipient": user,
        "achievement_key": "pathway:12",
        "name": "Becoming a union learning rep",
        "description": "The ULR's first steps: the role, the law and the first conversation.",
        "criteria": "Complete the six required steps and pass the final quiz.",
        "issuer_unit": union,
        "hours": Decimal("12"),
    }
    return certificate_issue(**{**fields, **overrides})


def test_issue_creates_the_achievement_and_the_certificate(learner, union):
    certificate = _issue(learner, union)
    assert certificate.user == learner
    assert certificate.recipient_name == "Ceri Morgan"  # the profile's name, as printed
    assert certificate.revoked_at is None
    assert len(certificate.salt) == 32
    achievement = certificate.achievement
    assert achievement.key == "pathway:12"
    assert achievement.issuer_unit == union
    assert achievement.hours == Decimal("12.0")


def test_issuing_twice_returns_the_same_certificate(learner, union):
    first = _issue(learner, union)
    second = _issue(learner, union, name="Becoming a ULR (second edition)")
    assert second.pk == first.pk
    assert Certificate.objects.count() == 1
    assert Statement.objects.count() == 1
    assert AuditEvent.objects.filter(action="certificates.certificate.issued").count() == 1
    # The achievement itself follows the latest name given.
    assert Achievement.objects.get().name == "Becoming a ULR (second edition)"


def test_the_same_achievement_is_shared_by_its_recipients(learner, other_learner, union):
    mine, theirs = _issue(learner, union), _issue(other_learner, union)
    assert mine.pk != theirs.pk
    assert mine.achievement_id == theirs.achievement_id
    assert mine.uuid != theirs.uuid
    assert mine.salt != theirs.salt


def test_issue_is_audited_against_the_recipient(learner, union):
    certificate = _issue(learner, union)
    event = AuditEvent.objects.get(action="certificates.certificate.issued")
    assert event.subject_id == str(certificate.pk)
    assert event.person_id == learner.person.pk
    assert event.union_id == union.pk


def test_issue_records_an_earned_statement_of_the_badge(learner, union):
    certificate = _issue(learner, union)
    statement = Statement.objects.get()
    assert statement.verb_id == vocabulary.EARNED.iri
    assert statement.actor_key == statements_actor_key_for_user(learner)
    badge = f"/certificates/openbadges/badges/{certificate.achievement.uuid}/"
    assert statement.activity_id.endswith(badge)
    definition = statement.data["object"]["definition"]
    assert definition["type"] == vocabulary.BADGE_ACTIVITY_TYPE
    assert definition["name"] == {"en": "Becoming a union learning rep"}
    assert definition["extensions"][vocabulary.OPEN_BADGES_CLASS_EXTENSION]["@id"].endswith(badge)
    extensions = statement.data["result"]["extensions"]
    assertion = extensions[vocabulary.OPEN_BADGES_ASSERTION_EXTENSION]["@id"]
    assert assertion.endswith(f"/certificates/openbadges/assertions/{certificate.uuid}/")
    assert statement.data["result"]["completion"] is True


@pytest.mark.parametrize(
    "overrides",
    [
        {"achievement_key": "  "},
        {"name": ""},
        {"achievement_key": "x" * 101},
        {"hours": Decimal("-1")},
        {"hours": Decimal("1000000")},
    ],
)
def test_issue_refuses_a_bad_achievement_and_writes_nothing(learner, union, overrides):
    with pytest.raises(AchievementInvalidError):
        _issue(learner, union, **overrides)
    assert not Certificate.objects.exists()
    assert not Achievement.objects.exists()
    assert not Statement.objects.exists()


def test_issue_refuses_an_inactive_account(learner, union):
    learner.is_active = False
    learner.save(update_fields=["is_active"])
    with pytest.raises(RecipientInvalidError):
        _issue(learner, union)
    assert not Certificate.objects.exists()


def test_a_person_without_a_profile_gets_their_account_name(union):
    user = UserFactory(display_name="Jo Bloggs")
    assert _issue(user, union).recipient_name == "Jo Bloggs"


def test_revoke_keeps_the_certificate_with_date_and_reason(learner, union):
    certificate = _issue(learner, union)
    admin = UserFactory()
    revoked = certificate_revoke(actor=admin, certificate=certificate, reason=" Issued in error ")
    certificate.refresh_from_db()
    assert revoked.revoked_at is not None
    assert certificate.revocation_reason == "Issued in error"
    assert certificate.is_revoked
    event = AuditEvent.objects.get(action="certificates.certificate.revoked")
    assert event.actor == admin
    assert event.changes == ["revocation_reason", "revoked_at"]
    # Issuing again does not bring a revoked certificate back.
    assert _issue(learner, union).is_revoked


def test_revoke_needs_a_reason_and_happens_once(learner, union):
    certificate = _issue(learner, union)
    admin = UserFactory()
    with pytest.raises(RevocationReasonMissingError):
        certificate_revoke(actor=admin, certificate=certificate, reason="   ")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    certificate_revoke(actor=admin, certificate=certificate, reason="Issued in error")
    with pytest.raises(CertificateAlreadyRevokedError):
        certificate_revoke(actor=admin, certificate=certificate, reason="Again")
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Issued in error"


def test_opening_is_audited_only_for_others(learner, union):
    certificate = _issue(learner, union)
    certificate_view_record(actor=learner, certificate=certificate)
    assert not AuditEvent.objects.filter(action="certificates.certificate.viewed").exists()
    staff = UserFactory()
    certificate_view_record(actor=staff, certificate=certificate, pdf=True)
    event = AuditEvent.objects.get(action="certificates.certificate.viewed")
    assert event.actor == staff
    assert event.changes == ["pdf"]


def test_lookups_are_throttled_per_client(settings):
    allowed = [verification_lookup_allow(client="198.51.100.7") for _ in range(21)]
    assert allowed == [True] * 20 + [False]
    assert verification_lookup_allow(client="198.51.100.8") is True
