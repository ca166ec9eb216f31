"""The Statements resource, from the xAPI specification (Communication 2.1, Data 2.3-2.4)."""

import hashlib
import json

import pytest

from commonplace.lrs import vocabulary
from commonplace.lrs.enums import Scope, XapiVersion
from commonplace.lrs.models import Statement
from commonplace.lrs.services.statements import statement_record, statements_store

from .builders import new_id, statement

pytestmark = pytest.mark.django_db

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


def stored(xapi, **params):
    response = xapi.get(params)
    assert response.status_code == 200, response.content
    return response.json()


def test_post_batch_stores_every_statement_and_returns_ids_in_order(xapi):
    ids = [new_id(), new_id()]
    response = xapi.post([statement(id=ids[0]), statement(id=ids[1], verb="http://x.test/v")])
    assert response.status_code == 200
    assert response.json() == ids
    assert Statement.objects.count() == 2


def test_lrs_sets_stored_authority_version_timestamp_and_id(xapi):
    [statement_id] = xapi.post(statement()).json()
    got = xapi.get({"statementId": statement_id}).json()
    assert got["id"] == statement_id
    assert got["version"] == "2.0.0"
    assert got["timestamp"] == got["stored"]
    assert got["authority"]["name"] == "Provider LMS"


def test_a_bad_statement_in_a_batch_stores_nothing(xapi):
    response = xapi.post([statement(), {"actor": {"mbox": "mailto:a@b.test"}}])
    assert response.status_code == 400
    assert "verb" in response.json()["error"]["message"]
    assert Statement.objects.count() == 0


def test_body_that_is_not_json_is_refused_with_a_reason(xapi):
    response = xapi.post(b"{not json")
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]["message"]


def test_put_stores_under_the_given_id_and_repeats_are_204_while_changes_are_409(xapi):
    statement_id = new_id()
    assert xapi.put(statement(), statement_id).status_code == 204
    assert xapi.put(statement(), statement_id).status_code == 204
    changed = statement(verb="http://adlnet.gov/expapi/verbs/failed")
    assert xapi.put(changed, statement_id).status_code == 409
    assert Statement.objects.get().verb_id.endswith("completed")


def test_put_with_an_id_differing_from_the_parameter_is_refused(xapi):
    response = xapi.put(statement(id=new_id()), new_id())
    assert response.status_code == 400


def test_credentials_and_scopes_are_required(client, make_xapi):
    response = client.get("/xapi/statements", headers={"X-Experience-API-Version": "2.0.0"})
    assert response.status_code == 401
    assert make_xapi(Scope.STATEMENTS_READ).post(statement()).status_code == 403
    assert make_xapi(Scope.STATEMENTS_WRITE).get().status_code == 403


def test_read_mine_sees_only_what_that_client_stored(make_xapi):
    writer = make_xapi(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ_MINE)
    other = make_xapi(Scope.STATEMENTS_WRITE)
    [mine] = writer.post(statement()).json()
    [theirs] = other.post(statement()).json()
    assert [s["id"] for s in stored(writer)["statements"]] == [mine]
    assert writer.get({"statementId": theirs}).status_code == 404


@pytest.fixture
def varied(xapi):
    """Statements differing in agent, verb, activity and registration."""
    registration = new_id()
    ids = {
        "alice": xapi.post(statement(email="alice@x.test")).json()[0],
        "bob_failed": xapi.post(
            statement(email="bob@x.test", verb="http://adlnet.gov/expapi/verbs/failed")
        ).json()[0],
        "bob_other": xapi.post(
            statement(
                email="bob@x.test",
                activity="http://example.test/activities/digital",
                context={
                    "registration": registration,
                    "instructor": {"mbox": "mailto:tutor@x.test"},
                    "contextActivities": {"parent": {"id": "http://example.test/pathway"}},
                },
            )
        ).json()[0],
        "about_alice": xapi.post(
            statement(
                email="ulr@x.test", object={"objectType": "Agent", "mbox": "mailto:alice@x.test"}
            )
        ).json()[0],
    }
    return ids, registration


def ids_of(result):
    return {s["id"] for s in result["statements"]}


def test_filters_return_exactly_the_matching_statements(xapi, varied):
    ids, registration = varied
    alice = json.dumps({"mbox": "mailto:alice@x.test"})
    tutor = json.dumps({"mbox": "mailto:tutor@x.test"})
    assert ids_of(stored(xapi, agent=alice)) == {ids["alice"], ids["about_alice"]}
    assert ids_of(stored(xapi, verb="http://adlnet.gov/expapi/verbs/failed")) == {ids["bob_failed"]}
    assert ids_of(stored(xapi, activity="http://example.test/activities/digital")) == {
        ids["bob_other"]
    }
    assert ids_of(stored(xapi, registration=registration)) == {ids["bob_other"]}
    assert ids_of(stored(xapi, agent=tutor)) == set()
    assert ids_of(stored(xapi, agent=tutor, related_agents="true")) == {ids["bob_other"]}
    assert ids_of(stored(xapi, activity="http://example.test/pathway")) == set()
    assert ids_of(
        stored(xapi, activity="http://example.test/pathway", related_activities="true")
    ) == {ids["bob_other"]}


