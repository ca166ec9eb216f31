"""People pages: the scoped list, a person's record (audited), editing, my own profile."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator
from commonplace.organisation.selectors import unit_get_visible_or_none

from .equality import QUESTIONS, answer_label
from .forms import EqualityForm, MyProfileForm, PersonForm, PersonSearchForm
from .selectors import (
    equality_answers_of,
    equality_summary,
    people_search,
    person_get_visible,
    person_of_user,
)
from .services import equality_answers_save, person_update, person_view_record

PAGE_SIZE = 25


class PersonListView(ScopedPermissionRequired, View):
    permission_required = "people.view_person"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PersonSearchForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        unit = unit_get_visible_or_none(user=request.user, pk=request.GET.get("unit"))
        people = people_search(
            user=request.user, text=data.get("q", ""), status=data.get("status", ""), unit=unit
        )
        page = CappedPaginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {"form": form, "page": page, "unit": unit}
        template = "people/person_list.html#results" if request.htmx else "people/person_list.html"
        return render(request, template, context)


class PersonDetailView(ScopedPermissionRequired, View):
    permission_required = "people.view_person"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = person_get_visible(user=request.user, pk=pk)
        person_view_record(actor=request.user, person=person)
        can_change = request.user.has_perm("people.change_person", person)
        return render(
            request, "people/person_detail.html", {"person": person, "can_change": can_change}
        )


class PersonEditView(ScopedPermissionRequired, View):
    permission_required = "people.change_person"

    def get_permission_object(self) -> Model | None:
        return person_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="change")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.permission_object
        return self._render(request, person, PersonForm(instance=person))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = self.permission_object
        form = PersonForm(request.POST, instance=person)
        if form.is_valid():
            try:
                person_update(actor=request.user, person=person, changes=form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The record was saved."))
                return HttpResponseRedirect(reverse("people:person-detail", args=[pk]))
        return self._render(request, person, form)

    def _render(self, request: HttpRequest, person: Any, form: PersonForm) -> HttpResponse:
        return render(request, "people/person_edit.html", {"person": person, "form": form})


class MyProfileView(View):
    """The signed-in person's own profile; only login is needed, the SELF rule does the rest."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.person = person_of_user(user=request.user)
        if self.person is None:
            return render(request, "people/no_profile.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, MyProfileForm(instance=self.person))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = MyProfileForm(request.POST, instance=self.person)
        if form.is_valid():
            person_update(actor=request.user, person=self.person, changes=form.cleaned_data)
            messages.success(request, _("Your profile was saved."))
            return HttpResponseRedirect(reverse("people:my-profile"))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: MyProfileForm) -> HttpResponse:
        answers = equality_answers_of(person=self.person)
        return render(
            request,
            "people/my_profile.html",
            {"person": self.person, "form": form, "has_equality_answers": answers is not None},
        )


class MyEqualityView(MyProfileView):
    def get(self, request: HttpRequest) -> HttpResponse:
        answers = equality_answers_of(person=self.person)
        initial = {name: getattr(answers, name) for name in QUESTIONS} if answers else {}
        return render(request, "people/my_equality.html", {"form": EqualityForm(initial=initial)})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = EqualityForm(request.POST)
        if form.is_valid():
            equality_answers_save(actor=request.user, person=self.person, answers=form.cleaned_data)
            messages.success(request, _("Thank you. Your answers were saved."))
            return HttpResponseRedirect(reverse("people:my-profile"))
        return render(request, "people/my_equality.html", {"form": form})


class EqualitySummaryView(ScopedPermissionRequired, View):
    """Totals of equality answers in a unit, with numbers under five suppressed."""

    permission_required = "people.summarise_equalityanswers"

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = unit_get_visible_or_none(user=request.user, pk=request.GET.get("unit"))
        tables = []
        if unit is not None:
            for name, (label, _choices) in QUESTIONS.items():
                rows = [
                    (answer_label(name, value), total)
                    for value, total in equality_summary(
                        user=request.user, unit=unit, question=name
                    )
                ]
                tables.append((label, rows))
        return render(request, "people/equality_summary.html", {"unit": unit, "tables": tables})
