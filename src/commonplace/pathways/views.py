"""Pathway pages: the list, a pathway (progress, enrol, continue), a step, "My pathways", an
enrolment's record; and the authors' pages (pathway and step forms, order, publishing,
drop-off). Writes go to `services`; a DomainError becomes a message or a form error."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.assessment.selectors import (
    attempts_of,
    projects_visible_to,
    quizzes_visible_to,
    submissions_of,
)
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator
from commonplace.learning.selectors import resources_visible_to, topic_get_or_none

from .enums import Direction, StepKind, StepState
from .forms import PathwayFilterForm, PathwayForm, StepForm
from .selectors import (
    enrolment_done_step_ids,
    enrolment_get_visible,
    enrolment_of,
    enrolments_of_user,
    pathway_certificate_of,
    pathway_dropoff,
    pathway_get_visible,
    pathway_prerequisites_status,
    pathway_progress,
    pathway_steps,
    pathways_for_prerequisites,
    pathways_search,
    step_get_visible,
    step_states,
    units_for_authoring,
)
from .services import (
    enrolment_create,
    pathway_create,
    pathway_publish,
    pathway_unpublish,
    pathway_update,
    step_add,
    step_finish,
    step_move,
    step_remove,
    step_update,
)

PAGE_SIZE = 12


def pathway_url(pathway: Any) -> str:
    return reverse("pathways:pathway-detail", args=[pathway.slug])


def step_url(step: Any) -> str:
    return reverse("pathways:step-detail", args=[step.pk])


class PathwayListView(ScopedPermissionRequired, View):
    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = PathwayFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        pathways = pathways_search(
            user=request.user,
            topic=topic_get_or_none(slug=data.get("topic")),
            level=data.get("level", ""),
            language=data.get("language", ""),
        )
        page = CappedPaginator(pathways, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "form": form,
            "page": page,
            "can_add": request.user.has_perm("pathways.add_pathway"),
        }
        return render(request, "pathways/pathway_list.html", context)


class MyPathwaysView(ScopedPermissionRequired, View):
    permission_required = "pathways.view_enrolment"

    def get(self, request: HttpRequest) -> HttpResponse:
        enrolments = list(enrolments_of_user(user=request.user))
        context = {
            "in_progress": [e for e in enrolments if not e.is_completed],
            "completed": [e for e in enrolments if e.is_completed],
        }
        return render(request, "pathways/my_pathways.html", context)


class _PathwayView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return pathway_get_visible(
            user=self.request.user, slug=self.kwargs["slug"], action=self.action
        )


class PathwayDetailView(_PathwayView):
    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        progress = pathway_progress(user=request.user, pathway=pathway)
        prerequisites = pathway_prerequisites_status(user=request.user, pathway=pathway)
        context = {
            "pathway": pathway,
            "progress": progress,
            "prerequisites": prerequisites,
            "missing": [required for required, done in prerequisites if not done],
            "can_change": request.user.has_perm("pathways.change_pathway", pathway),
            "can_publish": request.user.has_perm("pathways.publish_pathway", pathway),
            "can_summarise": request.user.has_perm("pathways.summarise_pathway", pathway),
            "certificate": pathway_certificate_of(user=request.user, pathway=pathway)
            if progress.enrolment and progress.enrolment.is_completed
            else None,
        }
        return render(request, "pathways/pathway_detail.html", context)


class PathwayEnrolView(_PathwayView):
    """POST enrols the signed-in person; GET goes back to the pathway."""

    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponseRedirect(pathway_url(self.permission_object))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        try:
            enrolment_create(actor=request.user, pathway=pathway)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You are enrolled. Start with the first step."))
        return HttpResponseRedirect(pathway_url(pathway))


class PathwayDropoffView(_PathwayView):
    permission_required = "pathways.summarise_pathway"
    action = "summarise"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        context = {"pathway": pathway, "dropoff": pathway_dropoff(pathway=pathway)}
        return render(request, "pathways/pathway_dropoff.html", context)


class _PathwayFormMixin:
    request: HttpRequest

    def _form(self, pathway: Any = None, **kwargs: Any) -> PathwayForm:
        user = self.request.user
        return PathwayForm(
            units=units_for_authoring(user=user),
            pathways=pathways_for_prerequisites(user=user, pathway=pathway),
            instance=pathway,
            **kwargs,
        )

    @staticmethod
    def _split(form: PathwayForm) -> tuple[dict[str, Any], list[Any], list[Any]]:
        data = dict(form.cleaned_data)
        topics, prerequisites = list(data.pop("topics")), list(data.pop("prerequisites"))
        return data, topics, prerequisites

    def _render(self, form: PathwayForm, pathway: Any = None) -> HttpResponse:
        context = {"form": form, "pathway": pathway}
        return render(self.request, "pathways/pathway_form.html", context)


class PathwayCreateView(_PathwayFormMixin, ScopedPermissionRequired, View):
    permission_required = "pathways.add_pathway"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(data=request.POST)
        if form.is_valid():
            fields, topics, prerequisites = self._split(form)
            try:
                pathway = pathway_create(
                    actor=request.user,
                    owner_unit=fields.pop("owner_unit"),
                    fields=fields,
                    topics=topics,
                    prerequisites=prerequisites,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The pathway was saved as a draft. Add its steps."))
                return HttpResponseRedirect(pathway_url(pathway))
        return self._render(form)


class PathwayEditView(_PathwayFormMixin, _PathwayView):
    permission_required = "pathways.change_pathway"
    action = "change"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(self._form(self.permission_object), self.permission_object)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        form = self._form(pathway, data=request.POST)
        if form.is_valid():
            fields, topics, prerequisites = self._split(form)
            try:
                pathway_update(
                    actor=request.user,
                    pathway=pathway,
                    fields=fields,
                    topics=topics,
                    prerequisites=prerequisites,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The pathway was saved."))
                return HttpResponseRedirect(pathway_url(pathway))
        return self._render(form, pathway)


class PathwayPublishView(_PathwayView):
    """POST publishes (or, with `unpublish`, takes back to draft); GET goes to the pathway."""

    permission_required = "pathways.publish_pathway"
    action = "publish"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponseRedirect(pathway_url(self.permission_object))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        try:
            if "unpublish" in request.POST:
                pathway_unpublish(actor=request.user, pathway=pathway)
                messages.success(request, _("The pathway is a draft again."))
            else:
                pathway_publish(actor=request.user, pathway=pathway)
                messages.success(request, _("The pathway is published."))
        except DomainError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(pathway_url(pathway))


# --- steps -----------------------------------------------------------------------------------


class _StepView(ScopedPermissionRequired, View):
    """A step's page; the permission is checked on its pathway."""

    action = "view"
    step: Any = None

    def get_permission_object(self) -> Model | None:
        self.step = step_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action
        )
        return self.step.pathway  # type: ignore[no-any-return]


