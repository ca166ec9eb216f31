"""Staff manage the union's tree: browse from their place down, add, edit, move units."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError

from .forms import EmployerForm, UnitForm, UnitMoveForm
from .models import OrgUnit
from .selectors import (
    employers_of,
    unit_breadcrumbs,
    unit_children,
    unit_get_visible,
    unit_roots_visible_to,
    units_visible_to,
)
from .services import employer_create, unit_add_child, unit_move, unit_update


class UnitListView(ScopedPermissionRequired, View):
    permission_required = "organisation.view_orgunit"

    def get(self, request: HttpRequest) -> HttpResponse:
        roots = list(unit_roots_visible_to(user=request.user))
        if len(roots) == 1:
            return HttpResponseRedirect(reverse("organisation:unit-detail", args=[roots[0].pk]))
        return render(request, "organisation/unit_list.html", {"units": roots})


class UnitDetailView(ScopedPermissionRequired, View):
    permission_required = "organisation.view_orgunit"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = unit_get_visible(user=request.user, pk=pk)
        context = {
            "unit": unit,
            "children": unit_children(unit=unit),
            "breadcrumbs": unit_breadcrumbs(unit=unit, user=request.user),
            "can_add": request.user.has_perm("organisation.add_orgunit", unit),
            "can_change": request.user.has_perm("organisation.change_orgunit", unit),
            "employers": employers_of(union=unit.union) if unit.parent_id is None else None,
        }
        return render(request, "organisation/unit_detail.html", context)


class UnitAddView(ScopedPermissionRequired, View):
    permission_required = "organisation.add_orgunit"

    def get_permission_object(self) -> OrgUnit:
        return unit_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="add")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        parent = self.permission_object
        form = UnitForm(union=parent.union)
        return render(request, "organisation/unit_form.html", {"form": form, "parent": parent})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        parent = self.permission_object
        form = UnitForm(request.POST, union=parent.union)
        if form.is_valid():
            try:
                unit = unit_add_child(actor=request.user, parent=parent, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("%(name)s was added.") % {"name": unit.name})
                return HttpResponseRedirect(reverse("organisation:unit-detail", args=[unit.pk]))
        return render(request, "organisation/unit_form.html", {"form": form, "parent": parent})


class UnitEditView(ScopedPermissionRequired, View):
    permission_required = "organisation.change_orgunit"

    def get_permission_object(self) -> OrgUnit:
        return unit_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="change")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = self.permission_object
        return self._render(request, unit, UnitForm(instance=unit, union=unit.union))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = self.permission_object
        form = UnitForm(request.POST, instance=unit, union=unit.union)
        if "move" in request.POST:
            return self._move(request, unit)
        if form.is_valid():
            try:
                unit_update(actor=request.user, unit=unit, changes=form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The unit was saved."))
                return HttpResponseRedirect(reverse("organisation:unit-detail", args=[pk]))
        return self._render(request, unit, form)

    def _move(self, request: HttpRequest, unit: OrgUnit) -> HttpResponse:
        move_form = UnitMoveForm(request.POST, parents=self._parents(request, unit))
        if move_form.is_valid():
            try:
                unit_move(
                    actor=request.user, unit=unit, new_parent=move_form.cleaned_data["new_parent"]
                )
            except DomainError as error:
                move_form.add_error(None, error.message)
            else:
                messages.success(request, _("The unit was moved."))
                return HttpResponseRedirect(reverse("organisation:unit-detail", args=[unit.pk]))
        return self._render(request, unit, UnitForm(instance=unit, union=unit.union), move_form)

    def _parents(self, request: HttpRequest, unit: OrgUnit) -> QuerySet[OrgUnit]:
        return (
            units_visible_to(user=request.user, action="change")
            .filter(union_id=unit.union_id)
            .exclude(path__startswith=unit.path)
            .exclude(kind="workplace")
            .order_by("path")
        )

    def _render(
        self,
        request: HttpRequest,
        unit: OrgUnit,
        form: UnitForm,
        move_form: UnitMoveForm | None = None,
    ) -> HttpResponse:
        if move_form is None and unit.parent_id is not None:
            move_form = UnitMoveForm(
                parents=self._parents(request, unit), initial={"new_parent": unit.parent_id}
            )
        return render(
            request,
            "organisation/unit_edit.html",
            {"unit": unit, "form": form, "move_form": move_form},
        )


class EmployerAddView(ScopedPermissionRequired, View):
    permission_required = "organisation.change_orgunit"

    def get_permission_object(self) -> OrgUnit:
        return unit_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="change")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(
            request,
            "organisation/employer_form.html",
            {"form": EmployerForm(), "union": self.permission_object},
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        union = self.permission_object
        form = EmployerForm(request.POST)
        if union.parent_id is None and form.is_valid():
            employer_create(actor=request.user, union=union, **form.cleaned_data)
            messages.success(request, _("The employer was added."))
            return HttpResponseRedirect(reverse("organisation:unit-detail", args=[pk]))
        if union.parent_id is not None:
            form.add_error(None, _("Employers are added at the union's own level."))
        return render(request, "organisation/employer_form.html", {"form": form, "union": union})
