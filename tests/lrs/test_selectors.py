"""Reads behind the LRS pages: what the agent filter means, and statements in words."""

import pytest

from commonplace.lrs.selectors.pages import (
    agent_keys_from_text,
    language_map_pick,
    object_label,
    result_lines,
)
from commonplace.lrs.selectors.people import statements_actor_key_for_user
from tests.factories.accounts import UserFactory


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("", []),
        ("mailto:ann@example.org", ["mbox:mailto:ann@example.org"]),
        ("https://id.example.org/ann", ["openid:https://id.example.org/ann"]),
        ("A" * 40, ["mbox_sha1sum:" + "a" * 40]),
        ('{"mbox": "mailto:ann@example.org"}', ["mbox:mailto:ann@example.org"]),
        ("account:https://lms.example.org|42", ["account:https://lms.example.org|42"]),
        ("{not json", []),
        ("just words", []),
    ],
)
def test_agent_filter_reads_each_kind_of_identifier(text, keys):
    assert agent_keys_from_text(text) == keys


@pytest.mark.django_db
def test_agent_filter_by_email_adds_the_accounts_agent():
    user = UserFactory(email="ann@example.org")
    assert set(agent_keys_from_text("Ann@example.org")) == {
        "mbox:mailto:Ann@example.org",
        "mbox:mailto:ann@example.org",
        statements_actor_key_for_user(user),
    }


def test_language_map_prefers_the_page_language_then_english():
    names = {"en-US": "Lifting", "cy-GB": "Codi", "fr": "Soulever"}
    assert language_map_pick(names, language="cy") == "Codi"
    assert language_map_pick(names, language="en-gb") == "Lifting"
    assert language_map_pick({"fr": "Soulever"}, language="cy") == "Soulever"
    assert language_map_pick(None, language="cy") == ""


def test_object_label_names_activities_agents_and_statements():
    assert object_label({"id": "https://x.example/a"}) == "https://x.example/a"
    assert object_label({"objectType": "Agent", "mbox": "mailto:bo@example.org"}) == (
        "bo@example.org"
    )
    assert object_label({"objectType": "StatementRef", "id": "abc"}) == "Statement abc"


def test_result_lines_say_success_completion_and_score():
    assert result_lines({"success": False, "score": {"raw": 7, "max": 10}}) == [
        "Not successful",
        "Score: 7 out of 10",
    ]
    assert result_lines({"completion": True, "score": {"scaled": 0.5}}) == [
        "Completed",
        "Score: 50%",
    ]
    assert result_lines("nonsense") == []
