"""Pages of My learning space, under /my-learning/: the space itself, informal learning (with
the share link and the bookmarklet that pre-fill it), goals, saved resources and the export.

Every page is the person's own: the permission is a `Reach.SELF` rule of the policy table and
every object is read through a `*_get_visible` selector, so another person's entry is a 404.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.certificates.selectors import certificate_verify_url, certificates_of_user
from commonplace.core.errors import DomainError
from commonplace.core.pagination import uncounted_page
from commonplace.core.pdf import pdf_render
from commonplace.learning.selectors import resource_get_visible
from commonplace.pathways.selectors import enrolments_of_user

from .enums import EXPORT_LIMIT, MAX_TITLE, PAGE_SIZE, GoalStatus
from .forms import GoalForm, GoalStatusForm, InformalLearningForm, SaveToggleForm, SharedPageForm
from .selectors import (
    goal_get_visible,
    goal_is_overdue,
    goals_of_user,
    informal_get_visible,
    informal_of_user,
    learned_activities,
    learned_describe,
    saved_resources_of_user,
    space_totals,
)
from .services import (
    goal_create,
    goal_status_set,
    goal_update,
    informal_create,
    informal_delete,
    informal_update,
    record_export_note,
    resource_save,
    resource_unsave,
)

HOME_PREVIEW = 5


def _pathways_and_certificates(*, user: Any) -> dict[str, Any]:
    """My pathways (in progress, with required steps done and in total, and completed) and my
    certificates with their public verification link: two queries, whatever their number."""
    enrolments = list(enrolments_of_user(user=user))
    certificates = list(certificates_of_user(user=user))
    return {
        "pathways_in_progress": [e for e in enrolments if e.completed_at is None],
        "pathways_completed": [e for e in enrolments if e.completed_at is not None],
        "certificates": [
            {"certificate": c, "verify_url": certificate_verify_url(c)} for c in certificates
        ],
    }


def _goal_rows(goals: Any) -> list[dict[str, Any]]:
    today = timezone.localdate()
    return [{"goal": goal, "overdue": goal_is_overdue(goal, today=today)} for goal in goals]


class SpaceHomeView(ScopedPermissionRequired, View):
    """What I learned (paged, grouped in SQL), and the first few of everything else."""

    permission_required = "learning_space.view_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        # Not counted: counting the groups would read the whole history a second time.
        page = uncounted_page(learned_activities(user=user), request.GET.get("page"), PAGE_SIZE)
        context = {
            "totals": space_totals(user=user),
            "page": page,
            "learned": learned_describe(user=user, rows=page.object_list),
            "informal": list(informal_of_user(user=user)[:HOME_PREVIEW]),
            "goals": _goal_rows(
                goals_of_user(user=user).filter(status=GoalStatus.OPEN)[:HOME_PREVIEW]
            ),
            "saved": list(saved_resources_of_user(user=user)[:HOME_PREVIEW]),
            **_pathways_and_certificates(user=user),
        }
        return render(request, "learning_space/home.html", context)


# Informal learning


class InformalListView(ScopedPermissionRequired, View):
    permission_required = "learning_space.view_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        entries = informal_of_user(user=request.user)
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, "learning_space/informal_list.html", {"page": page})


def _render_informal_form(
    request: HttpRequest, form: InformalLearningForm, *, entry: Any = None, shared: bool = False
) -> HttpResponse:
    context = {"form": form, "entry": entry, "shared": shared}
    return render(request, "learning_space/informal_form.html", context)


class InformalCreateView(ScopedPermissionRequired, View):
    permission_required = "learning_space.add_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = InformalLearningForm(initial={"learned_on": timezone.localdate()})
        return _render_informal_form(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = InformalLearningForm(request.POST, request.FILES)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
            try:
                informal_create(actor=request.user, fields=fields)  # type: ignore[arg-type]
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your learning is logged."))
                return HttpResponseRedirect(reverse("learning_space:home"))
        return _render_informal_form(request, form)


class ShareView(ScopedPermissionRequired, View):
    """The share link and the bookmarklet's target: a pre-filled form, never a save (GET)."""

    permission_required = "learning_space.add_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        query = SharedPageForm(request.GET)
        data = query.cleaned_data if query.is_valid() else {}
        url = str(data.get("url") or "").strip()
        # Android's share sheet often puts the address in `text`.
        text = str(data.get("text") or "").strip()
        if not url and text.startswith(("http://", "https://")):
            url = text.split()[0]
        title = " ".join(str(data.get("title") or "").split())[:MAX_TITLE]
        initial: dict[str, Any] = {"learned_on": timezone.localdate(), "title": title}
        form = InformalLearningForm(initial=initial)
        if url.lower().startswith(("http://", "https://")) and len(url) <= 500:
            form.initial["url"] = url
        elif url:
            messages.warning(
                request, _("The address of that page could not be used: add it yourself.")
            )
        return _render_informal_form(request, form, shared=True)


