"""The demo union's certificates: issued through the service, one revoked, and each with an
Open Badges 3.0 credential that signs with the key the demo made."""

import pytest

from commonplace.certificates.models import Certificate, SigningKey
from commonplace.demo.services import demo_load
from commonplace.lrs import vocabulary
from commonplace.lrs.models import Statement
from tests.certificates.verifier import verify

pytestmark = pytest.mark.django_db


def test_demo_reps_hold_certificates_and_one_is_revoked(client):
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
    # The signing key exists before anyone asks, and every credential verifies with it.
    (key,) = SigningKey.objects.all()
    for certificate in Certificate.objects.filter(revoked_at__isnull=True):
        path = f"/certificates/openbadges/v3/credentials/{certificate.uuid}/"
        header, _payload = verify(client, client.get(path).content.decode("ascii"))
        assert header["kid"].endswith(f"/keys/{key.key_id}.json")
    revoked_path = f"/certificates/openbadges/v3/credentials/{revoked[0].uuid}/"
    assert client.get(revoked_path).status_code == 410
