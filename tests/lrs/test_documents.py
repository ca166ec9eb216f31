"""The document resources (State, Activity Profile, Agent Profile), Activities and Agents, in
both versions: statuses, headers and bodies as xAPI 1.0.3 and 2.0 ask."""

import base64
import hashlib
import json
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from commonplace.lrs.enums import Scope
from commonplace.lrs.models import Statement
from commonplace.lrs.services import lrs_client_create

pytestmark = pytest.mark.django_db

VERSIONS = ["1.0.3", "2.0.0"]
ACTIVITY = "http://example.com/activities/first-aid"
AGENT = {"objectType": "Agent", "mbox": "mailto:learner@example.com"}
OTHER_AGENT = {"objectType": "Agent", "account": {"homePage": "http://x.test", "name": "7"}}
STATE = "/xapi/activities/state"
ACTIVITY_PROFILE = "/xapi/activities/profile"
AGENT_PROFILE = "/xapi/agents/profile"


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


class Lrs:
    """A Django test client speaking xAPI as one LRS client, in one version."""

    def __init__(self, client, authorization: str | None, version: str) -> None:
        self.client = client
        self.authorization = authorization
        self.version = version

    def request(self, method, path, params=None, body=None, content_type=None, **headers):
        sent = {"X-Experience-API-Version": self.version, **headers}
        if self.authorization:
            sent["Authorization"] = self.authorization
        url = f"{path}?{urlencode(self._encoded(params or {}))}" if params else path
        if isinstance(body, dict | list):
            body, content_type = json.dumps(body), content_type or "application/json"
        kwargs = {"headers": sent}
        if body is not None and method in {"PUT", "POST"}:
            kwargs.update(data=body, content_type=content_type or "application/octet-stream")
        return getattr(self.client, method.lower())(url, **kwargs)

    @staticmethod
    def _encoded(params):
        return {k: json.dumps(v) if isinstance(v, dict) else v for k, v in params.items()}

    def get(self, path, params=None, **headers):
        return self.request("GET", path, params, **headers)

    def head(self, path, params=None, **headers):
        return self.request("HEAD", path, params, **headers)

    def put(self, path, params, body, content_type=None, **headers):
        return self.request("PUT", path, params, body, content_type, **headers)

    def post(self, path, params, body, content_type=None, **headers):
        return self.request("POST", path, params, body, content_type, **headers)

    def delete(self, path, params, **headers):
        return self.request("DELETE", path, params, **headers)


def make_lrs(client, version: str, scopes) -> Lrs:
    lrs_client, secret = lrs_client_create(actor=None, name="Provider", scopes=scopes)
    return Lrs(client, basic(lrs_client.key, secret), version)


@pytest.fixture(params=VERSIONS)
def version(request) -> str:
    return request.param


@pytest.fixture
def lrs(client, version) -> Lrs:
    return make_lrs(client, version, [Scope.ALL])


def state(**extra):
    return {"activityId": ACTIVITY, "agent": AGENT, "stateId": "bookmark", **extra}


def activity_profile(**extra):
    return {"activityId": ACTIVITY, "profileId": "settings", **extra}


def agent_profile(**extra):
    return {"agent": AGENT, "profileId": "preferences", **extra}


RESOURCES = [
    pytest.param(STATE, state, id="state"),
    pytest.param(ACTIVITY_PROFILE, activity_profile, id="activity-profile"),
    pytest.param(AGENT_PROFILE, agent_profile, id="agent-profile"),
]


def sha1(content: bytes) -> str:
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


