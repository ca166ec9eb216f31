"""The sign-up form: email and password (allauth's), then one of two paths.

A member gives their membership number and surname, matched against an unclaimed record of
their union; a non-member learner gives their name and picks their workplace or branch. With
several unions installed the form asks which one; with one it is a hidden field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.forms import ChangePasswordForm as AllauthChangePasswordForm
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ReauthenticateForm as AllauthReauthenticateForm
from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm as AllauthResetPasswordKeyForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.mfa.base.forms import AuthenticateForm
from allauth.mfa.totp.forms import ActivateTOTPForm
from django import forms
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from commonplace.organisation.selectors import unions_active, units_for_signup
from commonplace.people.selectors import person_for_membership_match

from .enums import SignupPath
from .errors import MembershipNotMatchedError
from .services import SignupDetails, account_signup_complete

if TYPE_CHECKING:
    from commonplace.organisation.models import OrgUnit

    from .models import User


def require(form: forms.Form, messages: dict[str, Any]) -> None:
    """Say what is missing, field by field, instead of "This field is required"."""
    for name, message in messages.items():
        if name in form.fields:
            form.fields[name].error_messages["required"] = message


def unit_choices(units: list[OrgUnit], *, several_unions: bool) -> list[tuple[Any, Any]]:
    """Workplaces grouped under their branch (each branch also selectable itself)."""
    groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    for unit in units:
        if unit.kind == "branch":
            union_name = unit.union.name if unit.union is not None else ""
            label = f"{union_name}: {unit.name}" if several_unions else unit.name
            groups[unit.pk] = (label, [(unit.pk, _("%(branch)s (branch)") % {"branch": unit.name})])
        elif unit.parent_id in groups:
            groups[unit.parent_id][1].append((unit.pk, unit.name))
    return [("", _("Choose your workplace or branch")), *groups.values()]


class SignupForm(AllauthSignupForm):
    union = forms.ModelChoiceField(
        label=_("Your union"), queryset=unions_active(), empty_label=None
    )
    path = forms.ChoiceField(
        label=_("Are you a member of the union?"),
        choices=SignupPath.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select whether you are a member of the union")},
    )
    membership_number = forms.CharField(
        label=_("Membership number"),
        help_text=_("It is on your membership card and your union emails."),
        max_length=32,
        required=False,
    )
    surname = forms.CharField(
        label=_("Surname"),
        help_text=_("As the union has it on your membership record."),
        max_length=100,
        required=False,
    )
    given_name = forms.CharField(label=_("Given name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    home_unit = forms.TypedChoiceField(
        label=_("Your workplace or branch"),
        help_text=_("Choose your branch if your workplace is not listed."),
        coerce=int,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unions = list(unions_active())
        union_field: forms.ModelChoiceField[OrgUnit] = self.fields["union"]
        union_field.queryset = unions_active()
        if len(unions) == 1:
            union_field.initial = unions[0].pk
            union_field.widget = forms.HiddenInput()
        self._units = {unit.pk: unit for unit in units_for_signup()}
        self.fields["home_unit"].choices = unit_choices(
            list(self._units.values()), several_unions=len(unions) > 1
        )
        self.fields["email"].label = _("Email address")
        self.fields["password1"].label = _("Create a password")
        self.fields["password1"].help_text = _("Use at least 8 characters; avoid common words.")
        self.fields["password2"].label = _("Confirm your password")
        require(
            self,
            {
                "email": _("Enter your email address"),
                "password1": _("Create a password"),
                "password2": _("Confirm your password"),
            },
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        union = data.get("union")
        if data.get("path") == SignupPath.MEMBER:
            self._clean_member(data, union)
        elif data.get("path") == SignupPath.NON_MEMBER:
            self._clean_non_member(data, union)
        return data

    def _require(self, data: dict[str, Any], name: str, message: str | Promise) -> Any:
        value = data.get(name)
        if isinstance(value, str):
            value = value.strip()
        if not value:
            self.add_error(name, message)
        return value

    def _clean_member(self, data: dict[str, Any], union: OrgUnit | None) -> None:
        number = self._require(data, "membership_number", _("Enter your membership number"))
        surname = self._require(data, "surname", _("Enter your surname"))
        if union is None or not number or not surname:
            return
        match = person_for_membership_match(
            union=union, membership_number=number, family_name=surname
        )
        if match is None:
            self.add_error("membership_number", MembershipNotMatchedError().message)

    def _clean_non_member(self, data: dict[str, Any], union: OrgUnit | None) -> None:
        self._require(data, "given_name", _("Enter your given name"))
        self._require(data, "family_name", _("Enter your family name"))
        unit_pk = self._require(data, "home_unit", _("Choose your workplace or branch"))
        unit = self._units.get(unit_pk) if unit_pk else None
        if unit_pk and (unit is None or union is None or unit.union_id != union.pk):
            self.add_error("home_unit", _("Choose a workplace or branch of your union"))

    def details(self) -> SignupDetails:
        data = self.cleaned_data
        return SignupDetails(
            path=data["path"],
            union=data["union"],
            membership_number=data.get("membership_number", ""),
            given_name=data.get("given_name", ""),
            family_name=(
                data.get("surname", "")
                if data["path"] == SignupPath.MEMBER
                else data.get("family_name", "")
            ),
            home_unit=self._units.get(data["home_unit"]) if data.get("home_unit") else None,
        )

    def save(self, request: HttpRequest) -> User:
        # The account and its person link stand or fall together.
        with transaction.atomic():
            user: User = super().save(request)
            return user

    def custom_signup(self, request: HttpRequest, user: User) -> None:
        account_signup_complete(user=user, details=self.details())


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        help_text=_("Commonplace uses this language whenever you log in."),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Each language is named in itself, so a reader of either can find their own.
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ]


class LoginForm(AllauthLoginForm):
    """allauth's log-in form in our words (allauth has no Welsh catalogue)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email address")
        self.fields["password"].label = _("Password")
        require(
            self, {"login": _("Enter your email address"), "password": _("Enter your password")}
        )
        self.fields["password"].help_text = ""  # the page links to the reset itself
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in on this device")


class MfaAuthenticateForm(AuthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code")
        require(self, {"code": _("Enter the code from your authenticator app")})


class ActivateTotpForm(ActivateTOTPForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code from your authenticator app")
        self.fields["code"].help_text = _("For example, 123456")
        require(self, {"code": _("Enter the code from your authenticator app")})


def relabel(form: forms.Form, labels: dict[str, Any]) -> None:
    """Put our (translated) labels on allauth's fields, and drop its help texts."""
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].help_text = ""


class ChangePasswordForm(AllauthChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {
                "oldpassword": _("Current password"),
                "password1": _("New password"),
                "password2": _("Confirm your new password"),
            },
        )
        require(
            self,
            {
                "oldpassword": _("Enter your current password"),
                "password1": _("Enter a new password"),
                "password2": _("Confirm your new password"),
            },
        )


class ResetPasswordForm(AllauthResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self, {"email": _("Email address")})
        require(self, {"email": _("Enter your email address")})


class ResetPasswordKeyForm(AllauthResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(
            self,
            {"password1": _("New password"), "password2": _("Confirm your new password")},
        )
        require(
            self,
            {"password1": _("Enter a new password"), "password2": _("Confirm your new password")},
        )


class ReauthenticateForm(AllauthReauthenticateForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self, {"password": _("Password")})
        require(self, {"password": _("Enter your password")})


class AddEmailForm(AllauthAddEmailForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        relabel(self, {"email": _("Email address")})