class StepDetailView(_StepView):
    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        step = self.step
        pathway = step.pathway
        steps = pathway_steps(pathway=pathway)
        enrolment = enrolment_of(user=request.user, pathway=pathway)
        views = step_states(steps=steps, done=enrolment_done_step_ids(enrolment=enrolment))
        view = next(v for v in views if v.step.pk == step.pk)
        following = next((v.step for v in views if v.state == StepState.NEXT), None)
        context = {
            "pathway": pathway,
            "step": step,
            "view": view,
            "enrolment": enrolment,
            "next_step": following,
            "attempts": (
                attempts_of(user=request.user, quiz=step.quiz)[:3]
                if step.kind == StepKind.QUIZ
                else []
            ),
            "submissions": (
                submissions_of(user=request.user, brief=step.project)[:3]
                if step.kind == StepKind.PROJECT and step.project is not None
                else []
            ),
        }
        return render(request, "pathways/step_detail.html", context)


class StepFinishView(_StepView):
    """POST: "I have finished this" (a resource) or "I attended" (a live session)."""

    permission_required = "pathways.view_pathway"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(step_url(self.step))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        step = self.step
        if step.kind in (StepKind.QUIZ, StepKind.PROJECT):
            return HttpResponseRedirect(step_url(step))
        try:
            step_finish(actor=request.user, step=step)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(step_url(step))
        enrolment = enrolment_of(user=request.user, pathway=step.pathway)
        if enrolment is not None and enrolment.is_completed:
            return HttpResponseRedirect(pathway_url(step.pathway))
        messages.success(request, _("Step done. Well done!"))
        return HttpResponseRedirect(pathway_url(step.pathway))


