import factory
from allauth.account.models import EmailAddress

from commonplace.accounts.models import User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """An active account with a known password (`PASSWORD`) and no roles."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    display_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if create:
            obj.save()


class EmailAddressFactory(factory.django.DjangoModelFactory):
    """A verified, primary address for a user (allauth refuses log-in without one)."""

    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda e: e.user.email)
    verified = True
    primary = True


class VerifiedUserFactory(UserFactory):
    """A user who can log in: their address is verified."""

    email_address = factory.RelatedFactory(EmailAddressFactory, factory_related_name="user")