# Storing and reading one document


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_put_then_get_returns_the_document_with_etag_and_last_modified(lrs, path, params):
    body = b'{"page": 3}'
    put = lrs.put(path, params(), body, "application/json", **{"If-None-Match": "*"})
    assert put.status_code == 204
    assert put["X-Experience-API-Version"] == lrs.version

    got = lrs.get(path, params())
    assert got.status_code == 200
    assert got.content == body
    assert got["Content-Type"] == "application/json"
    assert got["ETag"] == f'"{sha1(body)}"'
    modified = parse_http_date(got["Last-Modified"])
    assert abs(modified - timezone.now().timestamp()) < 5


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_binary_documents_are_kept_as_bytes_with_their_content_type(lrs, path, params):
    body = bytes(range(256))
    assert lrs.post(path, params(), body, "image/png").status_code == 204
    got = lrs.get(path, params())
    assert got.content == body
    assert got["Content-Type"] == "image/png"
    assert got["ETag"] == f'"{sha1(body)}"'


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_get_of_an_absent_document_is_404(lrs, path, params):
    response = lrs.get(path, params())
    assert response.status_code == 404
    assert "No document" in response.json()["error"]["message"]


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_head_answers_like_get_without_a_body(lrs, path, params):
    lrs.post(path, params(), {"a": 1})
    response = lrs.head(path, params())
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == lrs.get(path, params())["ETag"]


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_put_with_json_content_type_must_be_json(lrs, path, params):
    response = lrs.put(path, params(), b"{not json", "application/json")
    assert response.status_code == 400
    assert lrs.get(path, params()).status_code == 404


def test_state_registration_names_a_separate_document(lrs):
    registration = str(uuid.uuid4())
    lrs.post(STATE, state(), {"where": "none"})
    lrs.post(STATE, state(registration=registration), {"where": "registered"})
    assert lrs.get(STATE, state()).json() == {"where": "none"}
    assert lrs.get(STATE, state(registration=registration)).json() == {"where": "registered"}
    assert lrs.get(STATE, state(registration=str(uuid.uuid4()))).status_code == 404


def test_the_same_agent_in_another_form_is_the_same_agent(lrs):
    lrs.post(AGENT_PROFILE, agent_profile(), {"a": 1})
    same = {"mbox": "mailto:learner@example.com", "name": "A learner"}
    assert lrs.get(AGENT_PROFILE, agent_profile(agent=same)).json() == {"a": 1}
    assert lrs.get(AGENT_PROFILE, agent_profile(agent=OTHER_AGENT)).status_code == 404


# POST: create or merge


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_post_merges_json_objects_one_level_deep(lrs, path, params):
    assert lrs.post(path, params(), {"car": {"make": "Ford"}, "driver": "Dale"}).status_code == 204
    assert lrs.post(path, params(), {"car": {"model": "Ram"}, "series": 1}).status_code == 204
    got = lrs.get(path, params())
    assert got.json() == {"car": {"model": "Ram"}, "driver": "Dale", "series": 1}
    assert got["ETag"] == f'"{sha1(got.content)}"'


@pytest.mark.parametrize(("path", "params"), RESOURCES)
@pytest.mark.parametrize(
    ("first", "first_type", "second", "second_type"),
    [
        pytest.param(b'{"a":1}', "application/json", b"abc", "text/plain", id="new-not-json"),
        pytest.param(b"abc", "text/plain", b'{"a":1}', "application/json", id="stored-not-json"),
        pytest.param(b'{"a":1}', "application/json", b'{"a":', "application/json", id="bad-json"),
        pytest.param(b'{"a":1}', "application/json", b"[1,2]", "application/json", id="array"),
        pytest.param(b"[1]", "application/json", b'{"a":1}', "application/json", id="stored-array"),
    ],
)
def test_post_over_a_document_refuses_anything_but_two_json_objects(
    lrs, path, params, first, first_type, second, second_type
):
    assert lrs.put(path, params(), first, first_type, **{"If-None-Match": "*"}).status_code == 204
    response = lrs.post(path, params(), second, second_type)
    assert response.status_code == 400
    assert "JSON objects" in response.json()["error"]["message"]
    assert lrs.get(path, params()).content == first


