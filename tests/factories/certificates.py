import secrets
from decimal import Decimal

import factory
from django.utils import timezone

from commonplace.certificates.models import Achievement, Certificate

from .accounts import UserFactory
from .organisation import UnionFactory


class AchievementFactory(factory.django.DjangoModelFactory):
    """An achievement issued by a new union."""

    class Meta:
        model = Achievement

    key = factory.Sequence(lambda n: f"pathway:test-{n}")
    name = factory.Sequence(lambda n: f"Achievement {n}")
    description = "Completed every required step of a learning pathway."
    criteria = "Complete every required step and pass the final quiz."
    issuer_unit = factory.SubFactory(UnionFactory)
    hours = Decimal("6.5")


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate, written directly (no audit row, no xAPI statement)."""

    class Meta:
        model = Certificate

    user = factory.SubFactory(UserFactory)
    achievement = factory.SubFactory(AchievementFactory)
    issued_at = factory.LazyFunction(timezone.now)
    recipient_name = factory.LazyAttribute(lambda c: c.user.display_name or "A learner")
    salt = factory.LazyFunction(lambda: secrets.token_hex(16))
