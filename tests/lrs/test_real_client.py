"""The LRS as an independent client sees it: Rustici's TinCanPython over real HTTP.

Everything here goes through `tincan.RemoteLRS` against `live_server`, so the requests are
built, sent and parsed by code that was not written against this LRS: its own serialisation
of statements and agents, its own query strings, its own reading of `more` links and of
document responses. TinCanPython speaks xAPI 1.0.x, so the client talks 1.0.3.
"""

from __future__ import annotations

import json
import uuid

import pytest
from tincan import (
    About,
    Activity,
    ActivityDefinition,
    ActivityProfileDocument,
    Agent,
    AgentProfileDocument,
    LanguageMap,
    RemoteLRS,
    StateDocument,
    Statement,
    StatementRef,
    Verb,
)
from tincan.http_request import HTTPRequest

from commonplace.lrs.enums import Scope
from commonplace.lrs.models import Statement as StoredStatement
from commonplace.lrs.services import lrs_client_create

pytestmark = pytest.mark.django_db(transaction=True)

COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
COURSE = "http://example.test/activities/organising-1"


@pytest.fixture
def lrs(live_server) -> RemoteLRS:
    lrs_client, secret = lrs_client_create(actor=None, name="TinCanPython", scopes=[Scope.ALL])
    return RemoteLRS(
        endpoint=f"{live_server.url}/xapi/",
        version="1.0.3",
        username=lrs_client.key,
        password=secret,
    )


def agent(email: str = "learner@example.test") -> Agent:
    return Agent(name="A Learner", mbox=f"mailto:{email}")


def verb(iri: str = COMPLETED, word: str = "completed") -> Verb:
    return Verb(id=iri, display=LanguageMap({"en-GB": word}))


def activity(iri: str = COURSE) -> Activity:
    return Activity(
        id=iri, definition=ActivityDefinition(name=LanguageMap({"en-GB": "Organising 1"}))
    )


def statement(**kwargs) -> Statement:
    return Statement(
        actor=kwargs.pop("actor", agent()),
        verb=kwargs.pop("verb", verb()),
        object=kwargs.pop("object", activity()),
        **kwargs,
    )


def test_statement_round_trip(lrs):
    saved = lrs.save_statement(statement())
    assert saved.success, saved.data
    statement_id = saved.content.id
    assert uuid.UUID(str(statement_id))

    got = lrs.retrieve_statement(statement_id)
    assert got.success, got.data
    assert str(got.content.id) == str(statement_id)
    assert got.content.actor.mbox == "mailto:learner@example.test"
    assert got.content.verb.id == COMPLETED
    assert got.content.object.id == COURSE
    assert got.content.object.definition.name["en-GB"] == "Organising 1"
    assert got.content.stored is not None
    assert got.content.authority is not None
    assert got.content.version.startswith("1.0")


def test_put_with_client_chosen_id(lrs):
    chosen = str(uuid.uuid4())
    saved = lrs.save_statement(statement(id=chosen))
    assert saved.success, saved.data
    assert saved.response.status == 204

    got = lrs.retrieve_statement(chosen)
    assert got.success
    assert str(got.content.id) == chosen


def test_batch_then_filtered_query_following_more(lrs, settings):
    settings.LRS_PAGE_SIZE = 2
    alice, bob = agent("alice@example.test"), agent("bob@example.test")
    batch = [statement(actor=alice) for _ in range(5)]
    batch += [statement(actor=alice, verb=verb(ATTEMPTED, "attempted")) for _ in range(2)]
    batch += [statement(actor=bob) for _ in range(3)]

    saved = lrs.save_statements(batch)
    assert saved.success, saved.data
    ids = [str(s.id) for s in saved.content]
    assert len(ids) == len(set(ids)) == 10
    assert StoredStatement.objects.count() == 10

    # TinCanPython sends str(value), so a Python True would go out as "True", which this LRS
    # rejects (xAPI booleans are JSON's `true`/`false`); pass the wire form.
    result = lrs.query_statements({"agent": alice, "verb": verb(), "ascending": "true"})
    assert result.success, result.data
    seen = [str(s.id) for s in result.content.statements]
    pages = 1
    while result.content.more:
        result = lrs.more_statements(result.content)
        assert result.success, result.data
        seen += [str(s.id) for s in result.content.statements]
        pages += 1
    assert pages == 3
    assert seen == ids[:5]
    assert all(len(page) <= 2 for page in [seen[0:2], seen[2:4], seen[4:]])


