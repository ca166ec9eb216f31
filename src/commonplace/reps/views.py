"""Pages of the reps app: the ULR's own role and time log, the co-ordinator's branch view and
recruitment, the notice letter, facility time (page and CSV), and organising through learning.

Views are thin: `ScopedPermissionRequired` checks the policy table, selectors read (404 outside
scope), services write and raise `DomainError`s shown on the form, which keeps what was typed.
"""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.selectors import may_at
from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.organisation.selectors import employers_of
from commonplace.people.selectors import person_of_user

from .enums import JoinOutcome, UlrFunction
from .forms import (
    ActivistForm,
    AppointmentAddForm,
    AppointmentEditForm,
    InvitationForm,
    JoinInvitationForm,
    JoinOutcomeForm,
    ProgressionForm,
    TimeEntryForm,
    TrainingRecordForm,
)
from .selectors import (
    CSV_COLUMNS,
    OrganisingFigures,
    appointment_get_visible,
    appointment_view,
    appointments_of_user,
    branch_ulrs,
    coordination_units_for,
    facility_time_csv_rows,
    facility_time_totals,
    facility_year_label,
    facility_year_of,
    facility_years_with_time,
    invitation_get_own,
    invitations_within,
    join_invitation_get_visible,
    join_invitations_within,
    member_find,
    organising_figures,
    organising_rows_of,
    organising_units_for,
    people_choices,
    person_for_form,
    person_of_account,
    places_within,
    records_about_user,
    time_entries_of_user,
    time_entry_get_visible,
    training_pathways_attach,
    training_records_of_person,
    training_records_of_user,
    ulr_choices,
    ulr_training_of_user,
    ulr_year_of_user,
    unit_choose,
)
from .services import (
    activist_record,
    appointment_create,
    appointment_update,
    join_invitation_create,
    join_outcome_record,
    notice_view_record,
    progression_record,
    rep_invitation_accept,
    rep_invitation_create,
    rep_invitation_decline,
    time_entry_add,
    time_entry_delete,
    training_record_add,
)


def _employers_for(unit: Any) -> Any:
    return employers_of(union=unit.union or unit).order_by("name")


def _place_initial(unit: Any) -> dict[str, Any]:
    """The place itself and the employer of its (first) workplace, chosen to start with."""
    employer_id = unit.employer_id
    if employer_id is None:
        employer_id = next((p.employer_id for p in places_within(unit=unit) if p.employer_id), None)
    return {"unit": unit.pk, "employer": employer_id}


class RecordsAboutMeView(ScopedPermissionRequired, View):
    """What reps and co-ordinators recorded about my joining, activism and further learning.
    Everyone's own-record rule opens it; the selector matches the records on the person's own
    account, so nobody else's appear, even to a rep who may see their branch's."""

    permission_required = "reps.view_joininvitation"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "reps/about_me.html", {"records": records_about_user(user=request.user)}
        )


class MyRoleView(ScopedPermissionRequired, View):
    """The ULR's own page: appointments and training condition, this year's time, time log,
    training record."""

    permission_required = "reps.view_timeentry"

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        context = {
            "appointments": [
                appointment_view(appointment=a, today=today)
                for a in appointments_of_user(user=request.user)
            ],
            "year": ulr_year_of_user(user=request.user, today=today),
            "entries": time_entries_of_user(user=request.user)[:20],
            "training": training_records_of_user(user=request.user),
            "training_pathways": ulr_training_of_user(user=request.user),
        }
        return render(request, "reps/my_role.html", context)


class TimeAddView(ScopedPermissionRequired, View):
    permission_required = "reps.add_timeentry"

    def _form(self, data: Any = None) -> TimeEntryForm:
        return TimeEntryForm(data, appointments=appointments_of_user(user=self.request.user))

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                time_entry_add(actor=request.user, **data)  # type: ignore[arg-type]
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your time was logged."))
                return HttpResponseRedirect(reverse("reps:my-role"))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: TimeEntryForm, status: int = 200) -> HttpResponse:
        has_appointment = appointments_of_user(user=request.user).exists()
        return render(
            request,
            "reps/time_form.html",
            {"form": form, "has_appointment": has_appointment},
            status=status,
        )


class TimeDeleteView(ScopedPermissionRequired, View):
    permission_required = "reps.delete_timeentry"

    def get_permission_object(self) -> Model | None:
        return time_entry_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="delete")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "reps/time_delete.html", {"entry": self.permission_object})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            time_entry_delete(actor=request.user, entry=self.permission_object)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The time entry was deleted."))
        return HttpResponseRedirect(reverse("reps:my-role"))


