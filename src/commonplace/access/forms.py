from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm

from .enums import Role


class GrantForm(GovukForm):
    email = forms.EmailField(label=_("Email address of the person's account"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    starts_on = forms.DateField(
        label=_("Starts on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ends on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a role with no end date."),
    )

    def __init__(self, *args: object, units: QuerySet, **kwargs: object) -> None:  # type: ignore[type-arg]
        self.base_fields["unit"] = forms.ModelChoiceField(label=_("Place"), queryset=units)
        super().__init__(*args, **kwargs)
        self.order_fields(["email", "role", "unit", "starts_on", "ends_on"])


class GrantFilterForm(GovukForm):
    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", _("Any role")), *Role.choices]
