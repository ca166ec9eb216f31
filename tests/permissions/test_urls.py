"""Every URL whose view declares `permission_required` is fetched by a user the policy grants
(200) and by one it refuses (404), with objects that could leak. New views are found by walking
the URLconf, so a page added later without a case here fails `test_every_protected_url_has_a_case`.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from commonplace.access.enums import Reach, Role
from commonplace.access.models import RoleGrant
from commonplace.access.policy import POLICY

from . import counter

# URL name → the kind of object its `pk` names (None: the page has no object).
OBJECT_KIND = {
    "people:person-list": None,
    "people:person-detail": "people.person",
    "people:person-edit": "people.person",
    "people:equality-summary": None,
    "organisation:unit-list": None,
    "organisation:unit-detail": "organisation.orgunit",
    "organisation:unit-add": "organisation.orgunit",
    "organisation:unit-edit": "organisation.orgunit",
    "organisation:employer-add": "organisation.orgunit",
    "access:grant-list": None,
    "access:grant-add": None,
    "access:grant-revoke": "access.rolegrant",
    "audit:event-list": None,
}


def protected_urls():
    """(name, route, permission) of every view with `permission_required`."""
    found = []

    def walk(patterns, prefix="", namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                view = getattr(entry.callback, "view_class", None)
                permission = getattr(view, "permission_required", "")
                if permission:
                    found.append(
                        (f"{namespace}{entry.name}", prefix + str(entry.pattern), permission)
                    )

    walk(get_resolver().url_patterns)
    return found


def kind_and_action(permission: str) -> tuple[str, str]:
    app, rest = permission.split(".")
    action, model = rest.split("_", 1)
    return f"{app}.{model}", action


def test_every_protected_url_has_a_case():
    assert {name for name, _, _ in protected_urls()} == set(OBJECT_KIND)


def _path(route: str, pk: int | None) -> str:
    return "/" + route.replace("<int:pk>", str(pk))


@pytest.mark.parametrize(("name", "route", "permission"), protected_urls())
def test_protected_url_grants_the_table_and_refuses_with_404(
    world, client, name, route, permission
):
    kind, action = kind_and_action(permission)
    role = next(
        r.role
        for r in sorted(POLICY, key=str)
        if r.kind == kind and r.action == action and r.reach == Reach.SUBTREE
    )
    object_kind = OBJECT_KIND[name]
    granted_user, refused_user = world.people["r1"].account, world.people["r2"].account
    RoleGrant.objects.create(user=granted_user, role=role, unit=world.units["r1"])
    target = world.objects_of(object_kind)["r1b1w1"] if object_kind else None

    client.force_login(granted_user)
    assert client.get(_path(route, getattr(target, "pk", None))).status_code in (200, 302)
    counter.add("url", granted=True)

    client.force_login(refused_user)
    if target is not None:
        # Same role, in the other region: the object exists but is not theirs.
        RoleGrant.objects.create(user=refused_user, role=role, unit=world.units["r2"])
    expected_refusal = 404
    response = client.get(_path(route, getattr(target, "pk", None)))
    if target is None and any(
        r.role == Role.LEARNER and r.kind == kind and r.action == action for r in POLICY
    ):
        expected_refusal = 200  # a page every learner has, showing only their own records
    assert response.status_code == expected_refusal, (name, response.status_code)
    counter.add("url", granted=expected_refusal == 200)


@pytest.mark.parametrize(("name", "route", "permission"), protected_urls())
def test_protected_url_sends_anonymous_visitors_to_sign_in(world, client, name, route, permission):
    object_kind = OBJECT_KIND[name]
    target = world.objects_of(object_kind)["r1b1w1"] if object_kind else None
    response = client.get(_path(route, getattr(target, "pk", None)))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