class TrainingAddView(ScopedPermissionRequired, View):
    permission_required = "reps.add_trainingrecord"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "reps/training_form.html", {"form": TrainingRecordForm()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TrainingRecordForm(request.POST)
        person = person_of_user(user=request.user)
        if form.is_valid():
            if person is None:
                form.add_error(None, _("You have no profile to keep a training record in."))
            else:
                try:
                    training_record_add(actor=request.user, person=person, **form.cleaned_data)  # type: ignore[arg-type]
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The course was added to your training record."))
                    return HttpResponseRedirect(reverse("reps:my-role"))
        return render(request, "reps/training_form.html", {"form": form}, status=400)


# --- the co-ordinator --------------------------------------------------------------------------


class _UnitScoped(ScopedPermissionRequired, View):
    """A page about one of the user's places, chosen with `?unit=` among their grants'."""

    def units(self) -> list[Any]:
        return coordination_units_for(user=self.request.user)

    def unit(self) -> Any:
        unit = unit_choose(units=self.units(), pk=self.request.GET.get("unit"))
        if unit is None:
            raise Http404(_("Page not found."))
        return unit


class BranchView(_UnitScoped):
    """The co-ordinator's view: every ULR of the branch, their training and activity, who needs
    support; invitations to become a ULR."""

    permission_required = "reps.view_repappointment"

    def get(self, request: HttpRequest) -> HttpResponse:
        units = self.units()
        unit = self.unit()
        today = timezone.localdate()
        path = unit.path
        ulrs = branch_ulrs(unit=unit, today=today)
        invitations = list(invitations_within(user=request.user, unit=unit)[:20])
        training_pathways_attach(user=request.user, rows=ulrs, invitations=invitations)
        context = {
            "units": units,
            "unit": unit,
            "ulrs": ulrs,
            "invitations": invitations,
            "can_invite": may_at(
                user=request.user, kind="reps.repinvitation", action="add", unit_path=path
            ),
            "can_appoint": may_at(
                user=request.user, kind="reps.repappointment", action="add", unit_path=path
            ),
            "year_label": facility_year_label(facility_year_of(today)),
        }
        return render(request, "reps/branch.html", context)


class AppointmentAddView(_UnitScoped):
    permission_required = "reps.add_repappointment"

    def units(self) -> list[Any]:
        return [
            u
            for u in coordination_units_for(user=self.request.user)
            if may_at(
                user=self.request.user, kind="reps.repappointment", action="add", unit_path=u.path
            )
        ]

    def _form(self, unit: Any, data: Any = None) -> AppointmentAddForm:
        initial = {"starts_on": timezone.localdate(), **_place_initial(unit)}
        if user_id := self.request.GET.get("user"):
            initial["user"] = user_id
        return AppointmentAddForm(
            data,
            initial=initial,
            ulrs=ulr_choices(unit=unit),
            units=places_within(unit=unit),
            employers=_employers_for(unit),
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = self.unit()
        return self._render(request, self._form(unit), unit)

    def post(self, request: HttpRequest) -> HttpResponse:
        unit = self.unit()
        form = self._form(unit, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            person = person_of_account(user=request.user, user_id=data.pop("user"))
            if person is None:
                form.add_error("user", _("This ULR has no profile you can see."))
            else:
                try:
                    appointment = appointment_create(actor=request.user, person=person, **data)
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, _("The appointment was recorded."))
                    return HttpResponseRedirect(
                        reverse("reps:appointment-edit", args=[appointment.pk])
                    )
        return self._render(request, form, unit, status=400)

    def _render(
        self, request: HttpRequest, form: Any, unit: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request, "reps/appointment_add.html", {"form": form, "unit": unit}, status=status
        )


class AppointmentEditView(ScopedPermissionRequired, View):
    permission_required = "reps.change_repappointment"

    def get_permission_object(self) -> Model | None:
        return appointment_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action="change"
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        appointment: Any = self.permission_object
        form = AppointmentEditForm(
            initial={
                "notice_given_on": appointment.notice_given_on,
                "training_course": appointment.training_course,
                "trained_on": appointment.trained_on,
            }
        )
        return self._render(request, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = AppointmentEditForm(request.POST)
        if form.is_valid():
            try:
                appointment_update(
                    actor=request.user,
                    appointment=self.permission_object,  # type: ignore[arg-type]
                    changes=form.cleaned_data,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The appointment was saved."))
                return HttpResponseRedirect(reverse("reps:appointment-edit", args=[pk]))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        appointment: Any = self.permission_object
        context = {
            "form": form,
            "view": appointment_view(appointment=appointment, today=timezone.localdate()),
            "training": training_records_of_person(
                user=request.user, person_id=appointment.person_id
            ),
        }
        return render(request, "reps/appointment_edit.html", context, status=status)


class AppointmentNoticeView(ScopedPermissionRequired, View):
    """The printable letter telling the employer in writing that the member is a ULR."""

    permission_required = "reps.view_repappointment"

    def get_permission_object(self) -> Model | None:
        return appointment_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        appointment: Any = self.permission_object
        notice_view_record(actor=request.user, appointment=appointment)
        context = {
            "appointment": appointment,
            "union": appointment.unit.union or appointment.unit,
            "dated": appointment.notice_given_on or timezone.localdate(),
            "view": appointment_view(appointment=appointment, today=timezone.localdate()),
        }
        return render(request, "reps/notice_letter.html", context)


class InvitationAddView(_UnitScoped):
    permission_required = "reps.add_repinvitation"

    def units(self) -> list[Any]:
        return [
            u
            for u in coordination_units_for(user=self.request.user)
            if may_at(
                user=self.request.user, kind="reps.repinvitation", action="add", unit_path=u.path
            )
        ]

    def _form(self, unit: Any, data: Any = None) -> InvitationForm:
        return InvitationForm(
            data,
            initial=_place_initial(unit),
            units=places_within(unit=unit),
            employers=_employers_for(unit),
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        unit = self.unit()
        return self._render(request, self._form(unit), unit)

    def post(self, request: HttpRequest) -> HttpResponse:
        unit = self.unit()
        form = self._form(unit, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            person = member_find(user=request.user, text=data["member"], unit=unit)
            if person is None:
                form.add_error(
                    "member",
                    _("There is no member of the branch with that number or email address."),
                )
            else:
                try:
                    rep_invitation_create(
                        actor=request.user,  # type: ignore[arg-type]
                        person=person,
                        unit=data["unit"],
                        employer=data["employer"],
                    )
                except DomainError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(
                        request,
                        _("%(name)s was invited to become a ULR.") % {"name": person.display_name},
                    )
                    return HttpResponseRedirect(f"{reverse('reps:branch')}?unit={unit.pk}")
        return self._render(request, form, unit, status=400)

    def _render(
        self, request: HttpRequest, form: Any, unit: Any, status: int = 200
    ) -> HttpResponse:
        return render(
            request, "reps/invitation_form.html", {"form": form, "unit": unit}, status=status
        )


class InvitationRespondView(ScopedPermissionRequired, View):
    """The member accepts or declines (on their home page); GET shows the invitation."""

    permission_required = "reps.respond_repinvitation"

    def get_permission_object(self) -> Model | None:
        return invitation_get_own(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(
            request, "reps/invitation_respond.html", {"invitation": self.permission_object}
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        invitation: Any = self.permission_object
        try:
            if "accept" in request.POST:
                rep_invitation_accept(actor=request.user, invitation=invitation)  # type: ignore[arg-type]
                messages.success(
                    request,
                    _(
                        "Welcome: you are now a union learning rep. Your co-ordinator will "
                        "help you book your ULR training."
                    ),
                )
                return HttpResponseRedirect(reverse("reps:my-role"))
            rep_invitation_decline(actor=request.user, invitation=invitation)  # type: ignore[arg-type]
            messages.success(
                request, _("You declined the invitation. Thank you for letting us know.")
            )
        except DomainError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(reverse("home:home"))


# --- facility time -----------------------------------------------------------------------------


class _FacilityTime(ScopedPermissionRequired, View):
    permission_required = "reps.summarise_timeentry"

    def year(self) -> tuple[int, list[int]]:
        years = facility_years_with_time(user=self.request.user)
        current = facility_year_of(timezone.localdate())
        if current not in years:
            years = sorted({*years, current}, reverse=True)
        try:
            year = int(self.request.GET.get("year", current))
        except ValueError:
            year = current
        return (year if year in years else current), years


class FacilityTimeView(_FacilityTime):
    def get(self, request: HttpRequest) -> HttpResponse:
        year, years = self.year()
        context = {
            "year": year,
            "year_label": facility_year_label(year),
            "years": [(y, facility_year_label(y)) for y in years],
            "rows": facility_time_totals(user=request.user, year=year),
            "functions": UlrFunction.choices,
            "columns": CSV_COLUMNS,
        }
        return render(request, "reps/facility_time.html", context)


class FacilityTimeCsvView(_FacilityTime):
    def get(self, request: HttpRequest) -> HttpResponse:
        year, _years = self.year()
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"facility-time-{facility_year_label(year)}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        for line in facility_time_csv_rows(rows=facility_time_totals(user=request.user, year=year)):
            writer.writerow(line)
        return response


# --- organising through learning ---------------------------------------------------------------


class OrganisingView(ScopedPermissionRequired, View):
    """Figures per branch (or per region), small numbers suppressed; recent invitations."""

    permission_required = "reps.summarise_joininvitation"

    def get(self, request: HttpRequest) -> HttpResponse:
        units = organising_units_for(user=request.user)
        unit = unit_choose(units=units, pk=request.GET.get("unit"))
        if unit is None:
            raise Http404(_("Page not found."))
        rows = organising_rows_of(unit=unit)
        figures, total = organising_figures(unit=unit, rows=rows)
        context = {
            "units": units,
            "unit": unit,
            "figures": figures,
            "total": total,
            "headings": [
                _("Invited to join"),
                _("Joined"),
                _("Joined after learning"),
                _("Became a ULR"),
                _("Became an activist"),
                _("Went on to further learning"),
            ],
            "by_region": unit.kind == "union",
            "field_count": len(OrganisingFigures.FIELDS),
            "invitations": join_invitations_within(user=request.user, unit=unit)[:20],
            "can_record": request.user.has_perm("reps.add_joininvitation"),
        }
        return render(request, "reps/organising.html", context)


class _RecordView(ScopedPermissionRequired, View):
    """A small form that records one organising fact about a person the user may see."""

    template = "reps/record_form.html"
    title = ""
    non_members_only = False

    def form(self, data: Any = None) -> Any:
        raise NotImplementedError

    def save(self, person: Any, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self.form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self.form(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            person = person_for_form(user=request.user, pk=data.pop("person"))
            try:
                self.save(person, data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("It was recorded."))
                return HttpResponseRedirect(reverse("reps:organising"))
        return self._render(request, form, status=400)

    def people(self) -> list[tuple[int, str]]:
        return people_choices(user=self.request.user, non_members_only=self.non_members_only)

    def _render(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        context = {"form": form, "title": self.title}
        return render(request, self.template, context, status=status)


class JoinAddView(_RecordView):
    permission_required = "reps.add_joininvitation"
    non_members_only = True

    @property
    def title(self) -> str:  # type: ignore[override]
        return _("Record an invitation to join")

    def form(self, data: Any = None) -> Any:
        return JoinInvitationForm(data, people=self.people())

    def save(self, person: Any, data: dict[str, Any]) -> None:
        join_invitation_create(actor=self.request.user, person=person, **data)  # type: ignore[arg-type]


class ProgressionAddView(_RecordView):
    permission_required = "reps.add_progression"

    @property
    def title(self) -> str:  # type: ignore[override]
        return _("Record a progression to further learning")

    def form(self, data: Any = None) -> Any:
        return ProgressionForm(data, people=self.people())

    def save(self, person: Any, data: dict[str, Any]) -> None:
        progression_record(actor=self.request.user, person=person, **data)  # type: ignore[arg-type]


class ActivistAddView(_RecordView):
    permission_required = "reps.add_activistrecord"

    @property
    def title(self) -> str:  # type: ignore[override]
        return _("Record that a member became an activist")

    def form(self, data: Any = None) -> Any:
        return ActivistForm(data, people=self.people())

    def save(self, person: Any, data: dict[str, Any]) -> None:
        activist_record(actor=self.request.user, person=person, **data)  # type: ignore[arg-type]


class JoinOutcomeView(ScopedPermissionRequired, View):
    permission_required = "reps.change_joininvitation"

    def get_permission_object(self) -> Model | None:
        return join_invitation_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action="change"
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        invitation: Any = self.permission_object
        form = JoinOutcomeForm(
            initial={"outcome": invitation.outcome, "joined_on": invitation.joined_on}
        )
        return self._render(request, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = JoinOutcomeForm(request.POST)
        if form.is_valid():
            try:
                join_outcome_record(
                    actor=request.user,  # type: ignore[arg-type]
                    invitation=self.permission_object,  # type: ignore[arg-type]
                    outcome=form.cleaned_data["outcome"],
                    joined_on=form.cleaned_data["joined_on"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The outcome was recorded."))
                return HttpResponseRedirect(reverse("reps:organising"))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: Any, status: int = 200) -> HttpResponse:
        invitation: Any = self.permission_object
        context = {
            "form": form,
            "invitation": invitation,
            "joined": invitation.outcome == JoinOutcome.JOINED,
        }
        return render(request, "reps/join_outcome.html", context, status=status)
