from django import forms
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukModelForm

from .enums import MembershipStatus
from .equality import QUESTIONS
from .models import Person
from .services import EQUALITY_FIELDS


class PersonSearchForm(GovukForm):
    q = forms.CharField(label=_("Name or membership number"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Membership"), required=False, choices=[("", _("Any")), *MembershipStatus.choices]
    )


class MyProfileForm(GovukModelForm):
    class Meta:
        model = Person
        fields = [
            "email",
            "phone",
            "job_title",
            "working_pattern",
            "contact_by_email",
            "contact_by_phone",
            "contact_by_post",
            "contact_by_sms",
        ]


class PersonForm(GovukModelForm):
    class Meta:
        model = Person
        fields = [
            "given_name",
            "family_name",
            "email",
            "phone",
            "status",
            "joined_on",
            "lapsed_on",
            "job_title",
            "working_pattern",
        ]
        widgets = {
            "joined_on": forms.DateInput(attrs={"type": "date"}),
            "lapsed_on": forms.DateInput(attrs={"type": "date"}),
        }


class EqualityForm(GovukForm):
    """Every question optional; "Prefer not to say" is an answer, blank is no answer."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in sorted(EQUALITY_FIELDS, key=list(QUESTIONS).index):
            label, choices = QUESTIONS[name]
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=[("", _("Not answered")), *choices],
                required=False,
                widget=forms.RadioSelect,
            )
