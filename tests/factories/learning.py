import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from commonplace.learning.enums import Language, Level, ResourceKind, ResourceStatus
from commonplace.learning.models import Resource, Topic

from .organisation import UnionFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Topic {n}")
    name_cy = factory.Sequence(lambda n: f"Pwnc {n}")


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published page owned by a new union. `as_file=True` makes it a file resource (a PDF)."""

    class Meta:
        model = Resource
        skip_postgeneration_save = True

    class Params:
        as_file = factory.Trait(
            kind=ResourceKind.FILE,
            file=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="guide.pdf")),
        )
        draft = factory.Trait(status=ResourceStatus.DRAFT, published_at=None)

    kind = ResourceKind.PAGE
    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A short summary."
    body = "<p>Something worth knowing.</p>"
    duration_minutes = 10
    level = Level.BEGINNER
    language = Language.ENGLISH
    owner_unit = factory.SubFactory(UnionFactory)
    status = ResourceStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
