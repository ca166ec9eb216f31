import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from commonplace.learning.enums import (
    Language,
    Level,
    ProposalStatus,
    ResourceKind,
    ResourceStatus,
)
from commonplace.learning.models import Proposal, Resource, Topic

from .accounts import UserFactory
from .organisation import UnionFactory, WorkplaceFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The first bytes of real files: an MP4 (an ISO `ftyp` box) and a WebM (the EBML magic).
MP4_BYTES = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM_BYTES = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + b"\x00" * 64
VTT_BYTES = b"WEBVTT\n\n00:00.000 --> 00:04.000\nWelcome to the union.\n"


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
        # The catalogue tile of a quiz (decision 0250): made by `assessment.services` in the
        # app; here without a quiz behind it, for the learning pages' own checks.
        quiz_tile = factory.Trait(
            kind=ResourceKind.QUIZ,
            body="",
            url=factory.Sequence(lambda n: f"/quizzes/quiz-{n}/"),
            source=factory.Sequence(lambda n: f"assessment.quiz:{n}"),
        )
        # An uploaded video with captions (added to any kind, so the world has media to leak).
        with_media = factory.Trait(
            video=factory.LazyFunction(lambda: ContentFile(MP4_BYTES, name="talk.mp4")),
            captions=factory.LazyFunction(lambda: ContentFile(VTT_BYTES, name="talk.vtt")),
        )

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


class ProposalFactory(factory.django.DjangoModelFactory):
    """A page proposed by a new member at a new workplace, waiting for review.
    `with_media=True` adds a PDF, an MP4 and captions (for the permission walk)."""

    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    class Params:
        with_media = factory.Trait(
            file=factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="notes.pdf")),
            video=factory.LazyFunction(lambda: ContentFile(MP4_BYTES, name="talk.mp4")),
            captions=factory.LazyFunction(lambda: ContentFile(VTT_BYTES, name="talk.vtt")),
        )

    kind = ResourceKind.PAGE
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "Something I learned."
    body = "<p>What I learned at work.</p>"
    duration_minutes = 10
    level = Level.BEGINNER
    language = Language.ENGLISH
    proposer = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(WorkplaceFactory)
    status = ProposalStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
