import datetime

import factory

from commonplace.caseload.enums import Channel, ConsentAudience, ConsentMethod, ReferralKind
from commonplace.caseload.models import (
    CaseloadEntry,
    Consent,
    Conversation,
    Goal,
    LearningPlan,
    PlanAction,
    Referral,
)

from .accounts import UserFactory
from .people import PersonFactory


class CaseloadEntryFactory(factory.django.DjangoModelFactory):
    """A learner (a member at a new workplace) in a caseload, led by a new account (no grant:
    ask for one), with consent to share everything with the branch's learning team, unless
    `consent=None` is passed."""

    class Meta:
        model = CaseloadEntry
        skip_postgeneration_save = True

    learner = factory.SubFactory(PersonFactory)
    branch = factory.LazyAttribute(lambda e: e.learner.branch or e.learner.home_unit)
    lead_ulr = factory.SubFactory(UserFactory)

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if not create:
            return
        if extracted is False:
            return
        obj.consent = extracted or ConsentFactory(entry=obj, **kwargs)
        obj.save(update_fields=["consent"])


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    entry = factory.SubFactory(CaseloadEntryFactory, consent=False)
    shares_contact = True
    shares_needs = True
    shares_plan = True
    shares_progress = True
    audience = ConsentAudience.TEAM
    given_on = datetime.date(2026, 1, 5)
    method = ConsentMethod.IN_PERSON


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    entry = factory.SubFactory(CaseloadEntryFactory)
    held_on = datetime.date(2026, 1, 5)
    channel = Channel.FACE_TO_FACE
    topics = factory.LazyFunction(lambda: ["numeracy"])
    agreed = "Try the maths refresher before we meet again."


class LearningPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPlan

    entry = factory.SubFactory(CaseloadEntryFactory)
    summary = "Get a level 2 maths qualification."


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(LearningPlanFactory)
    text = "Pass the level 1 maths test"


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    plan = factory.SubFactory(LearningPlanFactory)
    text = "Book the initial assessment"
    owner = "learner"


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    entry = factory.SubFactory(CaseloadEntryFactory)
    kind = ReferralKind.PROVIDER
    label = "Level 1 maths at the college"
    suggested_on = datetime.date(2026, 1, 5)
