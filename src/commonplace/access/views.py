"""The one view mixin for permission checks, and the administrators' roles pages."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.core.errors import DomainError

from .forms import GrantFilterForm, GrantForm
from .selectors import account_by_email, grant_get_visible, grants_visible_to, units_for_granting
from .services import grant_create, grant_revoke


class ScopedPermissionRequired:
    """Requires `permission_required` ("app.action_model") for the request's user.

    Anonymous users are sent to log in. A user with no rule for the permission gets 404, as
    does one asking for an object outside their scope: existence is never leaked. Views fetch
    objects through their app's `*_get_visible` selector, which also answers 404.
    """

    permission_required: str = ""
    permission_object: Model | None = None

    def get_permission_object(self) -> Model | None:
        return None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.permission_required:
            raise Http404(_("No permission is declared for this page."))
        self.request = request
        self.args, self.kwargs = args, kwargs
        self.permission_object = self.get_permission_object()
        if not request.user.has_perm(self.permission_required, self.permission_object):
            raise Http404(_("Page not found."))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class GrantListView(ScopedPermissionRequired, View):
    permission_required = "access.view_rolegrant"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = GrantFilterForm(request.GET or None)
        role = form.cleaned_data.get("role", "") if form.is_valid() else ""
        grants = grants_visible_to(user=request.user, role=role)
        page = Paginator(grants, 50).get_page(request.GET.get("page"))
        can_add = bool(units_for_granting(user=request.user).exists())
        return render(
            request, "access/grant_list.html", {"page": page, "form": form, "can_add": can_add}
        )


class GrantAddView(ScopedPermissionRequired, View):
    permission_required = "access.add_rolegrant"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = GrantForm(units=units_for_granting(user=request.user))
        return render(request, "access/grant_form.html", {"form": form})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = GrantForm(request.POST, units=units_for_granting(user=request.user))
        if form.is_valid():
            data = form.cleaned_data
            user = account_by_email(email=data["email"])
            if user is None:
                form.add_error("email", _("There is no account with that email address."))
            else:
                try:
                    grant_create(
                        actor=request.user,
                        user=user,
                        role=data["role"],
                        unit=data["unit"],
                        starts_on=data["starts_on"],
                        ends_on=data["ends_on"],
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The role was granted."))
                    return HttpResponseRedirect(reverse("access:grant-list"))
        return render(request, "access/grant_form.html", {"form": form})


class GrantRevokeView(ScopedPermissionRequired, View):
    permission_required = "access.delete_rolegrant"

    def get_permission_object(self) -> Model:
        return grant_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="delete")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "access/grant_revoke.html", {"grant": self.permission_object})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            grant_revoke(actor=request.user, grant=self.permission_object)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The role was revoked."))
        return HttpResponseRedirect(reverse("access:grant-list"))
