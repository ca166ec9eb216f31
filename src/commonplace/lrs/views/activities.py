"""The Activities (/activities) and Agents (/agents) resources: what the LRS knows of one
activity or one agent."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from ..enums import Scope
from ..http import XapiRequest, XapiView, json_response
from ..selectors.statements import activity_definition
from .documents import HeadAsGetMixin
from .params import param_agent, param_iri, params_check

READ_SCOPES: set[str] = {Scope.ALL_READ, Scope.STATEMENTS_READ, Scope.DEFINE}
IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")


class ActivitiesView(HeadAsGetMixin, XapiView):
    """GET /xapi/activities?activityId=…: the Activity with its definition, when one is known.

    An activity no statement has described still gets an Activity object with its id alone.
    """

    scopes = {"GET": READ_SCOPES, "HEAD": READ_SCOPES}

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        params_check(xreq, required={"activityId"}, optional=set())
        activity_id = param_iri(xreq, "activityId")
        activity: dict[str, Any] = {"objectType": "Activity", "id": activity_id}
        definition = activity_definition(activity_id)
        if definition:
            activity["definition"] = definition
        return json_response(activity)


class AgentsView(HeadAsGetMixin, XapiView):
    """GET /xapi/agents?agent=…: the Person the LRS knows for an agent.

    Built from the agent given: each property an array, holding its name and its identifier.
    """

    scopes = {"GET": READ_SCOPES, "HEAD": READ_SCOPES}

    def handle_get(self, xreq: XapiRequest) -> HttpResponse:
        params_check(xreq, required={"agent"}, optional=set())
        agent, _ = param_agent(xreq)
        person: dict[str, Any] = {"objectType": "Person"}
        if isinstance(agent.get("name"), str):
            person["name"] = [agent["name"]]
        for name in IFI_PROPERTIES:
            if name in agent:
                person[name] = [agent[name]]
        return json_response(person)
