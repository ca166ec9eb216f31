"""Statement validation: each bad statement is refused with a message naming the bad field."""

import copy
from typing import Any

import pytest

from commonplace.lrs.enums import XapiVersion
from commonplace.lrs.errors import BadRequest
from commonplace.lrs.validation import (
    MAX_JSON_DEPTH,
    agent_key,
    agent_validate,
    iri_validate,
    json_storable_check,
    language_map_validate,
    statement_validate,
    statements_validate,
    timestamp_validate,
)

V1 = XapiVersion.V1_0_3
V2 = XapiVersion.V2_0_0
BOTH = pytest.mark.parametrize("version", [V1, V2])
DELETE = object()

ACTIVITY = "http://example.com/activities/welcome-course"
COURSE = "http://adlnet.gov/expapi/activities/course"
EXT = "http://example.com/extensions/site"


def statement_full() -> dict[str, Any]:
    """A statement using every 1.0.3 property, valid in both versions."""
    return {
        "id": "7ccd3322-e1a5-411a-a67d-6a735c76f119",
        "actor": {"objectType": "Agent", "name": "Ana", "mbox": "mailto:ana@example.com"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/answered",
            "display": {"en-GB": "answered", "cy": "atebodd"},
        },
        "object": {
            "objectType": "Activity",
            "id": ACTIVITY,
            "definition": {
                "name": {"en-GB": "Which rights?"},
                "description": {"en-GB": "Pick the rights you have at work."},
                "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                "moreInfo": "https://learn.example.com/welcome",
                "interactionType": "choice",
                "correctResponsesPattern": ["rep[,]time"],
                "choices": [
                    {"id": "rep", "description": {"en-GB": "Representation"}},
                    {"id": "time", "description": {"en-GB": "Time off to train"}},
                ],
                "extensions": {EXT: {"any": ["json", 1, None]}},
            },
        },
        "result": {
            "score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10},
            "success": True,
            "completion": False,
            "response": "rep",
            "duration": "PT1H30M2.25S",
            "extensions": {EXT: None},
        },
        "context": {
            "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
            "instructor": {"account": {"homePage": "https://union.example", "name": "tutor7"}},
            "team": {
                "objectType": "Group",
                "name": "Branch 12 learners",
                "member": [{"mbox_sha1sum": "a" * 40}, {"openid": "https://id.example.com/ana"}],
            },
            "contextActivities": {
                "parent": [{"id": COURSE}],
                "grouping": {"id": "http://example.com/programmes/reps"},
                "category": [{"id": "http://example.com/profiles/union-learning"}],
                "other": [],
            },
            "revision": "2",
            "platform": "Commonplace",
            "language": "en-GB",
            "statement": {
                "objectType": "StatementRef",
                "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
            },
            "extensions": {EXT: "branch-12"},
        },
        "timestamp": "2024-05-01T12:00:00.123+01:00",
        "stored": "2024-05-01T11:00:01Z",
        "authority": {
            "objectType": "Agent",
            "account": {"homePage": "https://lrs.example", "name": "k"},
        },
        "version": "1.0.3",
        "attachments": [
            {
                "usageType": "http://id.tincanapi.com/attachment/certificate",
                "display": {"en-GB": "Certificate"},
                "description": {"en-GB": "The certificate awarded"},
                "contentType": "application/pdf",
                "length": 2048,
                "sha2": "b" * 64,
                "fileUrl": "https://files.example.com/cert.pdf",
            }
        ],
    }


def statement_v2() -> dict[str, Any]:
    statement = statement_full()
    statement["version"] = "2.0.0"
    statement["context"]["contextAgents"] = [
        {
            "objectType": "contextAgent",
            "agent": {"mbox": "mailto:mentor@example.com"},
            "relevantTypes": ["http://example.com/types/mentor"],
        }
    ]
    statement["context"]["contextGroups"] = [
        {
            "objectType": "contextGroup",
            "group": {"objectType": "Group", "member": [{"mbox": "mailto:b@example.com"}]},
        }
    ]
    return statement


