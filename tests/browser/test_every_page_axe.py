"""Pages the journeys do not pass through, opened once each so axe checks them too."""

import pytest

from commonplace.access.models import RoleGrant
from commonplace.accounts.models import User
from commonplace.demo.services import demo_load
from commonplace.organisation.models import OrgUnit


@pytest.fixture
def demo(transactional_db):
    demo_load(branches=2, members=20, report=lambda _m: None)


def test_remaining_pages_pass_axe(browse, sign_in, demo):
    admin = User.objects.get(email="admin@demo.commonplace.test")
    branch = OrgUnit.objects.filter(kind="branch").first()
    union = OrgUnit.objects.get(kind="union")
    grant = RoleGrant.objects.filter(role="ulr").first()
    for path in (
        "/",
        "/accessibility/",
        "/privacy/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/no-such-page/",
    ):
        browse.open(path)
    sign_in(admin)
    for path in (
        f"/organisation/{branch.pk}/edit/",
        f"/organisation/{union.pk}/employers/add/",
        f"/people/equality/?unit={union.pk}",
        f"/roles/{grant.pk}/revoke/",
        "/roles/?role=ulr",
        "/accounts/settings/",
        "/accounts/email/",
        "/accounts/password/change/",
        "/accounts/2fa/",
    ):
        browse.open(path)
    assert len(browse.pages_checked) == 16


def test_form_errors_pass_axe(browse, sign_in, demo):
    sign_in(User.objects.get(email="admin@demo.commonplace.test"))
    page = browse.open("/roles/add/")
    browse.submit("Grant the role")  # nothing filled in: every field in error
    assert page.get_by_role("alert").is_visible()