class _EntryView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model:
        return informal_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action
        )


class InformalEditView(_EntryView):
    permission_required = "learning_space.change_informallearning"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry: Any = self.permission_object
        initial = {
            name: getattr(entry, name)
            for name in ("title", "learned_on", "hours", "reflection", "url")
        }
        form = InformalLearningForm(initial=initial, has_evidence=bool(entry.evidence))
        return _render_informal_form(request, form, entry=entry)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        entry: Any = self.permission_object
        form = InformalLearningForm(request.POST, request.FILES, has_evidence=bool(entry.evidence))
        if form.is_valid():
            fields = dict(form.cleaned_data)
            remove = bool(fields.pop("remove_evidence", False))
            if not fields.get("evidence"):
                fields.pop("evidence", None)
            try:
                informal_update(
                    actor=request.user,  # type: ignore[arg-type]
                    entry=entry,
                    fields=fields,
                    remove_evidence=remove,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your entry is saved."))
                return HttpResponseRedirect(reverse("learning_space:informal-list"))
        return _render_informal_form(request, form, entry=entry)


class InformalDeleteView(_EntryView):
    permission_required = "learning_space.delete_informallearning"
    action = "delete"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(
            request, "learning_space/informal_delete.html", {"entry": self.permission_object}
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        informal_delete(actor=request.user, entry=self.permission_object)  # type: ignore[arg-type]
        messages.success(request, _("The entry is deleted."))
        return HttpResponseRedirect(reverse("learning_space:informal-list"))


class EvidenceView(_EntryView):
    """The evidence file, to its owner only, through the permission check (never a public URL)."""

    permission_required = "learning_space.view_informallearning"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        entry: Any = self.permission_object
        if not entry.evidence:
            raise Http404(_("Page not found."))
        name = entry.evidence_name or entry.evidence.name.rsplit("/", 1)[-1]
        response = FileResponse(entry.evidence.open("rb"), as_attachment=True, filename=name)
        response["Cache-Control"] = "private, no-store"
        return response


class BookmarkletView(ScopedPermissionRequired, View):
    """How to save any page from the web: the bookmarklet (its code built here, on the server:
    the page itself runs no script) and the share link."""

    permission_required = "learning_space.add_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        target = request.build_absolute_uri(reverse("learning_space:share"))
        context = {"bookmarklet": bookmarklet_href(target=target), "share_url": target}
        return render(request, "learning_space/bookmarklet.html", context)


def bookmarklet_href(*, target: str) -> str:
    """A `javascript:` URL that opens the share page for the page being read (its address and
    title, URI-encoded). `target` is embedded as a JSON string, so no quote can break out."""
    code = (
        "(function(){window.open("
        f"{json.dumps(target)}"
        "+'?url='+encodeURIComponent(location.href)"
        "+'&title='+encodeURIComponent(document.title),'_blank');})();"
    )
    return "javascript:" + quote(code, safe="(){}[];,.'+=_!*~/:?&")


# Goals


class GoalListView(ScopedPermissionRequired, View):
    """Every goal, overdue ones highlighted; POST sets a new goal."""

    permission_required = "learning_space.view_goal"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, GoalForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("learning_space.add_goal"):
            raise Http404(_("Page not found."))
        form = GoalForm(request.POST)
        if form.is_valid():
            try:
                goal_create(actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
            except DomainError as error:
                form.add_error("target_date", error.message)
            else:
                messages.success(request, _("Your goal is set."))
                return HttpResponseRedirect(reverse("learning_space:goal-list"))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: GoalForm) -> HttpResponse:
        page = Paginator(goals_of_user(user=request.user), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context = {"form": form, "page": page, "rows": _goal_rows(page.object_list)}
        return render(request, "learning_space/goal_list.html", context)


class _GoalView(ScopedPermissionRequired, View):
    action = "change"

    def get_permission_object(self) -> Model:
        return goal_get_visible(user=self.request.user, pk=self.kwargs["pk"], action=self.action)


class GoalEditView(_GoalView):
    permission_required = "learning_space.change_goal"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        goal: Any = self.permission_object
        form = GoalForm(initial={"text": goal.text, "target_date": goal.target_date})
        return render(request, "learning_space/goal_form.html", {"form": form, "goal": goal})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        goal: Any = self.permission_object
        form = GoalForm(request.POST)
        if form.is_valid():
            try:
                goal_update(actor=request.user, goal=goal, **form.cleaned_data)  # type: ignore[arg-type]
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your goal is saved."))
                return HttpResponseRedirect(reverse("learning_space:goal-list"))
        return render(request, "learning_space/goal_form.html", {"form": form, "goal": goal})


class GoalStatusView(_GoalView):
    """POST marks a goal achieved, dropped or open; GET goes back to the goals."""

    permission_required = "learning_space.change_goal"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("learning_space:goal-list"))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        form = GoalStatusForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose open, achieved or dropped."))
        else:
            status = form.cleaned_data["status"]
            goal_status_set(actor=request.user, goal=self.permission_object, status=status)  # type: ignore[arg-type]
            notes = {
                GoalStatus.ACHIEVED: _("Well done: the goal is achieved."),
                GoalStatus.DROPPED: _("The goal is dropped."),
                GoalStatus.OPEN: _("The goal is open again."),
            }
            messages.success(request, notes[GoalStatus(status)])
        return HttpResponseRedirect(reverse("learning_space:goal-list"))


# Saved resources


class SavedListView(ScopedPermissionRequired, View):
    """The saved resources I may still see; POST saves or forgets one (the resource page's
    "Save for later" button; with htmx, the button is swapped in place)."""

    permission_required = "learning_space.view_savedresource"

    def get(self, request: HttpRequest) -> HttpResponse:
        page = Paginator(saved_resources_of_user(user=request.user), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return render(request, "learning_space/saved_list.html", {"page": page})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = SaveToggleForm(request.POST)
        if not form.is_valid():
            raise Http404(_("Page not found."))
        save = form.cleaned_data["save"]
        needed = (
            "learning_space.add_savedresource" if save else "learning_space.delete_savedresource"
        )
        if not request.user.has_perm(needed):
            raise Http404(_("Page not found."))
        resource: Any = resource_get_visible(user=request.user, slug=form.cleaned_data["resource"])
        try:
            if save:
                resource_save(actor=request.user, resource_id=resource.pk)  # type: ignore[arg-type]
            else:
                resource_unsave(actor=request.user, resource_id=resource.pk)  # type: ignore[arg-type]
        except DomainError as error:
            raise Http404(error.message) from error
        if request.htmx:  # type: ignore[attr-defined]
            context = {"resource": resource, "saved": save, "next": form.cleaned_data["next"]}
            return render(request, "learning_space/_save_toggle.html", context)
        messages.success(request, _("Saved for later.") if save else _("It is no longer saved."))
        following = form.cleaned_data["next"]
        if not following or not url_has_allowed_host_and_scheme(
            following, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            following = reverse("learning_space:saved-list")
        return HttpResponseRedirect(following)


# Export


class ExportView(ScopedPermissionRequired, View):
    permission_required = "learning_space.view_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "learning_space/export.html", {})


class ExportPdfView(ScopedPermissionRequired, View):
    """My whole record as a PDF: statements summary, pathways, certificates (with their
    verification links), informal learning and goals."""

    permission_required = "learning_space.view_informallearning"

    def get(self, request: HttpRequest) -> HttpResponse:
        user: Any = request.user
        rows = list(learned_activities(user=user)[:EXPORT_LIMIT])
        context = {
            "user": user,
            "today": timezone.localdate(),
            "totals": space_totals(user=user),
            "learned": learned_describe(user=user, rows=rows),
            "informal": list(informal_of_user(user=user)[:EXPORT_LIMIT]),
            "goals": list(goals_of_user(user=user)[:EXPORT_LIMIT]),
            "limit": EXPORT_LIMIT,
            **_pathways_and_certificates(user=user),
        }
        pdf = pdf_render(template="learning_space/record_pdf.html", context=context)
        record_export_note(actor=user)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="my-learning-record.pdf"'
        response["Cache-Control"] = "private, no-store"
        return response
