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
from .errors import ReviewCommentsRequiredError
from .forms import CatalogueSearchForm, ProposalForm, ResourceForm, ReviewForm, TileForm
from .selectors import (
    proposal_get_visible,
    proposals_of,
    proposals_to_review,
    resource_activity_id,
    resource_contributor,
    resource_get_visible,
    resources_search,
    topic_get_or_none,
    units_for_authoring,
)
from .services import (
    proposal_approve,
    proposal_return,
    proposal_submit,
    proposal_update,
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
        context = {
            "form": form,
            "page": page,
            "can_add": request.user.has_perm("learning.add_resource"),
            "can_propose": request.user.has_perm("learning.add_proposal"),
            "can_review": request.user.has_perm("learning.review_proposal"),
        }
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
            "contributor": resource_contributor(resource=resource),
            "can_change": request.user.has_perm("learning.change_resource", resource),
            "can_publish": not resource.is_tile
            and request.user.has_perm("learning.publish_resource", resource),
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
            fields = form.content_fields()
            try:
                resource = resource_create(
                    actor=request.user,
                    owner_unit=form.cleaned_data["owner_unit"],
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
    """Staff change a resource; a quiz's or brief's tile only in its catalogue metadata
    (`TileForm`, decision 0250), the rest following the quiz or brief."""

    permission_required = "learning.change_resource"
    action = "change"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(request, self._form(instance=self.permission_object))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        resource: Any = self.permission_object
        form = self._form(data=request.POST, files=request.FILES, instance=resource)
        if form.is_valid():
            if isinstance(form, TileForm):
                fields = form.metadata_fields()
            else:
                fields = {**form.content_fields(), "owner_unit": form.cleaned_data["owner_unit"]}
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

    def _form(self, **kwargs: Any) -> ResourceForm | TileForm:
        resource: Any = self.permission_object
        if resource.is_tile:
            return TileForm(**kwargs)
        return ResourceForm(units=units_for_authoring(user=self.request.user), **kwargs)

    def _render(self, request: HttpRequest, form: ResourceForm | TileForm) -> HttpResponse:
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


# --- Video and captions, served behind the permission check ----------------------------------

CONTENT_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm"}


def _media_response(content: Any, part: str) -> FileResponse:
    """The uploaded video or captions of a resource or proposal, shown in the page (404 when
    it has none). Captions are served as text/vtt, which `<track>` needs."""
    stored = getattr(content, part)
    if not stored:
        raise Http404(_("Page not found."))
    name = stored.name.rsplit("/", 1)[-1]
    if part == "captions":
        content_type = "text/vtt; charset=utf-8"
    else:
        content_type = CONTENT_TYPES.get("." + name.rsplit(".", 1)[-1].lower(), "video/mp4")
    return FileResponse(stored.open("rb"), filename=name, content_type=content_type)


class ResourceVideoView(_ResourceView):
    permission_required = "learning.view_resource"

    def get(self, request: HttpRequest, slug: str) -> FileResponse:
        return _media_response(self.permission_object, "video")


class ResourceCaptionsView(_ResourceView):
    permission_required = "learning.view_resource"

    def get(self, request: HttpRequest, slug: str) -> FileResponse:
        return _media_response(self.permission_object, "captions")


# --- Community contributions with review -----------------------------------------------------


class ProposalListView(ScopedPermissionRequired, View):
    """My proposals: each with its status and the reviewer's comments."""

    permission_required = "learning.view_proposal"

    def get(self, request: HttpRequest) -> HttpResponse:
        proposals = proposals_of(user=request.user)[:100]
        can_review = request.user.has_perm("learning.review_proposal")
        return render(
            request,
            "learning/proposal_list.html",
            {"proposals": proposals, "can_review": can_review},
        )


class ProposalCreateView(ScopedPermissionRequired, View):
    permission_required = "learning.add_proposal"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, ProposalForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProposalForm(data=request.POST, files=request.FILES)
        if form.is_valid():
            try:
                proposal = proposal_submit(
                    actor=request.user,  # type: ignore[arg-type]
                    fields=form.content_fields(),
                    topics=list(form.cleaned_data["topics"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you: your proposal is waiting for review."))
                return HttpResponseRedirect(reverse("learning:proposal-detail", args=[proposal.pk]))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ProposalForm) -> HttpResponse:
        return render(request, "learning/proposal_form.html", {"form": form, "proposal": None})


class _ProposalView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return proposal_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action
        )


class ProposalDetailView(_ProposalView):
    """The proposal as its proposer or a reviewer sees it, with its status and comments."""

    permission_required = "learning.view_proposal"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        proposal: Any = self.permission_object
        context = {
            "proposal": proposal,
            "is_mine": proposal.proposer_id == request.user.pk,
            "can_review": request.user.has_perm("learning.review_proposal", proposal),
        }
        return render(request, "learning/proposal_detail.html", context)


class ProposalEditView(_ProposalView):
    """The proposer changes their proposal; saving a returned one resubmits it."""

    permission_required = "learning.change_proposal"
    action = "change"

    def get_permission_object(self) -> Model | None:
        proposal: Any = super().get_permission_object()
        if proposal.proposer_id != self.request.user.pk or not proposal.is_open:
            raise Http404(_("Page not found."))
        return proposal  # type: ignore[no-any-return]

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, ProposalForm(instance=self.permission_object))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        proposal: Any = self.permission_object
        form = ProposalForm(data=request.POST, files=request.FILES, instance=proposal)
        if form.is_valid():
            try:
                proposal_update(
                    actor=request.user,  # type: ignore[arg-type]
                    proposal=proposal,
                    fields=form.content_fields(),
                    topics=list(form.cleaned_data["topics"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your proposal is saved and waiting for review."))
                return HttpResponseRedirect(reverse("learning:proposal-detail", args=[pk]))
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: ProposalForm) -> HttpResponse:
        context = {"form": form, "proposal": self.permission_object}
        return render(request, "learning/proposal_form.html", context)


class ProposalFileView(_ProposalView):
    permission_required = "learning.view_proposal"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        proposal: Any = self.permission_object
        if not proposal.file:
            raise Http404(_("Page not found."))
        name = proposal.file.name.rsplit("/", 1)[-1]
        return FileResponse(proposal.file.open("rb"), as_attachment=True, filename=name)


class ProposalVideoView(_ProposalView):
    permission_required = "learning.view_proposal"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        return _media_response(self.permission_object, "video")


class ProposalCaptionsView(_ProposalView):
    permission_required = "learning.view_proposal"

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        return _media_response(self.permission_object, "captions")


class ReviewQueueView(ScopedPermissionRequired, View):
    """Proposals waiting for review in the reviewer's scope, oldest first."""

    permission_required = "learning.review_proposal"

    def get(self, request: HttpRequest) -> HttpResponse:
        page = CappedPaginator(proposals_to_review(user=request.user), 25).get_page(
            request.GET.get("page")
        )
        return render(request, "learning/review_queue.html", {"page": page})


class ProposalReviewView(_ProposalView):
    """A reviewer reads a waiting proposal and approves it or returns it with comments."""

    permission_required = "learning.review_proposal"
    action = "review"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, ReviewForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        proposal: Any = self.permission_object
        form = ReviewForm(request.POST)
        if form.is_valid():
            comments = form.cleaned_data["comments"]
            try:
                if "approve" in request.POST:
                    resource = proposal_approve(
                        actor=request.user,  # type: ignore[arg-type]
                        proposal=proposal,
                        comments=comments,
                    )
                    messages.success(request, _("Approved: the resource is published."))
                    return HttpResponseRedirect(resource_path(resource))
                proposal_return(
                    actor=request.user,  # type: ignore[arg-type]
                    proposal=proposal,
                    comments=comments,
                )
            except DomainError as error:
                field = "comments" if isinstance(error, ReviewCommentsRequiredError) else None
                form.add_error(field, error.message)
            else:
                messages.success(request, _("The proposal was returned with your comments."))
                return HttpResponseRedirect(reverse("learning:review-queue"))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: ReviewForm, status: int = 200) -> HttpResponse:
        proposal: Any = self.permission_object
        context = {
            "proposal": proposal,
            "form": form,
            "is_mine": proposal.proposer_id == request.user.pk,
        }
        return render(request, "learning/proposal_review.html", context, status=status)