def test_since_until_and_ascending_follow_stored_order(xapi, varied):
    ids, _ = varied
    everything = stored(xapi)["statements"]
    assert everything[0]["id"] == ids["about_alice"]  # newest first
    ascending = stored(xapi, ascending="true")["statements"]
    assert [s["id"] for s in ascending] == [s["id"] for s in reversed(everything)]
    middle = everything[2]["stored"]
    assert ids_of(stored(xapi, since=middle)) == {
        s["id"] for s in everything if s["stored"] > middle
    }
    assert ids_of(stored(xapi, until=middle)) == {
        s["id"] for s in everything if s["stored"] <= middle
    }


def test_more_links_page_through_everything_without_repeats_while_new_statements_arrive(
    xapi, varied
):
    seen = []
    page = stored(xapi, limit=1)
    seen += [s["id"] for s in page["statements"]]
    xapi.post(statement(email="late@x.test"))  # arrives while paging
    while page["more"]:
        response = xapi.client.get(page["more"], headers=xapi.headers())
        assert response.status_code == 200
        page = response.json()
        seen += [s["id"] for s in page["statements"]]
    assert len(seen) == len(set(seen)) == 4


def test_a_tampered_more_link_is_refused(xapi, varied):
    more = stored(xapi, limit=1)["more"]
    response = xapi.client.get(more + "x", headers=xapi.headers())
    assert response.status_code == 400


def test_voiding_hides_the_target_and_the_voiding_statement_is_returned_by_its_filters(xapi):
    [target] = xapi.post(statement(email="void@x.test")).json()
    voiding = statement(
        email="admin@x.test", verb=VOIDED, object={"objectType": "StatementRef", "id": target}
    )
    [voiding_id] = xapi.post(voiding).json()
    assert xapi.get({"statementId": target}).status_code == 404
    assert xapi.get({"voidedStatementId": target}).json()["id"] == target
    agent = json.dumps({"mbox": "mailto:void@x.test"})
    # StatementRef rule: the voiding statement matches through its voided target.
    assert ids_of(stored(xapi, agent=agent)) == {voiding_id}


def test_a_voiding_statement_cannot_be_voided(xapi):
    [target] = xapi.post(statement()).json()
    [voiding] = xapi.post(
        statement(verb=VOIDED, object={"objectType": "StatementRef", "id": target})
    ).json()
    response = xapi.post(
        statement(verb=VOIDED, object={"objectType": "StatementRef", "id": voiding})
    )
    assert response.status_code == 400
    assert xapi.get({"statementId": voiding}).status_code == 200


def test_statement_id_refuses_query_parameters(xapi):
    [statement_id] = xapi.post(statement()).json()
    response = xapi.get({"statementId": statement_id, "verb": "http://x.test/v"})
    assert response.status_code == 400
    assert "X-Experience-API-Consistent-Through" in response


def test_unknown_query_parameters_and_bad_values_are_refused(xapi):
    assert xapi.get({"colour": "red"}).status_code == 400
    assert xapi.get({"limit": "-1"}).status_code == 400
    assert xapi.get({"since": "yesterday"}).status_code == 400
    assert xapi.get({"agent": "not json"}).status_code == 400
    assert xapi.get({"format": "pretty"}).status_code == 400


def test_formats_ids_and_canonical(xapi):
    [statement_id] = xapi.post(statement()).json()
    ids = xapi.get({"statementId": statement_id, "format": "ids"}).json()
    assert ids["actor"] == {"objectType": "Agent", "mbox": "mailto:learner@example.test"}
    assert ids["verb"] == {"id": "http://adlnet.gov/expapi/verbs/completed"}
    assert ids["object"] == {"id": "http://example.test/activities/organising-1"}
    response = xapi.client.get(
        "/xapi/statements",
        {"statementId": statement_id, "format": "canonical"},
        headers=xapi.headers({"Accept-Language": "cy, en;q=0.5"}),
    )
    assert response.json()["object"]["definition"]["name"] == {"cy": "Trefnu 1"}
    assert response.json()["verb"]["display"] == {"cy": "cwblhawyd"}


