import pytest

from commonplace.accounts.selectors import account_is_non_member
from commonplace.organisation.selectors import units_for_signup
from commonplace.people.enums import MembershipStatus
from commonplace.people.selectors import person_for_membership_match
from tests.factories.accounts import UserFactory
from tests.factories.organisation import WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db


def test_membership_match_trims_and_ignores_case():
    person = PersonFactory(membership_number="A123", family_name="Ap Rhys")

    found = person_for_membership_match(
        union=person.union, membership_number=" A123 ", family_name="ap rhys "
    )

    assert found == person


@pytest.mark.parametrize(("number", "surname"), [("A999", "Ap Rhys"), ("A123", "Rhys"), ("", "")])
def test_membership_match_refuses_wrong_details(number, surname):
    person = PersonFactory(membership_number="A123", family_name="Ap Rhys")

    assert (
        person_for_membership_match(
            union=person.union, membership_number=number, family_name=surname
        )
        is None
    )


def test_membership_match_skips_a_person_with_an_account():
    person = PersonFactory(account=UserFactory())

    assert (
        person_for_membership_match(
            union=person.union,
            membership_number=person.membership_number,
            family_name=person.family_name,
        )
        is None
    )


def test_account_is_non_member_only_for_non_member_people():
    member = PersonFactory(account=UserFactory())
    learner = PersonFactory(account=UserFactory(), status=MembershipStatus.NON_MEMBER)

    assert not account_is_non_member(user=member.account)
    assert account_is_non_member(user=learner.account)
    assert not account_is_non_member(user=UserFactory())


def test_units_for_signup_lists_branches_then_their_workplaces():
    workplace = WorkplaceFactory()

    assert list(units_for_signup()) == [workplace.parent, workplace]
