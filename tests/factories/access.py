import factory

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant

from .accounts import UserFactory
from .organisation import BranchFactory


class RoleGrantFactory(factory.django.DjangoModelFactory):
    """A learner grant at a new branch unless told otherwise (`role=Role.ULR, unit=...`)."""

    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = Role.LEARNER
    unit = factory.SubFactory(BranchFactory)
