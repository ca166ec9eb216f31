"""The demo union's certificates: issued through the service, one revoked."""

import pytest

from commonplace.certificates.models import Certificate
from commonplace.demo.services import demo_load
from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement

pytestmark = pytest.mark.django_db


def test_demo_reps_hold_certificates_and_one_is_revoked():
    demo_load(branches=2, members=20, report=lambda _m: None)
    ulr = Certificate.objects.filter(user__email="ulr@demo.commonplace.test")
    assert sorted(ulr.values_list("achievement__name", flat=True)) == [
        "Becoming a union learning rep",
        "Digital skills for work",
    ]
    assert all(c.recipient_name == "Carys Jenkins" for c in ulr)
    revoked = Certificate.objects.filter(revoked_at__isnull=False)
    assert [c.user.email for c in revoked] == ["officer@demo.commonplace.test"]
    assert revoked[0].revocation_reason.startswith("Issued in error")
    earned = Statement.objects.filter(verb_id=vocabulary.EARNED.iri)
    assert earned.count() == Certificate.objects.count() >= 5
