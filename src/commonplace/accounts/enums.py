"""Choices of the accounts app. Its audit codes (`accounts.*`) are declared in `audit.enums`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SignupPath(models.TextChoices):
    MEMBER = "member", _("Yes, I am a member")
    NON_MEMBER = "non_member", _("No, I am not a member")
