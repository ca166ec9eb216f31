import factory

from commonplace.notifications.enums import NotificationKind
from commonplace.notifications.models import Notification

from .accounts import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    """An unread notification for a new account."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = NotificationKind.GENERAL
    title = factory.Sequence(lambda n: f"Something happened ({n})")
    body = "Have a look."
    url = "/projects/"