# Concurrency


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_put_with_if_match_replaces_only_the_matching_version(lrs, path, params):
    lrs.post(path, params(), {"v": 1})
    etag = lrs.get(path, params())["ETag"]
    refused = lrs.put(path, params(), {"v": 2}, **{"If-Match": '"1234"'})
    assert refused.status_code == 412
    assert lrs.get(path, params()).json() == {"v": 1}
    assert lrs.put(path, params(), {"v": 2}, **{"If-Match": etag}).status_code == 204
    assert lrs.get(path, params()).json() == {"v": 2}
    assert lrs.put(path, params(), {"v": 3}, **{"If-Match": etag}).status_code == 412
    assert lrs.put(path, params(), {"v": 3}, **{"If-Match": "*"}).status_code == 204


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_if_none_match_star_creates_only_when_absent(lrs, path, params):
    assert lrs.put(path, params(), {"v": 1}, **{"If-None-Match": "*"}).status_code == 204
    assert lrs.put(path, params(), {"v": 2}, **{"If-None-Match": "*"}).status_code == 412
    assert lrs.get(path, params()).json() == {"v": 1}


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_if_match_on_an_absent_document_fails(lrs, path, params):
    response = lrs.put(path, params(), {"v": 1}, **{"If-Match": '"abc"'})
    assert response.status_code == 412
    assert lrs.get(path, params()).status_code == 404


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_post_and_delete_honour_if_match(lrs, path, params):
    lrs.post(path, params(), {"v": 1})
    etag = lrs.get(path, params())["ETag"]
    assert lrs.post(path, params(), {"w": 2}, **{"If-Match": '"0000"'}).status_code == 412
    assert lrs.delete(path, params(), **{"If-Match": '"0000"'}).status_code == 412
    assert lrs.get(path, params()).json() == {"v": 1}
    assert lrs.post(path, params(), {"w": 2}, **{"If-Match": etag}).status_code == 204
    etag = lrs.get(path, params())["ETag"]
    assert lrs.delete(path, params(), **{"If-Match": f"W/{etag}"}).status_code == 204
    assert lrs.get(path, params()).status_code == 404


@pytest.mark.parametrize(("path", "params"), RESOURCES[1:])
def test_profile_put_over_an_existing_document_without_a_condition_is_409(lrs, path, params):
    lrs.post(path, params(), {"v": 1})
    response = lrs.put(path, params(), {"v": 2})
    assert response.status_code == 409
    assert "If-Match" in response.json()["error"]["message"]
    assert lrs.get(path, params()).json() == {"v": 1}


def test_state_put_without_a_condition_overwrites_in_1_0_3_and_is_409_in_2_0(client):
    for version, expected in [("1.0.3", 204), ("2.0.0", 409)]:
        lrs = make_lrs(client, version, [Scope.STATE])
        params = state(stateId=f"s-{version}")
        assert lrs.put(STATE, params, {"v": 1}).status_code == 204
        assert lrs.put(STATE, params, {"v": 2}).status_code == expected
        assert lrs.get(STATE, params).json() == ({"v": 2} if expected == 204 else {"v": 1})


def test_state_put_of_a_new_document_needs_no_condition(lrs):
    assert lrs.put(STATE, state(), {"v": 1}).status_code == 204


@pytest.mark.parametrize(("path", "params"), RESOURCES[1:])
def test_profile_put_of_a_new_document_needs_a_condition_in_1_0_3_only(client, path, params):
    old = make_lrs(client, "1.0.3", [Scope.PROFILE])
    refused = old.put(path, params(), {"v": 1})
    assert refused.status_code == 400
    assert "If-None-Match" in refused.json()["error"]["message"]
    assert old.get(path, params()).status_code == 404
    assert (
        make_lrs(client, "2.0.0", [Scope.PROFILE]).put(path, params(), {"v": 1}).status_code == 204
    )


# Lists of ids and since


@pytest.mark.parametrize(
    ("path", "params", "id_param"),
    [
        pytest.param(STATE, state, "stateId", id="state"),
        pytest.param(ACTIVITY_PROFILE, activity_profile, "profileId", id="activity-profile"),
        pytest.param(AGENT_PROFILE, agent_profile, "profileId", id="agent-profile"),
    ],
)
def test_get_without_an_id_lists_ids_since_a_time(lrs, path, params, id_param):
    from commonplace.lrs.models import Document

    for name in ("old", "b", "a"):
        lrs.post(path, params(**{id_param: name}), {"n": name})
    Document.objects.filter(document_id="old").update(updated=timezone.now() - timedelta(hours=2))
    listing = params()
    del listing[id_param]

    everything = lrs.get(path, listing)
    assert everything.status_code == 200
    assert everything.json() == ["a", "b", "old"]
    assert "Last-Modified" in everything

    hour_ago = (datetime.now(tz=UTC) - timedelta(hours=1)).isoformat().replace("+00:00", "Z")
    recent = lrs.get(path, {**listing, "since": hour_ago})
    assert recent.json() == ["a", "b"]
    future = (datetime.now(tz=UTC) + timedelta(hours=1)).isoformat()
    assert lrs.get(path, {**listing, "since": future}).json() == []


