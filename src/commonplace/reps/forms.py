"""Forms of the reps pages: quick to fill on a phone, every value checked again by the
services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm, GovukFormMixin

from .enums import JoinOutcome, UlrFunction

DATE = {"type": "date"}
NUMBER = {"inputmode": "numeric", "class": "govuk-input--width-4"}

DURATIONS = [
    (15, _("15 minutes")),
    (30, _("30 minutes")),
    (45, _("45 minutes")),
    (60, _("1 hour")),
    (90, _("1 hour 30 minutes")),
    (120, _("2 hours")),
    (180, _("3 hours")),
    (240, _("4 hours")),
    (300, _("5 hours")),
    (450, _("7 hours 30 minutes (a full day)")),
]


class _Prepared(forms.Form):
    """Sets the form's choices (`prepare`) right after Django builds its fields and before the
    GOV.UK mixin validates a bound form to mark its errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.choices_given = kwargs.pop("choices_given", {})
        super().__init__(*args, **kwargs)
        for name, choices in self.choices_given.items():
            field = self.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = choices
            else:
                field.choices = choices  # type: ignore[attr-defined]


class PreparedForm(GovukFormMixin, _Prepared):
    pass


class _ModelLabelChoice(forms.ModelChoiceField):
    def __init__(self, *args: Any, label_of: Any = str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_of = label_of

    def label_from_instance(self, obj: Any) -> str:
        return str(self.label_of(obj))


def _appointment_label(appointment: Any) -> str:
    return f"{appointment.unit.name}, {appointment.employer.name}"


class TimeEntryForm(PreparedForm):
    appointment = _ModelLabelChoice(
        label=_("Where"), queryset=None, empty_label=None, label_of=_appointment_label
    )
    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"))
    minutes = forms.TypedChoiceField(label=_("Time spent"), choices=DURATIONS, coerce=int)
    function = forms.ChoiceField(
        label=_("What it was for"), choices=UlrFunction.choices, widget=forms.RadioSelect
    )
    paid_facility_time = forms.BooleanField(
        label=_("Paid facility time agreed with the employer"), required=False
    )
    events_run = forms.IntegerField(
        label=_("Events you ran"),
        min_value=0,
        max_value=100,
        initial=0,
        widget=forms.NumberInput(attrs=NUMBER),
    )
    learners_supported = forms.IntegerField(
        label=_("Learners you supported"),
        min_value=0,
        max_value=500,
        initial=0,
        widget=forms.NumberInput(attrs=NUMBER),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only you see this note. Do not write anything about a learner's health."),
    )

    def __init__(self, *args: Any, appointments: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"on": timezone.localdate(), "events_run": 0, "learners_supported": 0}
        )
        super().__init__(*args, choices_given={"appointment": appointments}, **kwargs)

    def clean_on(self) -> Any:
        day = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class TrainingRecordForm(GovukForm):
    title = forms.CharField(label=_("Course"), max_length=200)
    provider = forms.CharField(label=_("Provider (optional)"), max_length=200, required=False)
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )
    certificate_reference = forms.CharField(
        label=_("Certificate reference (optional)"), max_length=100, required=False
    )
    is_ulr_training = forms.BooleanField(
        label=_("This is my ULR training"),
        required=False,
        help_text=_("It meets the training condition of your appointment."),
    )

    def clean_completed_on(self) -> Any:
        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


class _PastDatesMixin:
    """Refuses dates in the future on every date field of the form."""

    def clean(self) -> Any:
        data = super().clean()  # type: ignore[misc]
        today = timezone.localdate()
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            value = data.get(name)
            if isinstance(field, forms.DateField) and value and value > today:
                self.add_error(name, _("The date cannot be in the future."))  # type: ignore[attr-defined]
        return data


class AppointmentEditForm(_PastDatesMixin, PreparedForm):
    notice_given_on = forms.DateField(
        label=_("Written notice given to the employer on"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        help_text=_("The six months for the ULR's training run from this date."),
    )
    training_course = forms.CharField(
        label=_("ULR training course"),
        required=False,
        max_length=200,
        help_text=_("Leave empty until the training is done."),
    )
    trained_on = forms.DateField(
        label=_("Training completed on"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
    )

    def clean(self) -> Any:
        data = super().clean()
        if bool((data.get("training_course") or "").strip()) != bool(data.get("trained_on")):
            self.add_error(
                "trained_on", _("Give both the training course and the date it was completed.")
            )
        return data


class AppointmentAddForm(AppointmentEditForm):
    user = forms.TypedChoiceField(label=_("ULR"), coerce=int)
    unit = _ModelLabelChoice(
        label=_("Workplace or branch"), queryset=None, empty_label=None, label_of=lambda u: u.name
    )
    employer = _ModelLabelChoice(label=_("Employer"), queryset=None, label_of=lambda e: e.name)
    starts_on = forms.DateField(
        label=_("Appointed on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )

    field_order = [
        "user",
        "unit",
        "employer",
        "starts_on",
        "notice_given_on",
        "training_course",
        "trained_on",
    ]

    def __init__(
        self, *args: Any, ulrs: list[tuple[int, str]], units: Any, employers: Any, **kwargs: Any
    ) -> None:
        given = {"user": ulrs, "unit": units, "employer": employers}
        super().__init__(*args, choices_given=given, **kwargs)


class InvitationForm(PreparedForm):
    member = forms.CharField(
        label=_("Membership number or email address"),
        max_length=254,
        help_text=_("A member of the branch with an account on Commonplace."),
    )
    unit = _ModelLabelChoice(
        label=_("Workplace or branch"), queryset=None, empty_label=None, label_of=lambda u: u.name
    )
    employer = _ModelLabelChoice(label=_("Employer"), queryset=None, label_of=lambda e: e.name)

    def __init__(self, *args: Any, units: Any, employers: Any, **kwargs: Any) -> None:
        super().__init__(*args, choices_given={"unit": units, "employer": employers}, **kwargs)


class JoinInvitationForm(_PastDatesMixin, PreparedForm):
    person = forms.TypedChoiceField(label=_("Learner"), coerce=int)
    invited_on = forms.DateField(
        label=_("Invited on"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"invited_on": timezone.localdate()})
        super().__init__(*args, choices_given={"person": people}, **kwargs)


class JoinOutcomeForm(_PastDatesMixin, GovukForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=JoinOutcome.choices, widget=forms.RadioSelect
    )
    joined_on = forms.DateField(
        label=_("Joined on"),
        required=False,
        widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
        help_text=_("Only when they joined."),
    )

    def clean(self) -> Any:
        data = super().clean()
        joined = data.get("outcome") == JoinOutcome.JOINED
        if joined and not data.get("joined_on"):
            self.add_error("joined_on", _("Give the date they joined."))
        if not joined and data.get("joined_on"):
            self.add_error("joined_on", _("Leave the date empty unless they joined."))
        return data


class ProgressionForm(_PastDatesMixin, PreparedForm):
    person = forms.TypedChoiceField(label=_("Learner"), coerce=int)
    from_learning = forms.CharField(label=_("From (the learning they finished)"), max_length=200)
    to_learning = forms.CharField(label=_("To (the further learning)"), max_length=200)
    progressed_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, choices_given={"person": people}, **kwargs)


class ActivistForm(_PastDatesMixin, PreparedForm):
    person = forms.TypedChoiceField(label=_("Member"), coerce=int)
    activity = forms.CharField(
        label=_("What they took on"),
        max_length=200,
        help_text=_("For example: workplace contact, steward, health and safety rep."),
    )
    became_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    )

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, choices_given={"person": people}, **kwargs)
