"""Registers one django-rules permission per (kind, action) of the policy table.

`user.has_perm("people.view_person", person)` and `{% has_perm %}` in templates both end in
`access.selectors.may`, so there is no other check.
"""

from typing import Any

import rules

from .policy import KINDS, actions_of, permission_name
from .selectors import may


def _predicate(kind: str, action: str) -> rules.Predicate:
    @rules.predicate(name=f"may_{action}_{kind}")
    def allowed(user: Any, obj: Any = None) -> bool:
        return may(user=user, kind=kind, action=action, obj=obj)

    return allowed


for _kind in KINDS:
    for _action in actions_of(_kind):
        rules.add_perm(permission_name(_kind, _action), _predicate(_kind, _action))
