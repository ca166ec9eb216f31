import factory
from django.core.files.base import ContentFile

from commonplace.assessment.enums import ProjectStatus, QuestionKind, QuizStatus, SubmissionStatus
from commonplace.assessment.models import (
    Answer,
    Attempt,
    Choice,
    Criterion,
    ProjectBrief,
    Question,
    Quiz,
    Submission,
    SubmissionFile,
)

from .accounts import UserFactory
from .learning import PDF_BYTES
from .organisation import UnionFactory


class QuizFactory(factory.django.DjangoModelFactory):
    """A published quiz of a new union, with no questions."""

    class Meta:
        model = Quiz

    title = factory.Sequence(lambda n: f"Quiz {n}")
    slug = factory.Sequence(lambda n: f"quiz-{n}")
    owner_unit = factory.SubFactory(UnionFactory)
    pass_mark = 50
    status = QuizStatus.PUBLISHED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    quiz = factory.SubFactory(QuizFactory)
    order = factory.Sequence(lambda n: n)
    kind = QuestionKind.SINGLE
    text = factory.Sequence(lambda n: f"Question {n}?")
    explanation = "Because."


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    text = factory.Sequence(lambda n: f"Choice {n}")
    order = factory.Sequence(lambda n: n)


class AttemptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attempt

    quiz = factory.SubFactory(QuizFactory)
    user = factory.SubFactory(UserFactory)


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    attempt = factory.SubFactory(AttemptFactory)
    question = factory.SubFactory(QuestionFactory)
    response = ""
    correct = False


# --- Assessed projects ---


class ProjectBriefFactory(factory.django.DjangoModelFactory):
    """A published project brief of a new union, with no criteria (see `CriterionFactory`)."""

    class Meta:
        model = ProjectBrief

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "Find out what people at work want to learn."
    brief = "<p>Talk to five colleagues and write up what they said.</p>"
    owner_unit = factory.SubFactory(UnionFactory)
    status = ProjectStatus.PUBLISHED
    pass_mark = 50
    accepted_file_types = factory.LazyFunction(lambda: [".pdf", ".docx", ".png"])


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    brief = factory.SubFactory(ProjectBriefFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Criterion {n}")
    description = "What the assessor looks for."
    max_points = 4
    levels = "0 – Not shown\n2 – Partly shown\n4 – Clearly shown"


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A version 1 waiting to be marked; give `user` and `unit` (the learner's place)."""

    class Meta:
        model = Submission

    brief = factory.SubFactory(ProjectBriefFactory)
    user = factory.SubFactory(UserFactory)
    unit = factory.LazyAttribute(lambda s: s.brief.owner_unit)
    version = 1
    text = "I spoke to five colleagues on the ward."
    status = SubmissionStatus.SUBMITTED


class SubmissionFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubmissionFile

    submission = factory.SubFactory(SubmissionFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="work.pdf"))
    name = "work.pdf"
    size = len(PDF_BYTES)
