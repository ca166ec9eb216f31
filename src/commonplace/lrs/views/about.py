"""xAPI resources. Statements and documents are served by their own modules' views."""

from django.http import HttpResponse

from ..http import XapiRequest, XapiView, json_response


class AboutView(XapiView):
    """GET /xapi/about: the versions this LRS speaks. Needs no credentials."""

    require_version = False
    require_auth = False

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        return json_response({"version": ["1.0.3", "2.0.0"], "extensions": {}})
