"""The one view mixin for permission checks: anonymous → log in; not yours → 404."""

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.translation import gettext as _


class ScopedPermissionRequired:
    """Requires `permission_required` ("app.action_model") for the request's user.

    Anonymous users are sent to log in. A user with no rule for the permission gets 404, as
    does one asking for an object outside their scope: existence is never leaked. Views fetch
    objects through their app's `*_get_visible` selector, which also answers 404.
    """

    permission_required: str = ""

    def get_permission_object(self) -> Model | None:
        return None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.permission_required:
            raise Http404(_("No permission is declared for this page."))
        self.request = request
        self.args, self.kwargs = args, kwargs
        if not request.user.has_perm(self.permission_required, self.get_permission_object()):
            raise Http404(_("Page not found."))
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
