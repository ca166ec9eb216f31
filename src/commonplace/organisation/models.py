"""The union's tree: organisation units with a materialised path, employers, service groups.

`OrgUnit.path` is the chain of zero-padded primary keys from the root, each followed by a dot
(`"0000001.0000014.0000210."`), so "this unit and everything below" is one indexed prefix filter.
The root unit of a tree is a union; `union` points every unit (the root too) at its root so a
federation of unions can be kept apart with one equality filter.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import TimeStampedModel

from .enums import UnitKind

PATH_SEGMENT_WIDTH = 7


class OrgUnit(TimeStampedModel):
    union = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("union"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(_("code"), max_length=32, blank=True)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    employer = models.ForeignKey(
        "organisation.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workplaces",
        verbose_name=_("employer"),
        help_text=_("For a workplace: the employer it belongs to."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["union", "code"], condition=~models.Q(code=""), name="orgunit_code_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["union", "kind"], name="orgunit_union_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class Employer(TimeStampedModel):
    union = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="employers", verbose_name=_("union")
    )
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ServiceGroup(TimeStampedModel):
    union = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="service_groups", verbose_name=_("union")
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("service group")
        verbose_name_plural = _("service groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["union", "name"], name="servicegroup_name_unique")
        ]

    def __str__(self) -> str:
        return self.name