def test_state_list_keeps_to_its_activity_agent_and_registration(lrs):
    registration = str(uuid.uuid4())
    lrs.post(STATE, state(stateId="plain"), {"a": 1})
    lrs.post(STATE, state(stateId="registered", registration=registration), {"a": 1})
    lrs.post(STATE, state(stateId="other-agent", agent=OTHER_AGENT), {"a": 1})
    lrs.post(STATE, state(stateId="other-activity", activityId=ACTIVITY + "/2"), {"a": 1})
    context = {"activityId": ACTIVITY, "agent": AGENT}
    assert lrs.get(STATE, context).json() == ["plain", "registered"]
    assert lrs.get(STATE, {**context, "registration": registration}).json() == ["registered"]


def test_an_empty_list_is_an_empty_array(lrs):
    response = lrs.get(ACTIVITY_PROFILE, {"activityId": ACTIVITY})
    assert response.status_code == 200
    assert response.json() == []


# DELETE


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_delete_removes_one_document(lrs, path, params):
    lrs.post(path, params(), {"a": 1})
    assert lrs.delete(path, params()).status_code == 204
    assert lrs.get(path, params()).status_code == 404
    assert lrs.delete(path, params()).status_code == 204  # deleting nothing is harmless


def test_state_delete_without_an_id_removes_every_match(lrs):
    registration = str(uuid.uuid4())
    lrs.post(STATE, state(stateId="one"), {"a": 1})
    lrs.post(STATE, state(stateId="two", registration=registration), {"a": 1})
    lrs.post(STATE, state(stateId="kept", agent=OTHER_AGENT), {"a": 1})
    context = {"activityId": ACTIVITY, "agent": AGENT}

    assert lrs.delete(STATE, {**context, "registration": str(uuid.uuid4())}).status_code == 204
    assert lrs.get(STATE, context).json() == ["one", "two"]
    assert lrs.delete(STATE, {**context, "registration": registration}).status_code == 204
    assert lrs.get(STATE, context).json() == ["one"]
    assert lrs.delete(STATE, context).status_code == 204
    assert lrs.get(STATE, context).json() == []
    assert lrs.get(STATE, {"activityId": ACTIVITY, "agent": OTHER_AGENT}).json() == ["kept"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        pytest.param(ACTIVITY_PROFILE, {"activityId": ACTIVITY}, id="activity-profile"),
        pytest.param(AGENT_PROFILE, {"agent": AGENT}, id="agent-profile"),
    ],
)
def test_profile_delete_needs_the_profile_id(lrs, path, params):
    response = lrs.delete(path, params)
    assert response.status_code == 400
    assert "profileId" in response.json()["error"]["message"]


# Parameters


