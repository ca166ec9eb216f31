"""Forms of the caseload. Dates use the phone's own date picker (`type="date"`)."""

import copy
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm

from .enums import (
    ActionOwner,
    Channel,
    ConsentAudience,
    ConsentMethod,
    ConsentSection,
    ReferralKind,
    ReferralStatus,
    Topic,
)
from .services import ConsentTerms


def _set_before_init(form: forms.Form, name: str, **attributes: Any) -> None:
    """Give the field `name` of this form instance its choices or queryset before the form is
    built: the GOV.UK mixin validates a bound form while building it, so setting them after
    `super().__init__` would be too late."""
    field = copy.deepcopy(type(form).base_fields[name])  # type: ignore[attr-defined]
    for attribute, value in attributes.items():
        setattr(field, attribute, value)
    form.base_fields = {**form.base_fields, name: field}  # type: ignore[misc]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(
            attrs={"class": "govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d"
        )


def _date(label: Any, *, required: bool = True, today: bool = False, **kwargs: Any) -> Any:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        initial=timezone.localdate if today else None,
        **kwargs,
    )


class CaseloadFilterForm(GovukForm):
    q = forms.CharField(label=_("Find a learner by name"), required=False, max_length=100)
    mine = forms.BooleanField(label=_("Only the learners I lead"), required=False)


class FindLearnerForm(GovukForm):
    q = forms.CharField(
        label=_("Name or membership number"),
        max_length=100,
        help_text=_("Look for someone the union already knows before adding them as new."),
    )


