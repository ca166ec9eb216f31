"""The administrators' audit log search."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import View

from commonplace.access.views import ScopedPermissionRequired

from .forms import AuditSearchForm
from .selectors import audit_events_search


class AuditEventListView(ScopedPermissionRequired, View):
    permission_required = "audit.view_auditevent"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = AuditSearchForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        events = audit_events_search(
            user=request.user,
            actor=data.get("actor") or "",
            person_id=data.get("person"),
            action=data.get("action") or "",
            since=data.get("since"),
            until=data.get("until"),
        ).select_related("actor")
        page = Paginator(events, 50).get_page(request.GET.get("page"))
        return render(request, "audit/event_list.html", {"form": form, "page": page})
