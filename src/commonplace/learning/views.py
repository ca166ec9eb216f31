"""Learning pages: the catalogue, a resource (recording `experienced`), its file, and the
authors' pages to add, change and publish resources."""

from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator

from .enums import ResourceKind
from .forms import CatalogueSearchForm, ResourceForm
from .selectors import (
    resource_activity_id,
    resource_get_visible,
    resources_search,
    topic_get_or_none,
    units_for_authoring,
)
from .services import (
    resource_create,
    resource_experience_record,
    resource_publish,
    resource_unpublish,
    resource_update,
)

PAGE_SIZE = 12


class CatalogueView(ScopedPermissionRequired, View):
    permission_required = "learning.view_resource"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = CatalogueSearchForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        resources = resources_search(
            user=request.user,
            text=data.get("q", ""),
            topic=topic_get_or_none(slug=data.get("topic")),
            level=data.get("level", ""),
            kind=data.get("kind", ""),
            duration=data.get("duration", ""),
            language=data.get("language", ""),
        )
        page = CappedPaginator(resources, PAGE_SIZE).get_page(request.GET.get("page"))
        can_add = request.user.has_perm("learning.add_resource")
        context = {"form": form, "page": page, "can_add": can_add}
        template = "learning/catalogue.html#results" if request.htmx else "learning/catalogue.html"
        return render(request, template, context)


class _ResourceView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return resource_get_visible(
            user=self.request.user, slug=self.kwargs["slug"], action=self.action
        )


class ResourceDetailView(_ResourceView):
    permission_required = "learning.view_resource"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        resource: Any = self.permission_object
        activity_id = resource_activity_id(resource)
        resource_experience_record(user=request.user, resource=resource, activity_id=activity_id)
        context = {
            "resource": resource,
            "can_change": request.user.has_perm("learning.change_resource", resource),
            "can_publish": request.user.has_perm("learning.publish_resource", resource),
        }
        return render(request, "learning/resource_detail.html", context)


def resource_path(resource: Any) -> str:
    return reverse("learning:resource-detail", args=[resource.slug])


class ResourceFileView(_ResourceView):
    """The resource's document, served through the permission check (never a public URL)."""

    permission_required = "learning.view_resource"

    def get(self, request: HttpRequest, slug: str) -> FileResponse:
        resource: Any = self.permission_object
        if resource.kind != ResourceKind.FILE or not resource.file:
            raise Http404(_("Page not found."))
        name = resource.file.name.rsplit("/", 1)[-1]
        return FileResponse(resource.file.open("rb"), as_attachment=True, filename=name)


class ResourceCreateView(ScopedPermissionRequired, View):
    permission_required = "learning.add_resource"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(data=request.POST, files=request.FILES)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "topics"}
            try:
                resource = resource_create(
                    actor=request.user,
                    owner_unit=fields.pop("owner_unit"),
                    fields=fields,
                    topics=list(form.cleaned_data["topics"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The resource was saved as a draft."))
                return HttpResponseRedirect(resource_path(resource))
        return self._render(request, form)

    def _form(self, **kwargs: Any) -> ResourceForm:
        return ResourceForm(units=units_for_authoring(user=self.request.user), **kwargs)

    def _render(self, request: HttpRequest, form: ResourceForm) -> HttpResponse:
        return render(request, "learning/resource_form.html", {"form": form, "resource": None})


class ResourceEditView(_ResourceView):
    permission_required = "learning.change_resource"
    action = "change"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(request, self._form(instance=self.permission_object))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        resource: Any = self.permission_object
        form = self._form(data=request.POST, files=request.FILES, instance=resource)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "topics"}
            if not request.FILES.get("file"):
                fields.pop("file", None)
            try:
                resource_update(
                    actor=request.user,
                    resource=resource,
                    fields=fields,
                    topics=list(form.cleaned_data["topics"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The resource was saved."))
                return HttpResponseRedirect(resource_path(resource))
        return self._render(request, form)

    def _form(self, **kwargs: Any) -> ResourceForm:
        return ResourceForm(units=units_for_authoring(user=self.request.user), **kwargs)

    def _render(self, request: HttpRequest, form: ResourceForm) -> HttpResponse:
        context = {"form": form, "resource": self.permission_object}
        return render(request, "learning/resource_form.html", context)


class ResourcePublishView(_ResourceView):
    """POST publishes (or, with `unpublish`, takes back to draft); GET goes to the resource."""

    permission_required = "learning.publish_resource"
    action = "publish"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponseRedirect(resource_path(self.permission_object))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        resource: Any = self.permission_object
        try:
            if "unpublish" in request.POST:
                resource_unpublish(actor=request.user, resource=resource)
                messages.success(request, _("The resource is a draft again."))
            else:
                resource_publish(actor=request.user, resource=resource)
                messages.success(request, _("The resource is published."))
        except DomainError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(resource_path(resource))