@pytest.mark.parametrize(
    ("method", "path", "params", "message"),
    [
        ("PUT", STATE, {"agent": AGENT, "stateId": "s"}, "activityId"),
        ("GET", STATE, {"activityId": ACTIVITY}, "agent"),
        ("POST", STATE, {"activityId": ACTIVITY, "agent": AGENT}, "stateId"),
        ("DELETE", STATE, {"agent": AGENT}, "activityId"),
        ("PUT", ACTIVITY_PROFILE, {"activityId": ACTIVITY}, "profileId"),
        ("GET", ACTIVITY_PROFILE, {}, "activityId"),
        ("POST", AGENT_PROFILE, {"profileId": "p"}, "agent"),
        ("GET", AGENT_PROFILE, {}, "agent"),
    ],
)
def test_missing_parameters_are_400_naming_them(lrs, method, path, params, message):
    response = lrs.request(method, path, params, b"{}", "application/json")
    assert response.status_code == 400
    assert "Missing parameter" in response.json()["error"]["message"]
    assert message in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path", "params", "message"),
    [
        ("GET", STATE, state(colour="red"), "Unexpected parameter"),
        ("PUT", STATE, state(since="2024-01-01T00:00:00Z"), "Unexpected parameter"),
        ("DELETE", STATE, {"activityId": ACTIVITY, "agent": AGENT, "since": "x"}, "Unexpected"),
        ("GET", ACTIVITY_PROFILE, activity_profile(registration=str(uuid.uuid4())), "Unexpected"),
        ("PUT", AGENT_PROFILE, agent_profile(activityId=ACTIVITY), "Unexpected parameter"),
        ("GET", STATE, state(agent="not json"), "agent"),
        ("PUT", STATE, state(agent="true"), "agent"),
        ("POST", STATE, state(agent={"name": "No identifier"}), "agent"),
        ("DELETE", AGENT_PROFILE, agent_profile(agent='{"mbox": '), "agent"),
        ("PUT", STATE, state(registration="not-a-uuid"), "registration"),
        ("GET", STATE, state(registration="true"), "registration"),
        ("GET", STATE, {"activityId": ACTIVITY, "agent": AGENT, "since": "yesterday"}, "since"),
        ("GET", AGENT_PROFILE, {"agent": AGENT, "since": "true"}, "since"),
        ("GET", AGENT_PROFILE, agent_profile(since="2024-13-45T00:00:00Z"), "since"),
        ("PUT", ACTIVITY_PROFILE, activity_profile(activityId="not an iri"), "activityId"),
        ("PUT", ACTIVITY_PROFILE, activity_profile(profileId=""), "Empty parameter"),
    ],
)
def test_bad_parameters_are_400_saying_why(lrs, method, path, params, message):
    response = lrs.request(method, path, params, b"{}", "application/json")
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]


def test_a_rejected_write_changes_nothing(lrs):
    lrs.post(STATE, state(), {"a": 1})
    lrs.put(STATE, state(registration="nope"), {"a": 2}, **{"If-Match": "*"})
    assert lrs.get(STATE, state()).json() == {"a": 1}


# Credentials and scopes


@pytest.mark.parametrize(("path", "params"), RESOURCES)
def test_no_credentials_is_401(client, version, path, params):
    anonymous = Lrs(client, None, version)
    response = anonymous.get(path, params())
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


@pytest.mark.parametrize(
    ("scopes", "path", "params", "method", "expected"),
    [
        ([Scope.STATE], STATE, state, "POST", 204),
        ([Scope.STATE], ACTIVITY_PROFILE, activity_profile, "POST", 403),
        ([Scope.PROFILE], AGENT_PROFILE, agent_profile, "POST", 204),
        ([Scope.PROFILE], ACTIVITY_PROFILE, activity_profile, "POST", 204),
        ([Scope.PROFILE], STATE, state, "POST", 403),
        ([Scope.STATEMENTS_WRITE], STATE, state, "POST", 403),
        ([Scope.ALL_READ], STATE, state, "GET", 404),
        ([Scope.ALL_READ], AGENT_PROFILE, agent_profile, "GET", 404),
        ([Scope.ALL_READ], STATE, state, "POST", 403),
        ([Scope.ALL_READ], ACTIVITY_PROFILE, activity_profile, "DELETE", 403),
        ([Scope.STATEMENTS_READ], AGENT_PROFILE, agent_profile, "GET", 403),
        ([Scope.ALL], ACTIVITY_PROFILE, activity_profile, "POST", 204),
    ],
)
def test_scopes(client, version, scopes, path, params, method, expected):
    lrs = make_lrs(client, version, scopes)
    response = lrs.request(method, path, params(), b'{"a":1}', "application/json")
    assert response.status_code == expected
    if expected == 403:
        assert "scope" in response.json()["error"]["message"]


def test_a_document_written_under_one_version_is_read_under_the_other(client):
    make_lrs(client, "1.0.3", [Scope.ALL]).post(STATE, state(), {"a": 1})
    assert make_lrs(client, "2.0.0", [Scope.ALL]).get(STATE, state()).json() == {"a": 1}


