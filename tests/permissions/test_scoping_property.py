"""Property: on random trees, grants (revoked, expired, future, federation-wide) and people,
`people_visible_to` returns exactly what the plain-Python reference returns."""

from datetime import timedelta

from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.organisation.enums import UnitKind
from commonplace.organisation.services import unit_create
from commonplace.people.selectors import people_visible_to
from tests.factories.accounts import UserFactory
from tests.factories.people import PersonFactory

from . import counter
from .reference import reference_allows

GRANT_STATES = ["active", "revoked", "expired", "future"]

trees = st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=14)
grants = st.lists(
    st.tuples(
        st.sampled_from(list(Role)),
        st.integers(min_value=-1, max_value=30),  # -1: federation-wide
        st.sampled_from(GRANT_STATES),
    ),
    max_size=5,
)


class ScopingPropertyTest(TestCase):
    @settings(max_examples=40, deadline=None)
    @given(
        parents=trees,
        grant_specs=grants,
        people_per_unit=st.integers(0, 2),
        self_unit=st.integers(0, 30),
    )
    def test_people_visible_to_matches_the_reference(
        self, parents, grant_specs, people_per_unit, self_unit
    ):
        union = unit_create(name="Union", kind=UnitKind.UNION)
        other = unit_create(name="Other union", kind=UnitKind.UNION)
        units = [union]
        for choice in parents:  # each new unit hangs under an earlier one
            units.append(
                unit_create(name="Unit", kind=UnitKind.OTHER, parent=units[choice % len(units)])
            )
        people = [PersonFactory(home_unit=unit) for unit in units for _ in range(people_per_unit)]
        people.append(PersonFactory(home_unit=other))
        user = UserFactory()
        me = PersonFactory(home_unit=units[self_unit % len(units)], account=user)
        people.append(me)
        today = timezone.localdate()
        live = []
        for role, where, state in grant_specs:
            unit = None if where < 0 else units[where % len(units)]
            if unit is None and role not in (Role.ADMINISTRATOR, Role.STAFF):
                continue
            grant = RoleGrant.objects.create(
                user=user,
                role=role,
                unit=unit,
                revoked_at=timezone.now() if state == "revoked" else None,
                ends_on=today - timedelta(days=1) if state == "expired" else None,
                starts_on=today + timedelta(days=1) if state == "future" else None,
            )
            if state == "active":
                live.append((grant.role, grant.unit))

        visible = set(people_visible_to(user=user))

        for person in people:
            expected = reference_allows(
                grants=live, user_id=user.pk, kind="people.person", action="view", obj=person
            )
            assert (person in visible) == expected
            counter.add("property", granted=expected)
