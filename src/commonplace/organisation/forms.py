from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import UnitKind
from .models import Employer, OrgUnit


class UnitForm(GovukModelForm):
    class Meta:
        model = OrgUnit
        fields = ["name", "code", "kind", "employer", "is_active"]

    def __init__(self, *args: object, union: OrgUnit, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [c for c in UnitKind.choices if c[0] != UnitKind.UNION]
        self.fields["employer"].queryset = union.employers.all()
        self.fields["employer"].required = False


class UnitMoveForm(GovukForm):
    def __init__(self, *args: object, parents: QuerySet[OrgUnit], **kwargs: object) -> None:
        self.base_fields["new_parent"] = forms.ModelChoiceField(
            label=_("Move under"),
            queryset=parents,
            help_text=_("Everything below this unit moves with it."),
        )
        super().__init__(*args, **kwargs)


class EmployerForm(GovukModelForm):
    class Meta:
        model = Employer
        fields = ["name", "sector"]