def test_voiding(lrs):
    target = lrs.save_statement(statement())
    assert target.success
    target_id = str(target.content.id)

    voiding = lrs.save_statement(
        statement(verb=verb(VOIDED, "voided"), object=StatementRef(id=target_id))
    )
    assert voiding.success, voiding.data

    gone = lrs.retrieve_statement(target_id)
    assert not gone.success
    assert gone.response.status == 404

    voided = lrs.retrieve_voided_statement(target_id)
    assert voided.success, voided.data
    assert str(voided.content.id) == target_id

    listed = lrs.query_statements({"verb": verb()})
    assert listed.success
    assert target_id not in [str(s.id) for s in listed.content.statements]


def test_state_document(lrs):
    body = json.dumps({"bookmark": "page-3"})
    doc = StateDocument(
        id="resume",
        activity=activity(),
        agent=agent(),
        content=body,
        content_type="application/json",
    )
    assert lrs.save_state(doc).success

    ids = lrs.retrieve_state_ids(activity(), agent())
    assert ids.success
    assert ids.content == ["resume"]

    got = lrs.retrieve_state(activity(), agent(), "resume")
    assert got.success
    assert json.loads(got.content.content) == {"bookmark": "page-3"}

    deleted = lrs.delete_state(doc)
    assert deleted.success
    assert deleted.response.status == 204
    after = lrs.retrieve_state(activity(), agent(), "resume")
    assert after.response.status == 404


def put_if_absent(lrs: RemoteLRS, resource: str, params: dict, doc) -> object:
    """Create a profile document with If-None-Match: *, through the library's transport.

    This LRS follows ADL's 1.0.3 suite in refusing (400) a profile PUT that carries neither
    If-Match nor If-None-Match, and TinCanPython can send only If-Match (from `etag`).
    """
    request = HTTPRequest(method="PUT", resource=resource, content=doc.content)
    request.headers["Content-Type"] = doc.content_type
    request.headers["If-None-Match"] = "*"
    request.query_params = params
    return lrs._send_request(request)


def test_activity_profile(lrs):
    doc = ActivityProfileDocument(
        id="syllabus", activity=activity(), content="week 1: organising", content_type="text/plain"
    )
    refused = lrs.save_activity_profile(doc)
    assert refused.response.status == 400
    assert "If-None-Match" in json.loads(refused.data)["error"]["message"]

    params = {"activityId": COURSE, "profileId": "syllabus"}
    assert put_if_absent(lrs, "activities/profile", params, doc).success

    ids = lrs.retrieve_activity_profile_ids(activity())
    assert ids.success
    assert ids.content == ["syllabus"]

    got = lrs.retrieve_activity_profile(activity(), "syllabus")
    assert got.success
    assert got.content.content == bytearray(b"week 1: organising")

    doc.etag = got.response.getheader("ETag")
    doc.content = "week 1: organising; week 2: bargaining"
    updated = lrs.save_activity_profile(doc)
    assert updated.success, updated.data
    got = lrs.retrieve_activity_profile(activity(), "syllabus")
    assert got.content.content == bytearray(b"week 1: organising; week 2: bargaining")

    doc.etag = None
    assert lrs.delete_activity_profile(doc).success
    assert lrs.retrieve_activity_profile(activity(), "syllabus").response.status == 404


def test_agent_profile(lrs):
    doc = AgentProfileDocument(
        id="preferences",
        agent=agent(),
        content=json.dumps({"language": "cy"}),
        content_type="application/json",
    )
    params = {"agent": agent().to_json("1.0.3"), "profileId": "preferences"}
    assert put_if_absent(lrs, "agents/profile", params, doc).success

    ids = lrs.retrieve_agent_profile_ids(agent())
    assert ids.success
    assert ids.content == ["preferences"]

    got = lrs.retrieve_agent_profile(agent(), "preferences")
    assert got.success
    assert json.loads(got.content.content) == {"language": "cy"}

    doc.etag = got.response.getheader("ETag")
    doc.content = json.dumps({"language": "en-GB"})
    updated = lrs.save_agent_profile(doc)
    assert updated.success, updated.data
    got = lrs.retrieve_agent_profile(agent(), "preferences")
    assert json.loads(got.content.content) == {"language": "en-GB"}

    doc.etag = None
    assert lrs.delete_agent_profile(doc).success
    assert lrs.retrieve_agent_profile(agent(), "preferences").response.status == 404


def test_about(lrs):
    # TinCanPython predates xAPI 2.0: its About class raises on any version outside
    # 1.0.x/0.9x, so `lrs.about()` cannot parse an LRS that also offers 2.0.0. Send the
    # library's own About request and check the body; then parse the 1.0.x part with it.
    with pytest.raises(ValueError, match=r"2\.0\.0"):
        lrs.about()

    response = lrs._send_request(HTTPRequest(method="GET", resource="about"))
    assert response.success
    body = json.loads(response.data)
    assert "1.0.3" in body["version"]
    assert "2.0.0" in body["version"]

    about = About.from_json(json.dumps({**body, "version": ["1.0.3"]}))
    assert about.version == ["1.0.3"]