def changed(statement: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `statement` with the value at dotted `path` (list indexes as digits) replaced."""
    result = copy.deepcopy(statement)
    *parents, last = path.split(".")
    node: Any = result
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    key: Any = int(last) if isinstance(node, list) else last
    if value is DELETE:
        del node[key]
    else:
        node[key] = value
    return result


def refused(statement: Any, version: XapiVersion = V2) -> str:
    with pytest.raises(BadRequest) as caught:
        statement_validate(statement, version=version)
    assert caught.value.status == 400
    return caught.value.message


# --- statements that must pass -----------------------------------------------------------


@BOTH
def test_full_statement_passes(version):
    statement_validate(statement_full(), version=version)


def test_full_statement_with_context_agents_and_groups_passes_in_2_0():
    statement_validate(statement_v2(), version=V2)


@BOTH
def test_minimal_statement_passes(version):
    minimal = {
        "actor": {"mbox": "mailto:a@example.com"},
        "verb": {"id": "http://x.example/v"},
        "object": {"id": ACTIVITY},
    }
    statement_validate(minimal, version=version)


OBJECTS = {
    "agent": {"objectType": "Agent", "mbox": "mailto:b@example.com"},
    "identified group": {"objectType": "Group", "openid": "https://id.example.com/g"},
    "anonymous group": {"objectType": "Group", "member": [{"mbox": "mailto:b@example.com"}]},
    "statement ref": {"objectType": "StatementRef", "id": "6690E6C9-3EF0-4ED3-8B37-7F3964730BEE"},
    "substatement": {
        "objectType": "SubStatement",
        "actor": {"mbox": "mailto:b@example.com"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/passed"},
        "object": {"id": ACTIVITY},
        "result": {"success": True},
        "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7", "platform": "x"},
        "timestamp": "2024-05-01T12:00:00Z",
    },
}


@BOTH
@pytest.mark.parametrize("kind", list(OBJECTS))
def test_every_object_type_passes(version, kind):
    statement = changed(statement_full(), "object", OBJECTS[kind])
    del statement["context"]["revision"], statement["context"]["platform"]
    statement_validate(statement, version=version)


@pytest.mark.parametrize(
    ("interaction", "lists"),
    [
        ("true-false", {}),
        ("choice", {"choices": [{"id": "a"}]}),
        ("sequencing", {"choices": [{"id": "a"}, {"id": "b"}]}),
        ("likert", {"scale": [{"id": "likert_0"}]}),
        ("matching", {"source": [{"id": "s"}], "target": [{"id": "t"}]}),
        ("performance", {"steps": [{"id": "1"}]}),
        ("fill-in", {}),
        ("long-fill-in", {}),
        ("numeric", {}),
        ("other", {}),
    ],
)
def test_every_interaction_type_passes_with_its_component_lists(interaction, lists):
    definition = {"interactionType": interaction, "correctResponsesPattern": ["x"], **lists}
    statement_validate(changed(statement_full(), "object.definition", definition), version=V2)


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00.123456+05:30",
        "20240501T120000Z",
        "2016-12-31T23:59:60Z",
        "2024-02-29T00:00:00-05",
    ],
)
def test_timestamps_in_iso_8601_pass(value):
    statement_validate(changed(statement_full(), "timestamp", value), version=V2)


@pytest.mark.parametrize(
    "value", ["PT1H0M0.1S", "P3Y1M29DT4H35M59.14S", "P3Y", "P4W", "PT16559.14S"]
)
def test_durations_in_iso_8601_pass(value):
    statement_validate(changed(statement_full(), "result.duration", value), version=V2)


@pytest.mark.parametrize(
    "tag",
    ["en", "en-GB", "cy", "zh-Hant-TW", "tlh", "es-419", "x-private", "i-klingon", "de-CH-1996"],
)
def test_language_tags_of_rfc_5646_pass(tag):
    statement_validate(changed(statement_full(), "verb.display", {tag: "did"}), version=V2)


@BOTH
def test_single_context_activity_not_in_a_list_passes(version):
    statement_validate(
        changed(statement_full(), "context.contextActivities.parent", {"id": COURSE}),
        version=version,
    )


def test_version_2_0_passes_in_2_0():
    statement_validate(changed(statement_full(), "version", "2.0.0"), version=V2)


def test_timestamp_without_time_zone_passes_in_1_0_3():
    statement_validate(changed(statement_full(), "timestamp", "2024-05-01T12:00:00"), version=V1)


def test_voiding_statement_with_statement_ref_passes():
    statement = changed(statement_full(), "verb.id", "http://adlnet.gov/expapi/verbs/voided")
    statement["object"] = OBJECTS["statement ref"]
    del statement["context"]["revision"], statement["context"]["platform"]
    statement_validate(statement, version=V2)


def test_authority_of_two_agents_passes():
    authority = {
        "objectType": "Group",
        "member": [
            {"account": {"homePage": "https://lrs.example", "name": "k"}},
            {"mbox": "mailto:a@example.com"},
        ],
    }
    statement_validate(changed(statement_full(), "authority", authority), version=V2)


# --- statements that must be refused -----------------------------------------------------

BAD = [
    # (path, value, the field the message must name)
    ("surprise", 1, "statement.surprise"),
    ("id", "not-a-uuid", "statement.id"),
    ("id", "AA97B177-9383-4934-8543-0F91A7A028368", "statement.id"),
    ("id", 12345, "statement.id"),
    ("actor", DELETE, "statement.actor"),
    ("verb", DELETE, "statement.verb"),
    ("object", DELETE, "statement.object"),
    ("actor", "ana", "statement.actor"),
    ("actor.objectType", "Person", "statement.actor.objectType"),
    ("actor.objectType", 1, "statement.actor.objectType"),
    ("actor.name", 12, "statement.actor.name"),
    ("actor.mbox", "ana@example.com", "statement.actor.mbox"),
    ("actor.mbox", DELETE, "statement.actor"),
    ("actor.openid", "https://id.example.com/ana", "statement.actor"),
    ("actor.age", 40, "statement.actor.age"),
    ("actor", {"mbox_sha1sum": "xyz"}, "statement.actor.mbox_sha1sum"),
    ("actor", {"openid": "id.example.com/ana"}, "statement.actor.openid"),
    ("actor", {"account": {"name": "ana"}}, "statement.actor.account.homePage"),
    ("actor", {"account": {"homePage": "https://u.example"}}, "statement.actor.account.name"),
    (
        "actor",
        {"account": {"homePage": "u.example", "name": "a"}},
        "statement.actor.account.homePage",
    ),
    (
        "actor",
        {"account": {"homePage": "https://u.example", "name": 7}},
        "statement.actor.account.name",
    ),
    (
        "actor",
        {"account": {"homePage": "https://u.example", "name": "a", "x": 1}},
        "statement.actor.account.x",
    ),
    ("actor", {"objectType": "Group"}, "statement.actor.member"),
    ("actor", {"objectType": "Group", "member": []}, "statement.actor.member"),
    (
        "actor",
        {"objectType": "Group", "member": {"mbox": "mailto:a@example.com"}},
        "statement.actor.member",
    ),
    (
        "actor",
        {
            "objectType": "Group",
            "member": [{"objectType": "Group", "mbox": "mailto:g@example.com"}],
        },
        "statement.actor.member[0].objectType",
    ),
    ("actor", {"objectType": "Group", "member": [{"name": "nobody"}]}, "statement.actor.member[0]"),
    (
        "actor",
        {"objectType": "Group", "mbox": "mailto:g@example.com", "openid": "https://g.example"},
        "statement.actor",
    ),
    ("verb", "http://adlnet.gov/expapi/verbs/answered", "statement.verb"),
    ("verb.id", DELETE, "statement.verb.id"),
    ("verb.id", "answered", "statement.verb.id"),
    ("verb.id", "adlnet.gov/expapi/verbs/answered", "statement.verb.id"),
    ("verb.id", "http://example.com/has space", "statement.verb.id"),
    ("verb.display", "answered", "statement.verb.display"),
    ("verb.display", {"en-GB": 1}, "statement.verb.display.en-GB"),
    ("verb.display", {"a12345": "x"}, "statement.verb.display"),
    ("verb.display", {"english": "x", "e": "y"}, "statement.verb.display"),
    ("verb.colour", "red", "statement.verb.colour"),
    ("object.objectType", "Thing", "statement.object.objectType"),
    ("object.id", DELETE, "statement.object.id"),
    ("object.id", "welcome-course", "statement.object.id"),
    ("object.mbox", "mailto:a@example.com", "statement.object.mbox"),
    ("object.definition", "a course", "statement.object.definition"),
    ("object.definition.name", "Course", "statement.object.definition.name"),
    ("object.definition.description", 5, "statement.object.definition.description"),
    ("object.definition.type", "course", "statement.object.definition.type"),
    ("object.definition.moreInfo", "learn.example.com", "statement.object.definition.moreInfo"),
    ("object.definition.interactionType", "essay", "statement.object.definition.interactionType"),
    ("object.definition.interactionType", {"x": 1}, "statement.object.definition.interactionType"),
    ("object.definition.interactionType", DELETE, "statement.object.definition.interactionType"),
    (
        "object.definition.correctResponsesPattern",
        "rep",
        "statement.object.definition.correctResponsesPattern",
    ),
    (
        "object.definition.correctResponsesPattern",
        [1],
        "statement.object.definition.correctResponsesPattern[0]",
    ),
    ("object.definition.choices", {"id": "a"}, "statement.object.definition.choices"),
    (
        "object.definition.choices",
        [{"description": {"en": "x"}}],
        "statement.object.definition.choices[0].id",
    ),
    ("object.definition.choices", [{"id": 1}], "statement.object.definition.choices[0].id"),
    (
        "object.definition.choices",
        [{"id": "a"}, {"id": "a"}],
        "statement.object.definition.choices[1].id",
    ),
    (
        "object.definition.choices",
        [{"id": "a", "score": 1}],
        "statement.object.definition.choices[0].score",
    ),
    ("object.definition.scale", [{"id": "a"}], "statement.object.definition.scale"),
    ("object.definition.extensions", {"site": 1}, "statement.object.definition.extensions"),
    ("object.definition.extensions", "x", "statement.object.definition.extensions"),
    ("object.definition.owner", "x", "statement.object.definition.owner"),
    ("result", "passed", "statement.result"),
    ("result.score.scaled", 1.5, "statement.result.score.scaled"),
    ("result.score.scaled", -1.01, "statement.result.score.scaled"),
    ("result.score.scaled", "0.5", "statement.result.score.scaled"),
    ("result.score.scaled", True, "statement.result.score.scaled"),
    ("result.score.raw", 11, "statement.result.score.raw"),
    ("result.score.raw", -1, "statement.result.score.raw"),
    ("result.score.min", 10, "statement.result.score.min"),
    ("result.score.max", "10", "statement.result.score.max"),
    ("result.score.percent", 50, "statement.result.score.percent"),
    ("result.success", "true", "statement.result.success"),
    ("result.success", 1, "statement.result.success"),
    ("result.completion", None, "statement.result.completion"),
    ("result.response", 5, "statement.result.response"),
    ("result.duration", "1 hour", "statement.result.duration"),
    ("result.duration", "PA1H0M0S", "statement.result.duration"),
    ("result.duration", "P4W1D", "statement.result.duration"),
    ("result.duration", "PT", "statement.result.duration"),
    ("result.duration", 3600, "statement.result.duration"),
    ("result.extensions", {"not an iri": 1}, "statement.result.extensions"),
    ("context", [], "statement.context"),
    ("context.registration", "x", "statement.context.registration"),
    ("context.registration", {"id": 1}, "statement.context.registration"),
    ("context.instructor", "tutor", "statement.context.instructor"),
    ("context.instructor", {"name": "tutor"}, "statement.context.instructor"),
    ("context.team", {"mbox": "mailto:a@example.com"}, "statement.context.team.objectType"),
    ("context.team", "branch", "statement.context.team"),
    ("context.contextActivities", "parent", "statement.context.contextActivities"),
    ("context.contextActivities.sibling", [], "statement.context.contextActivities.sibling"),
    (
        "context.contextActivities.parent",
        [{"id": "course"}],
        "statement.context.contextActivities.parent[0].id",
    ),
    (
        "context.contextActivities.parent",
        "http://example.com/c",
        "statement.context.contextActivities.parent",
    ),
    ("context.revision", 2, "statement.context.revision"),
    ("context.platform", {"name": "x"}, "statement.context.platform"),
    ("context.language", "english language", "statement.context.language"),
    ("context.language", 7, "statement.context.language"),
    (
        "context.statement",
        {"id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"},
        "statement.context.statement.objectType",
    ),
    (
        "context.statement",
        {"objectType": "StatementRef", "id": "x"},
        "statement.context.statement.id",
    ),
    ("context.extensions", {"site": 1}, "statement.context.extensions"),
    ("context.mood", "happy", "statement.context.mood"),
    ("timestamp", "should fail", "statement.timestamp"),
    ("timestamp", "01/011/2015", "statement.timestamp"),
    ("timestamp", "2024-02-30T12:00:00Z", "statement.timestamp"),
    ("timestamp", "2024-05-01T25:00:00Z", "statement.timestamp"),
    ("timestamp", "2008-09-15T15:53:00.601-00", "statement.timestamp"),
    ("timestamp", "2008-09-15T15:53:00.601-0000", "statement.timestamp"),
    ("timestamp", "2008-09-15T15:53:00.601-00:00", "statement.timestamp"),
    ("timestamp", "2024-05-01T12:00:00+25:00", "statement.timestamp"),
    ("timestamp", 1714564800, "statement.timestamp"),
    ("stored", "yesterday", "statement.stored"),
    ("authority", "lrs", "statement.authority"),
    (
        "authority",
        {
            "objectType": "Group",
            "mbox": "mailto:g@example.com",
            "member": [{"mbox": "mailto:a@example.com"}, {"mbox": "mailto:b@example.com"}],
        },
        "statement.authority",
    ),
    (
        "authority",
        {"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}]},
        "statement.authority.member",
    ),
    (
        "authority",
        {"objectType": "Group", "member": [{"mbox": f"mailto:{n}@example.com"} for n in "abc"]},
        "statement.authority.member",
    ),
    ("version", "should fail", "statement.version"),
    ("version", "0.9.9", "statement.version"),
    ("version", "1.1.0", "statement.version"),
    ("version", 1.0, "statement.version"),
    ("attachments", {}, "statement.attachments"),
    ("attachments.0", "file", "statement.attachments[0]"),
    ("attachments.0.usageType", "certificate", "statement.attachments[0].usageType"),
    ("attachments.0.usageType", DELETE, "statement.attachments[0].usageType"),
    ("attachments.0.display", "Certificate", "statement.attachments[0].display"),
    ("attachments.0.display", DELETE, "statement.attachments[0].display"),
    ("attachments.0.description", 1, "statement.attachments[0].description"),
    ("attachments.0.contentType", 12, "statement.attachments[0].contentType"),
    ("attachments.0.contentType", "pdf", "statement.attachments[0].contentType"),
    ("attachments.0.length", "2048", "statement.attachments[0].length"),
    ("attachments.0.length", 2048.5, "statement.attachments[0].length"),
    ("attachments.0.length", -1, "statement.attachments[0].length"),
    ("attachments.0.sha2", 1234, "statement.attachments[0].sha2"),
    ("attachments.0.sha2", "not hex", "statement.attachments[0].sha2"),
    ("attachments.0.fileUrl", "cert.pdf", "statement.attachments[0].fileUrl"),
    ("attachments.0.checksum", "x", "statement.attachments[0].checksum"),
]


@pytest.mark.parametrize(
    ("path", "value", "where"), BAD, ids=[f"{p}={v!r}"[:60] for p, v, _ in BAD]
)
def test_bad_statement_is_refused_naming_the_field(path, value, where):
    message = refused(changed(statement_full(), path, value))
    assert message.startswith(f"{where}:") or message.startswith(f"{where}."), message


@pytest.mark.parametrize("path", ["id", "stored", "version", "authority"])
def test_substatement_refuses_statement_only_properties(path):
    substatement = dict(OBJECTS["substatement"], **{path: statement_full()[path]})
    statement = changed(statement_full(), "object", substatement)
    del statement["context"]["revision"], statement["context"]["platform"]
    assert refused(statement).startswith(f"statement.object.{path}:")


def test_substatement_cannot_nest_a_substatement():
    inner = dict(OBJECTS["substatement"], object=OBJECTS["substatement"])
    statement = changed(statement_full(), "object", inner)
    del statement["context"]["revision"], statement["context"]["platform"]
    assert refused(statement).startswith("statement.object.object:")


def test_substatement_parts_are_checked_too():
    inner = changed(OBJECTS["substatement"], "actor.mbox", "b@example.com")
    statement = changed(statement_full(), "object", inner)
    del statement["context"]["revision"], statement["context"]["platform"]
    assert refused(statement).startswith("statement.object.actor.mbox:")


@pytest.mark.parametrize("kind", ["agent", "identified group", "statement ref", "substatement"])
@pytest.mark.parametrize("name", ["revision", "platform"])
def test_revision_and_platform_need_an_activity_object(kind, name):
    statement = changed(statement_full(), "object", OBJECTS[kind])
    del statement["context"]["platform" if name == "revision" else "revision"]
    assert refused(statement).startswith(f"statement.context.{name}:")


def test_voiding_statement_needs_a_statement_ref():
    statement = changed(statement_full(), "verb.id", "http://adlnet.gov/expapi/verbs/voided")
    assert refused(statement).startswith("statement.object:")


@pytest.mark.parametrize("name", ["contextAgents", "contextGroups"])
def test_context_agents_and_groups_are_refused_in_1_0_3(name):
    statement = statement_v2()
    statement["version"] = "1.0.3"
    del statement["context"]["contextAgents" if name == "contextGroups" else "contextGroups"]
    assert refused(statement, V1).startswith(f"statement.context.{name}:")


BAD_V2_CONTEXT = [
    ("context.contextAgents", {"objectType": "contextAgent"}, "statement.context.contextAgents"),
    (
        "context.contextAgents.0.objectType",
        "Agent",
        "statement.context.contextAgents[0].objectType",
    ),
    ("context.contextAgents.0.agent", {"key": "x"}, "statement.context.contextAgents[0].agent"),
    ("context.contextAgents.0.agent", DELETE, "statement.context.contextAgents[0].agent"),
    (
        "context.contextAgents.0.relevantTypes",
        [],
        "statement.context.contextAgents[0].relevantTypes",
    ),
    (
        "context.contextAgents.0.relevantTypes",
        ["abc"],
        "statement.context.contextAgents[0].relevantTypes[0]",
    ),
    (
        "context.contextGroups.0.objectType",
        "contextAgent",
        "statement.context.contextGroups[0].objectType",
    ),
    (
        "context.contextGroups.0.group",
        {"mbox": "mailto:a@example.com"},
        "statement.context.contextGroups[0].group",
    ),
    (
        "context.contextGroups.0.relevantTypes",
        "http://x.example/t",
        "statement.context.contextGroups[0].relevantTypes",
    ),
]


@pytest.mark.parametrize(("path", "value", "where"), BAD_V2_CONTEXT)
def test_bad_context_agents_and_groups_are_refused(path, value, where):
    message = refused(changed(statement_v2(), path, value))
    assert message.startswith((f"{where}:", f"{where}.")), message


def test_version_2_0_is_refused_in_1_0_3():
    assert refused(changed(statement_full(), "version", "2.0.0"), V1).startswith(
        "statement.version:"
    )


def test_timestamp_needs_a_time_zone_in_2_0():
    assert refused(changed(statement_full(), "timestamp", "2024-05-01T12:00:00")).startswith(
        "statement.timestamp:"
    )


def test_signature_attachment_must_be_octet_stream():
    statement = changed(
        statement_full(),
        "attachments.0.usageType",
        "http://adlnet.gov/expapi/attachments/signature",
    )
    assert refused(statement).startswith("statement.attachments[0].contentType:")


@pytest.mark.parametrize("value", [None, [], "statement", 5])
def test_statement_must_be_an_object(value):
    assert refused(value).startswith("statement:")


# --- batches, agents, parameters -----------------------------------------------------------


def test_batch_names_the_bad_statement_by_position():
    batch = [statement_full(), changed(statement_full(), "actor.mbox", "ana")]
    batch[1]["id"] = "8ccd3322-e1a5-411a-a67d-6a735c76f119"
    with pytest.raises(BadRequest, match=r"^statement\[1\]\.actor\.mbox:"):
        statements_validate(batch, version=V2)


def test_batch_refuses_the_same_id_twice_in_any_case():
    second = statement_full()
    second["id"] = second["id"].upper()
    with pytest.raises(BadRequest, match=r"^statement\[1\]\.id: repeats the id of statement\[0\]"):
        statements_validate([statement_full(), second], version=V2)


def test_batch_must_be_a_list():
    with pytest.raises(BadRequest, match=r"^statements:"):
        statements_validate({"actor": {}}, version=V2)  # type: ignore[arg-type]


def test_batch_of_good_statements_passes():
    second = changed(statement_full(), "id", "8ccd3322-e1a5-411a-a67d-6a735c76f119")
    third = changed(statement_full(), "id", DELETE)
    statements_validate([statement_full(), second, third, copy.deepcopy(third)], version=V1)


@pytest.mark.parametrize(
    "agent",
    [
        {"mbox": "mailto:a@example.com"},
        {"objectType": "Group", "account": {"homePage": "https://u.example", "name": "g"}},
    ],
)
def test_agent_parameter_accepts_agents_and_identified_groups(agent):
    agent_validate(agent, version=V2)


@pytest.mark.parametrize(
    "agent",
    [
        "a@example.com",
        {"name": "a"},
        {"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}]},
    ],
)
def test_agent_parameter_refuses_what_has_no_single_identifier(agent):
    with pytest.raises(BadRequest, match=r"^agent"):
        agent_validate(agent, version=V2)


def test_agent_key_is_the_identifier():
    assert (
        agent_key({"objectType": "Agent", "name": "A", "mbox": "mailto:a@example.com"})
        == "mbox:mailto:a@example.com"
    )
    assert (
        agent_key({"account": {"homePage": "https://u.example", "name": "g"}})
        == "account:https://u.example|g"
    )


@pytest.mark.parametrize("value", ["not.a.valid.iri.com/verb", "", "http://x y", 5])
def test_iri_parameter_is_refused_when_not_absolute(value):
    with pytest.raises(BadRequest, match=r"^verb:"):
        iri_validate(value, "verb")


def test_iri_parameter_accepts_urns_and_unicode():
    iri_validate("urn:uuid:6690e6c9-3ef0-4ed3-8b37-7f3964730bee", "activity")
    iri_validate("https://example.com/gweithgaredd/ŵyl", "activity")


def test_language_map_names_the_bad_entry():
    with pytest.raises(BadRequest, match=r"^display\.cy:"):
        language_map_validate({"en": "x", "cy": ["x"]}, "display")


def test_timestamp_parameter_checks_the_calendar():
    timestamp_validate("2024-02-29T10:00:00Z", "since", offset_required=True)
    with pytest.raises(BadRequest, match=r"^since:"):
        timestamp_validate("2023-02-29T10:00:00Z", "since", offset_required=True)


@pytest.mark.parametrize("pattern", [0, 0b1010101, 2**17 - 1])
def test_json_storable_check_refuses_exactly_beyond_the_limit(pattern: int) -> None:
    def nested(depth: int) -> Any:
        value: Any = "bottom"
        for level in range(depth):
            value = {"k": value} if pattern >> (level % 17) & 1 else [value]
        return value

    json_storable_check(nested(MAX_JSON_DEPTH), "statements")
    with pytest.raises(BadRequest, match=f"nested more than {MAX_JSON_DEPTH} levels deep"):
        json_storable_check(nested(MAX_JSON_DEPTH + 1), "statements")
    json_storable_check(nested(10), "statements", limit=10)
    with pytest.raises(BadRequest, match="nested more than 10 levels deep"):
        json_storable_check(nested(11), "statements", limit=10)