def test_the_alternate_request_syntax_reaches_documents_in_1_0_3(client):
    lrs_client, secret = lrs_client_create(actor=None, name="CORS", scopes=[Scope.ALL])
    form = {
        "Authorization": basic(lrs_client.key, secret),
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "content": '{"from": "form"}',
        **{k: json.dumps(v) if isinstance(v, dict) else v for k, v in state().items()},
    }
    response = client.post(
        f"{STATE}?method=PUT", urlencode(form), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 204
    lrs = Lrs(client, basic(lrs_client.key, secret), "1.0.3")
    assert lrs.get(STATE, state()).json() == {"from": "form"}


# Activities and Agents


def statement_about(activity_id: str, definition: dict | None, stored: datetime) -> Statement:
    activity = {"objectType": "Activity", "id": activity_id}
    if definition is not None:
        activity["definition"] = definition
    statement_id = uuid.uuid4()
    return Statement.objects.create(
        statement_id=statement_id,
        stored=stored,
        timestamp=stored,
        actor_key="mbox:mailto:learner@example.com",
        verb_id="http://adlnet.gov/expapi/verbs/attended",
        activity_id=activity_id,
        version="2.0.0",
        data={"id": str(statement_id), "actor": AGENT, "object": activity},
    )


def test_activities_returns_the_latest_definition(lrs):
    now = timezone.now()
    statement_about(ACTIVITY, {"name": {"en-GB": "Old"}}, now - timedelta(days=1))
    statement_about(ACTIVITY, {"name": {"en-GB": "First aid"}}, now)
    response = lrs.get("/xapi/activities", {"activityId": ACTIVITY})
    assert response.status_code == 200
    assert response.json() == {
        "objectType": "Activity",
        "id": ACTIVITY,
        "definition": {"name": {"en-GB": "First aid"}},
    }


def test_activities_returns_an_activity_with_its_id_alone_when_unknown(lrs):
    response = lrs.get("/xapi/activities", {"activityId": ACTIVITY + "/never-seen"})
    assert response.status_code == 200
    assert response.json() == {"objectType": "Activity", "id": ACTIVITY + "/never-seen"}


@pytest.mark.parametrize(
    "params",
    [{}, {"activityId": ""}, {"activityId": "true"}, {"activityId": ACTIVITY, "extra": "1"}],
)
def test_activities_refuses_bad_parameters(lrs, params):
    assert lrs.get("/xapi/activities", params).status_code == 400


def test_activities_head_has_no_body(lrs):
    response = lrs.head("/xapi/activities", {"activityId": ACTIVITY})
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize(
    ("agent", "person"),
    [
        (
            {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.com"},
            {"objectType": "Person", "name": ["Ann"], "mbox": ["mailto:ann@example.com"]},
        ),
        (
            {"mbox_sha1sum": "a" * 40},
            {"objectType": "Person", "mbox_sha1sum": ["a" * 40]},
        ),
        (
            {"openid": "http://id.test/ann"},
            {"objectType": "Person", "openid": ["http://id.test/ann"]},
        ),
        (OTHER_AGENT, {"objectType": "Person", "account": [OTHER_AGENT["account"]]}),
    ],
)
def test_agents_returns_a_person_of_arrays(lrs, agent, person):
    response = lrs.get("/xapi/agents", {"agent": agent})
    assert response.status_code == 200
    assert response.json() == person


@pytest.mark.parametrize(
    "params",
    [{}, {"agent": "not json"}, {"agent": {"name": "No identifier"}}, {"agent": AGENT, "x": "1"}],
)
def test_agents_refuses_bad_parameters(lrs, params):
    assert lrs.get("/xapi/agents", params).status_code == 400


@pytest.mark.parametrize(
    ("scopes", "expected"),
    [
        ([Scope.ALL_READ], 200),
        ([Scope.STATEMENTS_READ], 200),
        ([Scope.DEFINE], 200),
        ([Scope.STATE], 403),
        ([Scope.STATEMENTS_WRITE], 403),
    ],
)
def test_activities_and_agents_scopes(client, version, scopes, expected):
    lrs = make_lrs(client, version, scopes)
    assert lrs.get("/xapi/activities", {"activityId": ACTIVITY}).status_code == expected
    assert lrs.get("/xapi/agents", {"agent": AGENT}).status_code == expected


def test_activities_and_agents_need_credentials(client, version):
    anonymous = Lrs(client, None, version)
    assert anonymous.get("/xapi/activities", {"activityId": ACTIVITY}).status_code == 401
    assert anonymous.get("/xapi/agents", {"agent": AGENT}).status_code == 401
