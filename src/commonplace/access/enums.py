from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Roles held in a place of the union's tree, valid in its whole subtree."""

    LEARNER = "learner", _("Learner")
    ULR = "ulr", _("Union learning rep")
    COORDINATOR = "coordinator", _("Lifelong learning co-ordinator")
    BRANCH_OFFICER = "branch_officer", _("Branch officer")
    ORGANISER = "organiser", _("Organiser")
    STAFF = "staff", _("Learning and organising staff")
    ASSESSOR = "assessor", _("Assessor")
    REVIEWER = "reviewer", _("Content reviewer")
    PARTNER_CONTACT = "partner_contact", _("Partner contact")
    ADMINISTRATOR = "administrator", _("Administrator")


class Reach(models.TextChoices):
    """How the object's place must relate to the place a role is held in."""

    SELF = "self", _("the person themself")
    PLACE = "place", _("the very unit")
    SUBTREE = "subtree", _("the unit or below")
    UNION = "union", _("anywhere in the union of the unit")