def test_head_answers_like_get_without_a_body(xapi):
    xapi.post(statement())
    response = xapi.client.head("/xapi/statements", headers=xapi.headers())
    assert response.status_code == 200
    assert response.content == b""


def multipart_body(statements, attachments, boundary="abc123"):
    parts = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode()
        + json.dumps(statements).encode()
    ]
    for content in attachments:
        sha2 = hashlib.sha256(content).hexdigest()
        parts.append(
            f"\r\n--{boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2}\r\n\r\n".encode()
            + content
        )
    return b"".join(parts) + f"\r\n--{boundary}--".encode(), f"multipart/mixed; boundary={boundary}"


def with_attachment(content: bytes):
    return statement(
        attachments=[
            {
                "usageType": "http://example.test/attachment/certificate",
                "display": {"en": "Certificate"},
                "contentType": "text/plain",
                "length": len(content),
                "sha2": hashlib.sha256(content).hexdigest(),
            }
        ]
    )


def test_attachments_travel_in_multipart_requests_and_responses(xapi):
    content = b"Certificate of attendance\r\n--not-a-boundary\r\n"
    body, content_type = multipart_body([with_attachment(content)], [content])
    response = xapi.post(body, content_type=content_type)
    assert response.status_code == 200, response.content
    [statement_id] = response.json()
    got = xapi.get({"statementId": statement_id, "attachments": "true"})
    assert got["Content-Type"].startswith("multipart/mixed")
    assert content in got.content
    assert hashlib.sha256(content).hexdigest().encode() in got.content


def test_attachment_without_its_part_or_with_a_wrong_hash_is_refused(xapi):
    content = b"hello"
    assert xapi.post(with_attachment(content)).status_code == 400  # no part, no fileUrl
    body, content_type = multipart_body([with_attachment(content)], [b"other"])
    assert xapi.post(body, content_type=content_type).status_code == 400
    assert Statement.objects.count() == 0


def test_version_1_0_3_context_activity_objects_come_back_as_lists(make_xapi):
    old = make_xapi(Scope.ALL, version="1.0.3")
    sent = statement(context={"contextActivities": {"parent": {"id": "http://example.test/p"}}})
    [statement_id] = old.post(sent).json()
    got = old.get({"statementId": statement_id})
    assert got["X-Experience-API-Version"] == "1.0.3"
    assert got.json()["version"] == "1.0.0"
    assert got.json()["context"]["contextActivities"]["parent"] == [{"id": "http://example.test/p"}]


def test_in_process_recording_goes_through_the_same_store():
    statement_id = statement_record(
        actor={"objectType": "Agent", "mbox": "mailto:learner@example.test"},
        verb=vocabulary.EXPERIENCED,
        activity_id="http://example.test/activities/page",
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": "A page", "cy": "Tudalen"},
    )
    row = Statement.objects.get(statement_id=statement_id)
    assert row.data["authority"]["name"] == "Commonplace"
    assert row.activity_id == "http://example.test/activities/page"


def test_store_is_all_or_nothing_on_a_conflict():
    first = statement(id=new_id())
    statements_store([dict(first)], client=None, version=XapiVersion.V2_0_0)
    changed = dict(first, verb={"id": "http://x.test/other"})
    with pytest.raises(Exception, match="already stored"):
        statements_store([statement(), changed], client=None, version=XapiVersion.V2_0_0)
    assert Statement.objects.count() == 1


def test_the_activities_resource_merges_definitions_across_statements(xapi):
    english = statement()
    welsh = statement()
    welsh["object"]["definition"] = {"name": {"cy": "Trefnu 1 (newydd)"}, "type": "http://x.test/t"}
    xapi.post([english, welsh])
    got = xapi.get({"activityId": english["object"]["id"]}, path="/xapi/activities").json()
    assert got["definition"]["name"] == {"en-GB": "Organising 1", "cy": "Trefnu 1 (newydd)"}
    assert got["definition"]["type"] == "http://x.test/t"


def test_agent_pages_merge_actor_and_object_statements_in_order(xapi):
    alice = {"objectType": "Agent", "mbox": "mailto:alice@x.test"}
    sent = []
    for n in range(3):
        sent += xapi.post(statement(email="alice@x.test", verb=f"http://x.test/v{n}")).json()
        sent += xapi.post(statement(email=f"rep{n}@x.test", object=alice)).json()
    xapi.post(statement(email="bob@x.test"))  # not Alice's
    seen, page = [], stored(xapi, agent=json.dumps(alice), limit=2)
    while True:
        seen += [s["id"] for s in page["statements"]]
        if not page["more"]:
            break
        page = xapi.client.get(page["more"], headers=xapi.headers()).json()
    assert seen == list(reversed(sent))  # newest first, each once
