"""Forms of the learning space: what the person types, checked with the services' own rules so
a form shows every error against its field and keeps what was typed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.errors import DomainError
from commonplace.core.forms import GovukForm

from .enums import MAX_GOAL, MAX_REFLECTION, MAX_TITLE, MAX_URL, GoalStatus
from .models import validate_evidence_file
from .services import hours_check, url_check


class DateInput(forms.DateInput):
    """The browser's date picker; its value is always ISO 8601 (yyyy-mm-dd)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class InformalLearningForm(GovukForm):
    title = forms.CharField(
        label=_("What did you learn?"),
        max_length=MAX_TITLE,
        help_text=_("For example: a library workshop on CVs, or a video course on spreadsheets."),
    )
    learned_on = forms.DateField(label=_("When"), widget=DateInput)
    hours = forms.CharField(
        label=_("Hours"),
        max_length=8,
        help_text=_("How long it took, in hours: 1.5 is an hour and a half."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
    )
    reflection = forms.CharField(
        label=_("What did you get from it? (optional)"),
        required=False,
        max_length=MAX_REFLECTION,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    url = forms.CharField(
        label=_("Web address (optional)"),
        required=False,
        max_length=MAX_URL,
        help_text=_("The page or course, starting with https://"),
        widget=forms.URLInput(attrs={"spellcheck": "false"}),
    )
    evidence = forms.FileField(
        label=_("Evidence (optional)"),
        required=False,
        help_text=_(
            "A certificate, a photo or notes: PDF, JPEG, PNG, DOCX or ODT, up to 10 MB. "
            "Only you can open it."
        ),
        validators=[validate_evidence_file],
        widget=forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.odt"}),
    )

    def __init__(self, *args: Any, has_evidence: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if has_evidence:
            self.fields["remove_evidence"] = forms.BooleanField(
                label=_("Remove the evidence file"), required=False
            )

    def clean_learned_on(self) -> Any:
        value = self.cleaned_data["learned_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value

    def clean_hours(self) -> Any:
        try:
            return hours_check(self.cleaned_data["hours"].strip().replace(",", "."))
        except DomainError as error:
            raise forms.ValidationError(error.message) from error

    def clean_url(self) -> str:
        try:
            return url_check(self.cleaned_data["url"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from error


class SharedPageForm(GovukForm):
    """The query of the share link and bookmarklet: only read to pre-fill the form."""

    url = forms.CharField(required=False, max_length=2000)
    title = forms.CharField(required=False, max_length=2000)
    text = forms.CharField(required=False, max_length=2000)


class GoalForm(GovukForm):
    text = forms.CharField(
        label=_("Your goal"),
        max_length=MAX_GOAL,
        help_text=_("For example: pass Functional Skills maths level 1."),
    )
    target_date = forms.DateField(label=_("Target date"), widget=DateInput)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(choices=GoalStatus.choices)


class SaveToggleForm(forms.Form):
    resource = forms.SlugField(max_length=220)
    save = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=500)
