from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    NON_MEMBER = "non_member", _("Non-member")
    LAPSED = "lapsed", _("Lapsed member")


class WorkingPattern(models.TextChoices):
    FULL_TIME = "full_time", _("Full-time")
    PART_TIME = "part_time", _("Part-time")
    UNKNOWN = "", _("Not known")
