import datetime

import factory

from commonplace.reps.enums import UlrFunction
from commonplace.reps.models import (
    ActivistRecord,
    JoinInvitation,
    Progression,
    RepAppointment,
    RepInvitation,
    TimeEntry,
    TrainingRecord,
)

from .organisation import EmployerFactory
from .people import PersonFactory


class RepAppointmentFactory(factory.django.DjangoModelFactory):
    """An open appointment at the person's home unit, with an employer of their union, no
    notice given yet and no training."""

    class Meta:
        model = RepAppointment

    person = factory.SubFactory(PersonFactory)
    unit = factory.LazyAttribute(lambda a: a.person.home_unit)
    employer = factory.LazyAttribute(lambda a: EmployerFactory(union=a.person.union))
    starts_on = datetime.date(2026, 1, 5)


class TimeEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeEntry

    appointment = factory.SubFactory(RepAppointmentFactory)
    on = datetime.date(2026, 5, 1)
    minutes = 60
    function = UlrFunction.INFORMATION_ADVICE


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    person = factory.SubFactory(PersonFactory)
    title = "ULR stage 1"
    completed_on = datetime.date(2026, 3, 1)


class RepInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RepInvitation

    person = factory.SubFactory(PersonFactory)
    unit = factory.LazyAttribute(lambda i: i.person.home_unit)
    employer = factory.LazyAttribute(lambda i: EmployerFactory(union=i.person.union))


class JoinInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinInvitation

    person = factory.SubFactory(PersonFactory, status="non_member", membership_number="")
    invited_on = datetime.date(2026, 2, 1)


class ProgressionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Progression

    person = factory.SubFactory(PersonFactory)
    from_learning = "Functional skills English, entry 3"
    to_learning = "Functional skills English, level 1"
    progressed_on = datetime.date(2026, 6, 1)


class ActivistRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivistRecord

    person = factory.SubFactory(PersonFactory)
    activity = "Workplace contact"
    became_on = datetime.date(2026, 6, 1)