class ConsentForm(GovukForm):
    """What the learner agreed to share, with whom, when and how."""

    sections = forms.MultipleChoiceField(
        label=_("What the learner agreed to share"),
        choices=ConsentSection.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing the learner agreed to share.")},
    )
    audience = forms.ChoiceField(
        label=_("Who they agreed to share it with"),
        choices=ConsentAudience.choices,
        widget=forms.RadioSelect,
        initial=ConsentAudience.ULR,
        error_messages={"required": _("Choose who the learner agreed to share it with.")},
    )
    partner_name = forms.CharField(
        label=_("The named partner (if they agreed to share with one)"),
        required=False,
        max_length=150,
    )
    given_on = _date(_("When they agreed"), today=True)
    method = forms.ChoiceField(
        label=_("How they agreed"),
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
        initial=ConsentMethod.IN_PERSON,
        error_messages={"required": _("Choose how the learner agreed.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("audience") == ConsentAudience.PARTNER
            and not data.get("partner_name", "").strip()
        ):
            self.add_error("partner_name", _("Name the partner the learner agreed to share with."))
        if data.get("given_on") and data["given_on"] > timezone.localdate():
            self.add_error("given_on", _("The date cannot be in the future."))
        return data

    def terms(self) -> ConsentTerms:
        data = self.cleaned_data
        return ConsentTerms(
            sections=frozenset(data["sections"]),
            audience=data["audience"],
            partner_name=data.get("partner_name", ""),
            given_on=data["given_on"],
            method=data["method"],
        )


class ExistingLearnerForm(ConsentForm):
    person = forms.IntegerField(widget=forms.HiddenInput)
    needs = forms.CharField(
        label=_("Learning needs (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    field_order = ["person", "needs"]


class NewLearnerForm(ConsentForm):
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    email = forms.EmailField(label=_("Email address (optional)"), required=False)
    phone = forms.CharField(label=_("Phone (optional)"), required=False, max_length=32)
    workplace = forms.TypedChoiceField(label=_("Workplace"), coerce=int)
    needs = ExistingLearnerForm.base_fields["needs"]
    field_order = ["given_name", "family_name", "email", "phone", "workplace", "needs"]

    def __init__(self, *args: Any, workplaces: list[tuple[int, str]], **kwargs: Any) -> None:
        _set_before_init(self, "workplace", choices=[("", _("Choose a workplace")), *workplaces])
        super().__init__(*args, **kwargs)


class NeedsForm(GovukForm):
    needs = forms.CharField(
        label=_("Learning needs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ReassignForm(GovukForm):
    lead = forms.TypedChoiceField(label=_("Lead union learning rep"), coerce=int)

    def __init__(self, *args: Any, ulrs: list[tuple[int, str]], **kwargs: Any) -> None:
        _set_before_init(self, "lead", choices=ulrs)
        super().__init__(*args, **kwargs)


class ConversationForm(GovukForm):
    held_on = _date(_("Date"), today=True)
    channel = forms.ChoiceField(
        label=_("How you talked"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        initial=Channel.FACE_TO_FACE,
    )
    place = forms.CharField(
        label=_("Where (optional)"),
        required=False,
        max_length=150,
        help_text=_("For example: the staff canteen, the learning centre."),
    )
    topics = forms.MultipleChoiceField(
        label=_("What you talked about"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing you talked about.")},
    )
    agreed = forms.CharField(
        label=_("What you agreed"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    follow_up_on = _date(_("Follow up on (optional)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        held_on, follow_up_on = data.get("held_on"), data.get("follow_up_on")
        if held_on and held_on > timezone.localdate():
            self.add_error("held_on", _("The date cannot be in the future."))
        if held_on and follow_up_on and follow_up_on < held_on:
            self.add_error(
                "follow_up_on", _("The follow-up date must be on or after the conversation.")
            )
        return data


class PlanForm(GovukForm):
    summary = forms.CharField(
        label=_("What the learner wants to achieve"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    courses = forms.CharField(
        label=_("Courses and events (optional)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Courses and events outside the platform: one a line, with the date and place if "
            "you know them."
        ),
    )
    resources: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(  # type: ignore[type-arg]
        label=_("Learning resources from the catalogue"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pathways: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(  # type: ignore[type-arg]
        label=_("Learning pathways"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Pathways the learner can enrol on. Their progress shows on the plan."),
        error_messages={
            "invalid_choice": _("Choose only pathways the learner can see and enrol on.")
        },
    )

    def __init__(self, *args: Any, resources: Any, pathways: Any, **kwargs: Any) -> None:
        _set_before_init(self, "resources", queryset=resources)
        _set_before_init(self, "pathways", queryset=pathways)
        super().__init__(*args, **kwargs)


class GoalForm(GovukForm):
    text = forms.CharField(label=_("Goal"), max_length=300)
    target_on = _date(_("Target date (optional)"), required=False)


class ActionForm(GovukForm):
    text = forms.CharField(label=_("Action"), max_length=300)
    owner = forms.ChoiceField(
        label=_("Who does it"),
        choices=ActionOwner.choices,
        widget=forms.RadioSelect,
        initial=ActionOwner.LEARNER,
    )
    due_on = _date(_("By when (optional)"), required=False)


class ReferralForm(GovukForm):
    kind = forms.ChoiceField(
        label=_("Refer to"),
        choices=ReferralKind.choices,
        widget=forms.RadioSelect,
        initial=ReferralKind.RESOURCE,
    )
    resource: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Learning resource (for a resource)"), queryset=None, required=False
    )
    pathway: forms.ModelChoiceField = forms.ModelChoiceField(  # type: ignore[type-arg]
        label=_("Learning pathway (for a pathway)"),
        queryset=None,
        required=False,
        to_field_name="slug",
    )
    label = forms.CharField(
        label=_("What or who (for anything else)"),
        required=False,
        max_length=200,
        help_text=_("For example: Level 1 maths at the college, the branch's pensions adviser."),
    )
    reference = forms.CharField(
        label=_("Reference (optional)"),
        required=False,
        max_length=200,
        help_text=_("A course code, a web address or a phone number."),
    )

    def __init__(self, *args: Any, resources: Any, pathways: Any, **kwargs: Any) -> None:
        _set_before_init(self, "resource", queryset=resources)
        _set_before_init(self, "pathway", queryset=pathways)
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # A pathway chosen from the list is stored as its slug and title, so the learner's
        # story links to it (`selectors.referrals_with_links`).
        pathway = data.pop("pathway", None)
        if data.get("kind") == ReferralKind.PATHWAY and pathway is not None:
            data["reference"] = pathway.slug
            if not data.get("label", "").strip():
                data["label"] = pathway.title
        if data.get("kind") == ReferralKind.RESOURCE and not data.get("resource"):
            self.add_error("resource", _("Choose the learning resource to refer to."))
        elif (
            data.get("kind")
            and data.get("kind") != ReferralKind.RESOURCE
            and not data.get("label", "").strip()
        ):
            self.add_error("label", _("Say what or who you are referring the learner to."))
        return data


class ReferralStatusForm(GovukForm):
    status = forms.ChoiceField(label=_("Status"), choices=ReferralStatus.choices)
    on = _date(_("On"), today=True)
