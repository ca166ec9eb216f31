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
        "/reps/about-me/",
    ):
        browse.open(path)
    assert len(browse.pages_checked) == 17


def test_form_errors_pass_axe(browse, sign_in, demo):
    sign_in(User.objects.get(email="admin@demo.commonplace.test"))
    page = browse.open("/roles/add/")
    browse.submit("Grant the role")  # nothing filled in: every field in error
    assert page.get_by_role("alert").is_visible()


def _fits_the_phone(page) -> bool:
    """No sideways scrolling at phone width: long keys, IRIs and JSON wrap."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_lrs_pages_pass_axe_and_fit_a_phone(browse, sign_in, demo):
    from commonplace.lrs.models import LrsClient
    from tests.factories.lrs import StatementFactory, account_agent

    admin = User.objects.get(email="admin@demo.commonplace.test")
    lms = LrsClient.objects.get(key="demo-lrs-key")
    statement = StatementFactory(
        client=lms,
        actor=account_agent(admin),
        name="Safe lifting at work, a very long course name that has to wrap on a phone",
        activity="https://learning.example.org/activities/" + "x" * 120,
        result={"success": True, "completion": True, "score": {"scaled": 0.9}},
    )
    StatementFactory(client=lms, voided=True)
    sign_in(admin)
    for path in (
        "/lrs/statements/",
        "/lrs/statements/?agent=nobody%40example.org&since=2020-01-01",
        f"/lrs/statements/{statement.pk}/",
        "/lrs/clients/",
        f"/lrs/clients/{lms.pk}/deactivate/",
        "/lrs/mine/",
    ):
        page = browse.open(path)
        assert _fits_the_phone(page), path

    page = browse.open("/lrs/clients/add/")
    browse.submit("Add the client")  # nothing filled in: every field in error
    assert page.get_by_role("alert").is_visible()
    page.get_by_label("Name").fill("Moodle")
    page.get_by_label("Write statements").check()
    browse.submit("Add the client")
    assert page.get_by_role("heading", name="Client added").is_visible()
    assert _fits_the_phone(page)
    assert len(browse.pages_checked) == 9


def test_my_learning_record_in_welsh_passes_axe(browse, sign_in, demo):
    from commonplace.lrs.models import LrsClient
    from tests.factories.lrs import StatementFactory, account_agent

    admin = User.objects.get(email="admin@demo.commonplace.test")
    StatementFactory(client=LrsClient.objects.get(key="demo-lrs-key"), actor=account_agent(admin))
    sign_in(admin)
    browse.page.context.add_cookies(
        [{"name": "commonplace_language", "value": "cy", "url": browse.base_url}]
    )
    page = browse.open("/lrs/mine/")
    assert page.get_by_role("heading", name="Fy nghofnod dysgu").is_visible()
