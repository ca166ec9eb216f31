"""People: a profile for everyone the union knows, with or without a log-in.

Equality-monitoring answers live in their own table (`EqualityAnswers`): optional, asked with an
explanation, shown only to the person and otherwise only in aggregate.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import MembershipStatus, WorkingPattern


class Person(TimeStampedModel):
    union = models.ForeignKey(
        "organisation.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("union")
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
    )
    membership_number = models.CharField(_("membership number"), max_length=32, blank=True)
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("email address"), blank=True)
    status = models.CharField(
        _("membership status"),
        max_length=16,
        choices=MembershipStatus.choices,
        default=MembershipStatus.NON_MEMBER,
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    lapsed_on = models.DateField(_("lapsed on"), null=True, blank=True)
    # The unit the person belongs to (their workplace, else their branch): scoping reads its path.
    home_unit = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("home unit"),
    )
    branch = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("branch"),
    )
    workplace = models.ForeignKey(
        "organisation.OrgUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("workplace"),
    )
    employer = models.ForeignKey(
        "organisation.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employer"),
    )
    service_group = models.ForeignKey(
        "organisation.ServiceGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service group"),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    working_pattern = models.CharField(
        _("working pattern"),
        max_length=16,
        choices=WorkingPattern.choices,
        blank=True,
        default=WorkingPattern.UNKNOWN,
    )
    contact_by_email = models.BooleanField(_("contact me by email"), default=True)
    contact_by_phone = models.BooleanField(_("contact me by phone"), default=False)
    contact_by_post = models.BooleanField(_("contact me by post"), default=False)
    contact_by_sms = models.BooleanField(_("contact me by text message"), default=False)
    phone = models.CharField(_("phone"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["union", "membership_number"],
                condition=~models.Q(membership_number=""),
                name="person_membership_number_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["union", "family_name"], name="person_union_family"),
            models.Index(fields=["union", "status"], name="person_union_status"),
            # The people list's order: lets a wide scope read its first page straight off the index.
            models.Index(fields=["family_name", "given_name", "id"], name="person_name_order"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class EqualityAnswers(TimeStampedModel):
    """Optional equality-monitoring answers, kept apart from the profile. Blank means not asked
    or not answered; "prefer_not" is an answer."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="equality")
    sex = models.CharField(_("sex"), max_length=32, blank=True)
    gender_same_as_birth = models.CharField(
        _("is your gender the same as the sex you were registered at birth?"),
        max_length=32,
        blank=True,
    )
    ethnicity = models.CharField(_("ethnic group"), max_length=64, blank=True)
    disability = models.CharField(_("disability"), max_length=32, blank=True)
    age_band = models.CharField(_("age band"), max_length=16, blank=True)
    sexual_orientation = models.CharField(_("sexual orientation"), max_length=32, blank=True)
    religion = models.CharField(_("religion or belief"), max_length=64, blank=True)
    caring_responsibilities = models.CharField(
        _("caring responsibilities"), max_length=32, blank=True
    )

    class Meta:
        verbose_name = _("equality-monitoring answers")
        verbose_name_plural = _("equality-monitoring answers")
