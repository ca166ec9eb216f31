import factory
from django.utils import timezone

from commonplace.skills.enums import CheckStatus, SurveyStatus
from commonplace.skills.models import (
    Band,
    CheckOption,
    CheckQuestion,
    ResultShare,
    Section,
    SkillsCheck,
    SkillsResult,
    Survey,
    SurveyQuestion,
    SurveyResponse,
)

from .accounts import UserFactory
from .organisation import UnionFactory, WorkplaceFactory
from .people import PersonFactory


class SkillsCheckFactory(factory.django.DjangoModelFactory):
    """A draft check of a new union, with no sections (`status=CheckStatus.PUBLISHED` to take)."""

    class Meta:
        model = SkillsCheck

    title = factory.Sequence(lambda n: f"Skills check {n}")
    slug = factory.Sequence(lambda n: f"skills-check-{n}")
    owner_unit = factory.SubFactory(UnionFactory)
    status = CheckStatus.DRAFT


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    skills_check = factory.SubFactory(SkillsCheckFactory)
    order = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Section {n}")


class CheckQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckQuestion

    section = factory.SubFactory(SectionFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Question {n}?")


class CheckOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckOption

    question = factory.SubFactory(CheckQuestionFactory)
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Option {n}")
    score = 0


class BandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Band

    section = factory.SubFactory(SectionFactory)
    min_score = 0
    max_score = 0
    name = factory.Sequence(lambda n: f"Band {n}")
    explanation = "A good place to start."


class SkillsResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SkillsResult

    skills_check = factory.SubFactory(SkillsCheckFactory, status=CheckStatus.PUBLISHED)
    person = factory.SubFactory(PersonFactory)
    completed_at = factory.LazyFunction(timezone.now)


class ResultShareFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultShare

    result = factory.SubFactory(SkillsResultFactory)
    shared_at = factory.LazyFunction(timezone.now)


class SurveyFactory(factory.django.DjangoModelFactory):
    """A draft survey at a new workplace, run by a new account."""

    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Survey {n}")
    workplace = factory.SubFactory(WorkplaceFactory)
    owner = factory.SubFactory(UserFactory)
    code = factory.Sequence(lambda n: f"code{n}")
    status = SurveyStatus.DRAFT


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n)
    kind = "single"
    text = factory.Sequence(lambda n: f"Survey question {n}?")
    options = factory.LazyFunction(lambda: ["Yes", "No"])


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyResponse

    survey = factory.SubFactory(SurveyFactory)
    received_on = factory.LazyFunction(timezone.localdate)
    answers = factory.LazyFunction(dict)
