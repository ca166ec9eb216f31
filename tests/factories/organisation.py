import factory

from commonplace.organisation.enums import UnitKind
from commonplace.organisation.models import Employer, OrgUnit, ServiceGroup
from commonplace.organisation.services import unit_create


class OrgUnitFactory(factory.django.DjangoModelFactory):
    """A unit placed in a tree through `unit_create` (so its path is right).

    With no parent it is a new union; `RegionFactory`, `BranchFactory` and `WorkplaceFactory`
    build the levels below, creating the parents they need.
    """

    class Meta:
        model = OrgUnit

    name = factory.Sequence(lambda n: f"Unit {n}")
    kind = UnitKind.UNION
    parent = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return unit_create(**kwargs)


class UnionFactory(OrgUnitFactory):
    name = factory.Sequence(lambda n: f"Union {n}")
    kind = UnitKind.UNION


class RegionFactory(OrgUnitFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    kind = UnitKind.REGION
    parent = factory.SubFactory(UnionFactory)


class BranchFactory(OrgUnitFactory):
    name = factory.Sequence(lambda n: f"Branch {n}")
    kind = UnitKind.BRANCH
    parent = factory.SubFactory(RegionFactory)


class WorkplaceFactory(OrgUnitFactory):
    name = factory.Sequence(lambda n: f"Workplace {n}")
    kind = UnitKind.WORKPLACE
    parent = factory.SubFactory(BranchFactory)


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    union = factory.SubFactory(UnionFactory)
    name = factory.Faker("company", locale="en_GB")


class ServiceGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceGroup

    union = factory.SubFactory(UnionFactory)
    name = factory.Sequence(lambda n: f"Service group {n}")