class _StepFormMixin:
    request: HttpRequest

    def _form(self, pathway: Any, step: Any = None, **kwargs: Any) -> StepForm:
        user = self.request.user
        others = [s.pk for s in pathway_steps(pathway=pathway) if step is None or s.pk != step.pk]
        steps = pathway.steps.filter(pk__in=others).order_by("position")
        quizzes = quizzes_visible_to(user=user, action="view") | quizzes_visible_to(user=user)
        return StepForm(
            resources=resources_visible_to(user=user).order_by("title"),
            quizzes=quizzes.distinct().order_by("title"),
            projects=projects_visible_to(user=user),
            steps=steps,
            instance=step,
            **kwargs,
        )

    @staticmethod
    def _split(form: StepForm) -> tuple[dict[str, Any], list[Any]]:
        data = dict(form.cleaned_data)
        return data, list(data.pop("prerequisites"))

    def _render(self, form: StepForm, pathway: Any, step: Any = None) -> HttpResponse:
        context = {"form": form, "pathway": pathway, "step": step}
        return render(self.request, "pathways/step_form.html", context)


class StepAddView(_StepFormMixin, _PathwayView):
    permission_required = "pathways.change_pathway"
    action = "change"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(self._form(self.permission_object), self.permission_object)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        pathway: Any = self.permission_object
        form = self._form(pathway, data=request.POST)
        if form.is_valid():
            fields, prerequisites = self._split(form)
            try:
                step_add(
                    actor=request.user, pathway=pathway, fields=fields, prerequisites=prerequisites
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The step was added."))
                return HttpResponseRedirect(pathway_url(pathway))
        return self._render(form, pathway)


class StepEditView(_StepFormMixin, _StepView):
    permission_required = "pathways.change_pathway"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(self._form(self.step.pathway, self.step), self.step.pathway, self.step)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        step = self.step
        form = self._form(step.pathway, step, data=request.POST)
        if form.is_valid():
            fields, prerequisites = self._split(form)
            try:
                step_update(
                    actor=request.user, step=step, fields=fields, prerequisites=prerequisites
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The step was saved."))
                return HttpResponseRedirect(pathway_url(step.pathway))
        return self._render(form, step.pathway, step)


class StepRemoveView(_StepView):
    """GET asks to confirm; POST removes the step."""

    permission_required = "pathways.change_pathway"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        context = {"step": self.step, "pathway": self.step.pathway}
        return render(request, "pathways/step_remove.html", context)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        pathway = self.step.pathway
        try:
            step_remove(actor=request.user, step=self.step)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The step was removed."))
        return HttpResponseRedirect(pathway_url(pathway))


class StepMoveView(_StepView):
    """POST with `direction` up or down; GET goes to the pathway."""

    permission_required = "pathways.change_pathway"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(pathway_url(self.step.pathway))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        direction = request.POST.get("direction", "")
        if direction in Direction.values:
            step_move(actor=request.user, step=self.step, direction=direction)
        return HttpResponseRedirect(pathway_url(self.step.pathway) + "#steps")


# --- enrolments ------------------------------------------------------------------------------


class EnrolmentDetailView(ScopedPermissionRequired, View):
    """A learner's own record of one pathway: when they enrolled, each step and when they did
    it. Nobody else's (404)."""

    permission_required = "pathways.view_enrolment"

    def get_permission_object(self) -> Model | None:
        return enrolment_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        enrolment: Any = self.permission_object
        steps = pathway_steps(pathway=enrolment.pathway)
        views = step_states(steps=steps, done=enrolment_done_step_ids(enrolment=enrolment))
        context = {"enrolment": enrolment, "pathway": enrolment.pathway, "steps": views}
        return render(request, "pathways/enrolment_detail.html", context)
