from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    """Levels of the union's tree. The root of every tree is a union (its national level)."""

    UNION = "union", _("Union (national)")
    REGION = "region", _("Region")
    BRANCH = "branch", _("Branch")
    WORKPLACE = "workplace", _("Workplace")
    OTHER = "other", _("Other unit")
