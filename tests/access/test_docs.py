from pathlib import Path

from commonplace.access.docs import permissions_markdown
from commonplace.access.policy import POLICY

DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def test_permissions_page_matches_the_policy_table():
    assert DOC.read_text(encoding="utf-8") == permissions_markdown(), (
        "docs/permissions.md is stale: run `manage.py permissions_doc`"
    )


def test_every_rule_appears_on_the_page():
    page = permissions_markdown()
    for rule in POLICY:
        assert f"| {rule.role.label} | `{rule.kind}` | {rule.action} |" in page
