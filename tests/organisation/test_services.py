import pytest

from commonplace.audit.models import AuditEvent
from commonplace.organisation.enums import UnitKind
from commonplace.organisation.errors import DuplicateCodeError, UnitMoveError
from commonplace.organisation.models import OrgUnit
from commonplace.organisation.services import unit_add_child, unit_move, unit_update
from tests.factories.accounts import UserFactory
from tests.factories.organisation import (
    BranchFactory,
    RegionFactory,
    UnionFactory,
    WorkplaceFactory,
)

pytestmark = pytest.mark.django_db


def test_unit_paths_follow_the_tree():
    workplace = WorkplaceFactory()
    branch, region = workplace.parent, workplace.parent.parent
    union = region.parent

    assert workplace.path.startswith(branch.path)
    assert branch.path.startswith(region.path)
    assert (union.depth, region.depth, branch.depth, workplace.depth) == (0, 1, 2, 3)
    assert workplace.union == union
    assert union.union == union


def test_moving_a_branch_rewrites_the_whole_subtree_in_one_go():
    actor = UserFactory()
    branch = BranchFactory()
    workplace = WorkplaceFactory(parent=branch)
    new_region = RegionFactory(parent=branch.union)

    unit_move(actor=actor, unit=branch, new_parent=new_region)

    branch.refresh_from_db()
    workplace.refresh_from_db()
    assert branch.parent == new_region
    assert branch.path.startswith(new_region.path)
    assert workplace.path.startswith(branch.path)
    assert workplace.depth == new_region.depth + 2
    assert AuditEvent.objects.filter(
        action="organisation.unit.moved", subject_id=str(branch.pk)
    ).exists()


def test_a_unit_cannot_move_under_itself_or_into_another_union():
    actor = UserFactory()
    branch = BranchFactory()
    workplace = WorkplaceFactory(parent=branch)
    before = branch.path

    with pytest.raises(UnitMoveError):
        unit_move(actor=actor, unit=branch, new_parent=workplace)
    with pytest.raises(UnitMoveError):
        unit_move(actor=actor, unit=branch, new_parent=RegionFactory())
    with pytest.raises(UnitMoveError):
        unit_move(actor=actor, unit=branch.union, new_parent=branch)

    branch.refresh_from_db()
    assert branch.path == before


def test_adding_a_unit_refuses_a_second_union_and_a_duplicate_code():
    actor = UserFactory()
    region = RegionFactory()
    unit_add_child(actor=actor, parent=region, name="Cardiff", kind=UnitKind.BRANCH, code="B1")

    with pytest.raises(UnitMoveError):
        unit_add_child(actor=actor, parent=region, name="Nested", kind=UnitKind.UNION)
    with pytest.raises(DuplicateCodeError):
        unit_add_child(actor=actor, parent=region, name="Again", kind=UnitKind.BRANCH, code="B1")
    assert OrgUnit.objects.filter(parent=region).count() == 1


def test_renaming_a_unit_is_audited_with_field_names():
    actor = UserFactory()
    branch = BranchFactory(name="Old")

    changed = unit_update(actor=actor, unit=branch, changes={"name": "New", "code": ""})

    assert changed == ["name"]
    assert AuditEvent.objects.get(action="organisation.unit.changed").changes == ["name"]


def test_staff_browse_and_add_units_only_below_their_place(client):
    from commonplace.access.enums import Role
    from tests.factories.access import RoleGrantFactory

    region = RegionFactory()
    sibling = RegionFactory(parent=region.parent)
    staff = RoleGrantFactory(role=Role.STAFF, unit=region).user
    client.force_login(staff)

    assert client.get(f"/organisation/{region.pk}/").status_code == 200
    assert client.get(f"/organisation/{sibling.pk}/").status_code == 404
    response = client.post(
        f"/organisation/{region.pk}/add/",
        {"name": "Swansea branch", "kind": "branch", "code": "SW1"},
    )
    assert response.status_code == 302
    assert OrgUnit.objects.filter(parent=region, name="Swansea branch").exists()
    assert (
        client.post(f"/organisation/{sibling.pk}/add/", {"name": "X", "kind": "branch"}).status_code
        == 404
    )
    assert not OrgUnit.objects.filter(parent=sibling).exists()


def test_two_unions_never_see_each_others_units(client):
    from commonplace.access.enums import Role
    from tests.factories.access import RoleGrantFactory

    union_a, union_b = UnionFactory(), UnionFactory()
    branch_b = BranchFactory(parent=RegionFactory(parent=union_b))
    admin_a = RoleGrantFactory(role=Role.ADMINISTRATOR, unit=union_a).user
    client.force_login(admin_a)

    assert client.get(f"/organisation/{union_a.pk}/").status_code == 200
    assert client.get(f"/organisation/{union_b.pk}/").status_code == 404
    assert client.get(f"/organisation/{branch_b.pk}/").status_code == 404


def test_people_follow_their_workplace_to_its_new_branch():
    from tests.factories.people import PersonFactory

    workplace = WorkplaceFactory()
    person = PersonFactory(home_unit=workplace)
    new_branch = BranchFactory(parent=workplace.parent.parent)

    unit_move(actor=UserFactory(), unit=workplace, new_parent=new_branch)

    person.refresh_from_db()
    assert person.branch == new_branch
