import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from commonplace.learning_space.models import Goal, InformalLearning, SavedResource

from .accounts import UserFactory
from .learning import PDF_BYTES, ResourceFactory


class InformalLearningFactory(factory.django.DjangoModelFactory):
    """An entry written straight to its table (no statement). `with_evidence=True` adds a PDF."""

    class Meta:
        model = InformalLearning

    class Params:
        with_evidence = factory.Trait(
            evidence=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="notes.pdf")),
            evidence_name="notes.pdf",
        )

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Library workshop {n}")
    learned_on = factory.LazyFunction(timezone.localdate)
    hours = "1.50"
    reflection = "How to write a CV that gets read."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    user = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Goal {n}")
    target_date = factory.LazyFunction(lambda: timezone.localdate() + timezone.timedelta(days=30))


class SavedResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedResource

    user = factory.SubFactory(UserFactory)
    resource = factory.SubFactory(ResourceFactory)
