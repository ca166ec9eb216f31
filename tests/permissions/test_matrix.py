"""Every role × place × kind × action × object of the world: grant where the table says, refuse
everywhere else — checked object by object (`may`) and as a list (`visible_to`)."""

import pytest

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.access.policy import KINDS, POLICY
from commonplace.access.selectors import grants_forget, may, visible_to

from . import counter
from .reference import reference_allows

PLACES = ["r1b1w1", "r1b1", "r1", "u1"]  # where the role under test is held
KIND_ACTIONS = sorted({(rule.kind, rule.action) for rule in POLICY})


@pytest.mark.parametrize("role", list(Role))
def test_policy_matrix_grants_and_refuses_exactly_what_the_table_says(world, role):
    for place in PLACES:
        holder = world.people[place].account
        if role != Role.LEARNER:
            RoleGrant.objects.create(user=holder, role=role, unit=world.units[place])
        grants_forget(user=holder)
        grants = [(g.role, g.unit) for g in RoleGrant.objects.filter(user=holder)]
        for kind, action in KIND_ACTIONS:
            objects = world.objects_of(kind)
            visible = set(visible_to(user=holder, kind=kind, action=action))
            for key, obj in objects.items():
                expected = reference_allows(
                    grants=grants, user_id=holder.pk, kind=kind, action=action, obj=obj
                )
                got = may(user=holder, kind=kind, action=action, obj=obj)
                assert got == expected, (role, place, kind, action, key)
                assert (obj in visible) == expected, (role, place, kind, action, key)
                counter.add("matrix", granted=expected)
        RoleGrant.objects.filter(user=holder).exclude(role=Role.LEARNER).delete()


def test_every_kind_in_the_policy_is_declared():
    assert {rule.kind for rule in POLICY} <= set(KINDS)


def test_other_union_is_invisible_without_a_federation_grant(world):
    admin = world.people["u1"].account
    RoleGrant.objects.create(user=admin, role=Role.ADMINISTRATOR, unit=world.union)
    seen_people = set(visible_to(user=admin, kind="people.person"))
    assert world.people["u2b"] not in seen_people
    assert world.people["u2"] not in seen_people
    assert world.people["r2b2w2"] in seen_people


def test_federation_grant_sees_every_union(world):
    admin = world.people["u1"].account
    RoleGrant.objects.create(user=admin, role=Role.ADMINISTRATOR, unit=None)
    seen_people = set(visible_to(user=admin, kind="people.person"))
    assert {world.people["u2b"], world.people["u2"], world.people["r1b1w1"]} <= seen_people
