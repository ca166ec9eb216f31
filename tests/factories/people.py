import factory

from commonplace.people.enums import MembershipStatus
from commonplace.people.models import EqualityAnswers, Person

from .organisation import WorkplaceFactory


class PersonFactory(factory.django.DjangoModelFactory):
    """A member at a new workplace, with no account."""

    class Meta:
        model = Person

    home_unit = factory.SubFactory(WorkplaceFactory)
    union = factory.LazyAttribute(lambda p: p.home_unit.union)
    workplace = factory.LazyAttribute(
        lambda p: p.home_unit if p.home_unit.kind == "workplace" else None
    )
    branch = factory.LazyAttribute(
        lambda p: p.home_unit.parent if p.home_unit.kind == "workplace" else p.home_unit
    )
    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")
    status = MembershipStatus.MEMBER
    membership_number = factory.Sequence(lambda n: f"M{n:07d}")


class EqualityAnswersFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EqualityAnswers

    person = factory.SubFactory(PersonFactory)
