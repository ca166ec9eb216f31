"""Forms of the LRS pages: the statements browser's filters and issuing a client."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm

from .enums import Scope


class StatementFilterForm(GovukForm):
    agent = forms.CharField(
        label=_("Person or agent"),
        required=False,
        max_length=2048,
        help_text=_("An email address, or an agent's identifier (mailto:, account, openid)."),
    )
    verb = forms.CharField(
        label=_("Verb"),
        required=False,
        max_length=2048,
        help_text=_("The verb's full address, like http://adlnet.gov/expapi/verbs/completed"),
    )
    activity = forms.CharField(
        label=_("Activity"), required=False, max_length=2048, help_text=_("The activity's address.")
    )
    since = forms.DateField(
        label=_("Stored on or after"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=_("Stored on or before"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    registration = forms.UUIDField(
        label=_("Registration"),
        required=False,
        help_text=_("The registration's identifier (a UUID)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The last day must be the same as or after the first day."))
        return data


class ClientForm(GovukForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("The system that will use it, so that people recognise it later."),
        error_messages={"required": _("Enter a name for the client.")},
    )
    scopes = forms.MultipleChoiceField(
        label=_("What it may do"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing the client may do.")},
    )

    def __init__(
        self,
        *args: Any,
        unions: QuerySet[Any],
        federation_wide: bool = False,
        **kwargs: Any,
    ) -> None:
        # On the instance, not the class: another request's unions must never show here.
        self.base_fields = {**type(self).base_fields}  # type: ignore[misc]  # see the comment
        self.base_fields["union"] = forms.ModelChoiceField(
            label=_("Union"),
            queryset=unions,
            required=not federation_wide,
            empty_label=_("None: the whole federation") if federation_wide else None,
            help_text=_("Staff of this union see the statements the client stores."),
            error_messages={"required": _("Choose the union the client belongs to.")},
        )
        super().__init__(*args, **kwargs)
        self.order_fields(["name", "scopes", "union"])
