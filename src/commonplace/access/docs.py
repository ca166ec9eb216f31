"""Renders the policy table as `docs/permissions.md` (a test fails when the page is stale)."""

from collections import defaultdict

from .enums import Reach, Role
from .policy import KINDS, POLICY, permission_name

REACH_WORDS = {
    Reach.SELF: "own record",
    Reach.PLACE: "the unit itself",
    Reach.SUBTREE: "the unit and below",
    Reach.UNION: "anywhere in the unit's union",
}


def permissions_markdown() -> str:
    lines = [
        "# Who may do what, where",
        "",
        "Generated from `src/commonplace/access/policy.py` by `manage.py permissions_doc`; do not",
        "edit by hand (a test fails when this page and the table disagree).",
        "",
        "A role is held in a place of the union's tree and is valid in its whole subtree. Anything",
        "not listed here is refused, and a refusal looks like a missing page (404).",
        "",
        "## Reaches",
        "",
        "| reach | the object must be |",
        "| --- | --- |",
    ]
    lines += [f"| `{reach.value}` | {REACH_WORDS[reach]} |" for reach in Reach]
    lines += [
        "",
        "## Kinds of object",
        "",
        "| kind | what it is | permission names |",
        "| --- | --- | --- |",
    ]
    for kind, spec in sorted(KINDS.items()):
        names = sorted({permission_name(kind, r.action) for r in POLICY if r.kind == kind})
        lines.append(f"| `{kind}` | {spec.description} | {', '.join(f'`{n}`' for n in names)} |")
    lines += [
        "",
        "## The table",
        "",
        "| role | kind | action | reach |",
        "| --- | --- | --- | --- |",
    ]
    order = {role: i for i, role in enumerate(Role)}
    for rule in sorted(POLICY, key=lambda r: (order[r.role], r.kind, r.action, r.reach)):
        lines.append(
            f"| {rule.role.label} | `{rule.kind}` | {rule.action} | {REACH_WORDS[rule.reach]} |"
        )
    lines += ["", "## By role", ""]
    by_role: dict[Role, list[str]] = defaultdict(list)
    for rule in POLICY:
        by_role[rule.role].append(f"{rule.action} `{rule.kind}` ({REACH_WORDS[rule.reach]})")
    for role in Role:
        lines.append(f"- **{role.label}**: " + ("; ".join(sorted(by_role[role])) or "nothing"))
    return "\n".join(lines) + "\n"
