"""Forms of the certificates pages: revoking a certificate, and looking one up by its number."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from commonplace.core.forms import GovukForm


class RevokeForm(GovukForm):
    reason = forms.CharField(
        label=_("Why is this certificate being revoked?"),
        help_text=_("Anyone who checks the certificate will see this reason."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for revoking this certificate.")},
    )


class VerifyLookupForm(GovukForm):
    number = forms.CharField(
        label=_("Certificate number"),
        help_text=_(
            "It is printed at the foot of the certificate, like "
            "1b4e28ba-2fa1-11d2-883f-0016d3cca427."
        ),
        max_length=100,
        error_messages={"required": _("Enter the certificate number.")},
    )

    def clean_number(self) -> uuid.UUID:
        text = "".join(self.cleaned_data["number"].split())
        try:
            return uuid.UUID(text)
        except ValueError as error:
            raise ValidationError(
                _("Enter the certificate number as it is printed: 32 letters and numbers."),
                code="invalid",
            ) from error


class IssuedSearchForm(GovukForm):
    q = forms.CharField(label=_("Name or achievement"), required=False, max_length=100)
