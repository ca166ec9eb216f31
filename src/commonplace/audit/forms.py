from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm


class AuditSearchForm(GovukForm):
    actor = forms.CharField(label=_("Who (email contains)"), required=False, max_length=254)
    person = forms.IntegerField(label=_("Person record number"), required=False, min_value=1)
    action = forms.CharField(
        label=_("Action"),
        required=False,
        max_length=80,
        help_text=_("For example people.person.viewed, or people for all of them."),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
