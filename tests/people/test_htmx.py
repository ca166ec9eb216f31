import pytest

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.organisation import BranchFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_htmx_search_gets_only_the_results_partial_of_the_same_view(client):
    branch = BranchFactory()
    officer = RoleGrantFactory(role=Role.BRANCH_OFFICER, unit=branch).user
    PersonFactory(home_unit=WorkplaceFactory(parent=branch), family_name="Pritchard")
    client.force_login(officer)

    full = client.get("/people/?q=prit").content.decode()
    partial = client.get("/people/?q=prit", headers={"HX-Request": "true"}).content.decode()

    assert "<html" in full
    assert "<html" not in partial
    assert 'id="results"' in partial
    assert "Pritchard" in partial
