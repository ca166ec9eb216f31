"""Reads: a person's own certificates, the scoped ones, and the Open Badges 2.0 documents."""

import hashlib

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.certificates.selectors import (
    badge_assertion_document,
    badge_class_document,
    badge_image_context,
    badge_issuer_document,
    badge_revoked_document,
    certificates_of_user,
    certificates_visible_to,
    issuer_get_public,
    recipient_identity,
)
from tests.factories.accounts import UserFactory
from tests.factories.certificates import AchievementFactory, CertificateFactory
from tests.factories.organisation import BranchFactory, RegionFactory, UnionFactory

from .conftest import person_with_account

pytestmark = pytest.mark.django_db

CONTEXT = "https://w3id.org/openbadges/v2"


def test_certificates_of_user_are_only_their_own(learner, other_learner):
    mine = CertificateFactory(user=learner)
    CertificateFactory(user=other_learner)
    assert list(certificates_of_user(user=learner)) == [mine]


def test_certificates_of_user_lists_in_constant_queries(learner, django_assert_num_queries):
    CertificateFactory(user=learner)
    with django_assert_num_queries(1):
        assert len([c.achievement.issuer_unit.name for c in certificates_of_user(user=learner)])
    CertificateFactory.create_batch(2, user=learner)
    with django_assert_num_queries(1):
        names = [c.achievement.issuer_unit.name for c in certificates_of_user(user=learner)]
    assert len(names) == 3


def test_staff_see_certificates_below_their_place_only(union, branch, learner):
    other_region_person = person_with_account(
        BranchFactory(parent=RegionFactory(parent=union)), "far@example.org"
    )
    other_union_person = person_with_account(BranchFactory(), "elsewhere@example.org")
    near = CertificateFactory(user=learner)
    far = CertificateFactory(user=other_region_person)
    elsewhere = CertificateFactory(user=other_union_person)
    staff = UserFactory()
    RoleGrant.objects.create(user=staff, role=Role.STAFF, unit=branch.parent)
    assert set(certificates_visible_to(user=staff)) == {near}
    assert set(certificates_visible_to(user=staff, action="revoke")) == {near}
    admin = UserFactory()
    RoleGrant.objects.create(user=admin, role=Role.ADMINISTRATOR, unit=union)
    assert set(certificates_visible_to(user=admin)) == {near, far}
    assert elsewhere not in set(certificates_visible_to(user=admin))


def test_a_learner_sees_their_own_but_revokes_none(learner, other_learner):
    mine = CertificateFactory(user=learner)
    CertificateFactory(user=other_learner)
    assert list(certificates_visible_to(user=learner)) == [mine]
    assert not certificates_visible_to(user=learner, action="revoke").exists()


def test_assertion_follows_open_badges_2(learner, settings):
    settings.SITE_URL = "https://learn.example.org"
    certificate = CertificateFactory(user=learner)
    document = badge_assertion_document(certificate=certificate)
    assert document["@context"] == CONTEXT
    assert document["type"] == "Assertion"
    assert document["id"] == (
        f"https://learn.example.org/certificates/openbadges/assertions/{certificate.uuid}/"
    )
    assert document["badge"] == (
        f"https://learn.example.org/certificates/openbadges/badges/{certificate.achievement.uuid}/"
    )
    assert document["verification"] == {"type": "hosted"}
    assert document["issuedOn"] == certificate.issued_at.isoformat()
    assert document["issuedOn"].endswith("+00:00")  # ISO 8601 with its time zone
    recipient = document["recipient"]
    assert recipient["type"] == "email"
    assert recipient["hashed"] is True
    assert recipient["salt"] == certificate.salt
    # The identity verifies against the email with the salt, as a backpack checks it.
    expected = hashlib.sha256(("ceri.morgan@example.org" + certificate.salt).encode()).hexdigest()
    assert recipient["identity"] == f"sha256${expected}"
    assert "ceri.morgan@example.org" not in str(document)
    assert "Ceri" not in str(document)


def test_identity_does_not_verify_against_another_email():
    identity = recipient_identity(email="ceri.morgan@example.org", salt="s4lt")
    other = hashlib.sha256(b"alex.jones@example.orgs4lt").hexdigest()
    assert identity != f"sha256${other}"


def test_badge_class_has_name_description_image_criteria_and_issuer(settings):
    settings.SITE_URL = "https://learn.example.org"
    achievement = AchievementFactory(name="Organising 1", criteria="Finish every step.")
    document = badge_class_document(achievement=achievement)
    base = f"https://learn.example.org/certificates/openbadges/badges/{achievement.uuid}/"
    assert document["@context"] == CONTEXT
    assert document["type"] == "BadgeClass"
    assert document["id"] == base
    assert document["name"] == "Organising 1"
    assert document["description"] == achievement.description
    assert document["image"] == base + "image.svg"
    assert document["criteria"] == {"id": base + "criteria/", "narrative": "Finish every step."}
    assert document["issuer"] == (
        f"https://learn.example.org/certificates/openbadges/issuers/{achievement.issuer_unit_id}/"
    )


def test_issuer_profile_names_the_union(settings):
    settings.SITE_URL = "https://learn.example.org"
    settings.DEFAULT_FROM_EMAIL = "Learning <learning@example.org>"
    union = UnionFactory(name="Union of Learning Workers")
    document = badge_issuer_document(unit=union)
    assert document == {
        "@context": CONTEXT,
        "type": "Issuer",
        "id": f"https://learn.example.org/certificates/openbadges/issuers/{union.pk}/",
        "name": "Union of Learning Workers",
        "url": "https://learn.example.org/",
        "email": "learning@example.org",
    }


def test_only_issuing_units_are_published():
    achievement = AchievementFactory()
    assert issuer_get_public(pk=achievement.issuer_unit_id) == achievement.issuer_unit
    assert issuer_get_public(pk=UnionFactory().pk) is None


def test_revoked_document_says_revoked_with_the_reason(learner):
    certificate = CertificateFactory(user=learner, revocation_reason="Issued in error")
    document = badge_revoked_document(certificate=certificate)
    assert document["revoked"] is True
    assert document["revocationReason"] == "Issued in error"
    assert document["id"].endswith(f"/assertions/{certificate.uuid}/")


def test_badge_image_lines_are_short_and_few():
    achievement = AchievementFactory(
        name="Organising in your workplace: from beginner to expert, with every step explained"
    )
    context = badge_image_context(achievement=achievement)
    assert 1 < len(context["lines"]) <= 4
    assert all(len(line) <= 16 for line in context["lines"])
    assert context["lines"][-1].endswith("…")
