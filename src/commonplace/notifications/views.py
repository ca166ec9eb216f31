"""The notifications page: a person's own notifications, newest first; marking them read."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired

from .selectors import notification_get_visible, notifications_visible_to
from .services import notification_mark_read, notifications_mark_all_read

PAGE_SIZE = 25


class NotificationListView(ScopedPermissionRequired, View):
    """GET lists; POST marks them all read."""

    permission_required = "notifications.view_notification"

    def get(self, request: HttpRequest) -> HttpResponse:
        notifications = notifications_visible_to(user=request.user)
        page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
        has_unread = notifications.filter(read_at__isnull=True).exists()
        context = {"page": page, "has_unread": has_unread}
        return render(request, "notifications/notification_list.html", context)

    def post(self, request: HttpRequest) -> HttpResponse:
        count = notifications_mark_all_read(user=request.user)  # type: ignore[arg-type]
        if count:
            messages.success(request, _("All your notifications are marked as read."))
        return HttpResponseRedirect(reverse("notifications:notification-list"))


class NotificationReadView(ScopedPermissionRequired, View):
    """POST marks one notification read, then opens it (`open`) or goes back to the list."""

    permission_required = "notifications.change_notification"

    def get_permission_object(self) -> Model | None:
        return notification_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action="change"
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("notifications:notification-list"))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        notification: Any = self.permission_object
        notification_mark_read(user=request.user, notification=notification)  # type: ignore[arg-type]
        target = notification.url
        if "open" in request.POST and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}
        ):
            return HttpResponseRedirect(target)
        return HttpResponseRedirect(reverse("notifications:notification-list"))
