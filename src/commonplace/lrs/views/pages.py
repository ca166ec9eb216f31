"""The LRS pages for people (not the xAPI interface): staff browse statements and manage
clients; everyone signed in reads and downloads their own learning record."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator

from ..forms import ClientForm, StatementFilterForm
from ..selectors.pages import (
    client_get_visible,
    clients_may_be_federation_wide,
    clients_visible_to,
    statement_as_json,
    statement_get_visible,
    statement_summarise,
    statements_browse,
    statements_export,
    statements_summarise,
    unions_for_clients,
)
from ..selectors.people import statements_of_user
from ..services.clients import lrs_client_create, lrs_client_deactivate
from ..services.records import statement_view_record

PAGE_SIZE = 25


class StatementListView(ScopedPermissionRequired, View):
    """Statements of the user's unions, newest first, filtered by a GET form (htmx: the rows)."""

    permission_required = "lrs.view_statement"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = StatementFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        statements = statements_browse(
            user=request.user, **{k: v for k, v in filters.items() if v not in (None, "")}
        )
        page = CappedPaginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            "form": form,
            "page": page,
            "rows": statements_summarise(list(page.object_list), viewer=request.user),
            "can_see_clients": request.user.has_perm("lrs.view_client"),
        }
        template = "lrs/statement_list.html#results" if request.htmx else "lrs/statement_list.html"
        return render(request, template, context)


class StatementDetailView(ScopedPermissionRequired, View):
    permission_required = "lrs.view_statement"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        statement = statement_get_visible(user=request.user, pk=pk)
        statement_view_record(actor=request.user, statement=statement)
        context = {
            "statement": statement,
            "summary": statement_summarise(statement),
            "pretty": statement_as_json(statement),
        }
        return render(request, "lrs/statement_detail.html", context)


class ClientListView(ScopedPermissionRequired, View):
    permission_required = "lrs.view_client"

    def get(self, request: HttpRequest) -> HttpResponse:
        clients = clients_visible_to(user=request.user)
        page = CappedPaginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
        can_add = request.user.has_perm("lrs.add_client")
        return render(request, "lrs/client_list.html", {"page": page, "can_add": can_add})


@method_decorator(never_cache, name="dispatch")
class ClientAddView(ScopedPermissionRequired, View):
    """Issue a client. The secret is shown in the response to the POST and never again: it is
    not stored in clear, so there is nothing to redirect to (and the page is never cached)."""

    permission_required = "lrs.add_client"

    def _form(self, data: Any = None) -> ClientForm:
        user = self.request.user
        return ClientForm(
            data,
            unions=unions_for_clients(user=user),
            federation_wide=clients_may_be_federation_wide(user=user),
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "lrs/client_form.html", {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if not form.is_valid():
            return render(request, "lrs/client_form.html", {"form": form})
        client, secret = lrs_client_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            union=form.cleaned_data["union"],
        )
        context = {
            "client": client,
            "secret": secret,
            "endpoint": request.build_absolute_uri(reverse("lrs:about")).removesuffix("about"),
        }
        return render(request, "lrs/client_created.html", context)


class ClientDeactivateView(ScopedPermissionRequired, View):
    permission_required = "lrs.deactivate_client"

    def get_permission_object(self) -> Model:
        return client_get_visible(user=self.request.user, pk=self.kwargs["pk"], action="deactivate")

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render(request, "lrs/client_deactivate.html", {"client": self.permission_object})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        try:
            lrs_client_deactivate(actor=request.user, client=self.permission_object)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The client was deactivated. Its key no longer works."))
        return HttpResponseRedirect(reverse("lrs_pages:client-list"))


class MyRecordView(ScopedPermissionRequired, View):
    """Everyone's own statements (matched by their agent), and nobody else's."""

    permission_required = "lrs.read_statement"

    def get(self, request: HttpRequest) -> HttpResponse:
        statements = statements_of_user(user=request.user)
        page = CappedPaginator(statements, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = statements_summarise(list(page.object_list))
        return render(request, "lrs/my_record.html", {"page": page, "rows": rows})


class MyRecordDownloadView(ScopedPermissionRequired, View):
    """All the user's own statements as an xAPI statements array (JSON), to keep or take away."""

    permission_required = "lrs.read_statement"

    def get(self, request: HttpRequest) -> HttpResponse:
        data = statements_export(statements=statements_of_user(user=request.user))
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="learning-record.json"'
        return response
