import factory
from django.utils import timezone

from commonplace.learning.enums import Language, Level
from commonplace.learning.selectors import resource_activity_id
from commonplace.pathways.enums import PathwayStatus, StepKind
from commonplace.pathways.models import Enrolment, Pathway, Step, StepProgress

from .accounts import UserFactory
from .learning import ResourceFactory
from .organisation import UnionFactory


class PathwayFactory(factory.django.DjangoModelFactory):
    """A published pathway of a new union, with no steps."""

    class Meta:
        model = Pathway
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=PathwayStatus.DRAFT, published_at=None)

    title = factory.Sequence(lambda n: f"Pathway {n}")
    slug = factory.Sequence(lambda n: f"pathway-{n}")
    summary = "A route through learning."
    description = "<p>Step by step.</p>"
    level = Level.BEGINNER
    estimated_hours = 3
    language = Language.ENGLISH
    owner_unit = factory.SubFactory(UnionFactory)
    status = PathwayStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class StepFactory(factory.django.DjangoModelFactory):
    """A required resource step (a published page of the pathway's union) at the end."""

    class Meta:
        model = Step

    pathway = factory.SubFactory(PathwayFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Step {n}")
    kind = StepKind.RESOURCE
    required = True
    resource = factory.SubFactory(
        ResourceFactory, owner_unit=factory.SelfAttribute("..pathway.owner_unit")
    )
    activity_id = factory.LazyAttribute(lambda step: resource_activity_id(step.resource))


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    user = factory.SubFactory(UserFactory)
    pathway = factory.SubFactory(PathwayFactory)
    enrolled_at = factory.LazyFunction(timezone.now)


class StepProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepProgress

    enrolment = factory.SubFactory(EnrolmentFactory)
    step = factory.SubFactory(StepFactory, pathway=factory.SelfAttribute("..enrolment.pathway"))
    completed_at = factory.LazyFunction(timezone.now)
