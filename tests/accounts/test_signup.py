"""Sign-up: the member path (membership match) and the non-member learner path."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from commonplace.access.enums import Role
from commonplace.access.models import RoleGrant
from commonplace.accounts.errors import MembershipNotMatchedError
from commonplace.accounts.models import User
from commonplace.audit.models import AuditEvent
from commonplace.people.enums import MembershipStatus
from commonplace.people.models import Person
from tests.factories.accounts import UserFactory
from tests.factories.organisation import UnionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-unusual-passphrase-42"
NOT_MATCHED = str(MembershipNotMatchedError().message)


def member_data(person, **overrides):
    data = {
        "email": "new.member@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "union": person.union.pk,
        "path": "member",
        "membership_number": person.membership_number,
        "surname": person.family_name,
    }
    return {**data, **overrides}


def non_member_data(unit, **overrides):
    data = {
        "email": "learner@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "union": unit.union.pk,
        "path": "non_member",
        "given_name": "Ceri",
        "family_name": "Jones",
        "home_unit": unit.pk,
    }
    return {**data, **overrides}


def test_signup_member_match_links_person_and_grants_learner(client):
    person = PersonFactory(family_name="Price")

    response = client.post(
        reverse("account_signup"),
        member_data(person, membership_number=f"  {person.membership_number} ", surname=" pRICE"),
    )

    assert response.status_code == 302
    user = User.objects.get(email="new.member@example.org")
    person.refresh_from_db()
    assert person.account == user
    grant = RoleGrant.objects.get(user=user)
    assert (grant.role, grant.unit) == (Role.LEARNER, person.home_unit)
    assert AuditEvent.objects.filter(action="accounts.signup.completed", actor=user).count() == 1
    assert not EmailAddress.objects.get(user=user).verified


@pytest.mark.parametrize("field", ["membership_number", "surname"])
def test_signup_member_mismatch_gives_one_message_whatever_is_wrong(client, field):
    person = PersonFactory()

    response = client.post(reverse("account_signup"), member_data(person, **{field: "Wrong9"}))

    assert response.status_code == 200
    assert response.context["form"].errors["membership_number"] == [NOT_MATCHED]
    assert not User.objects.exists()


def test_signup_member_of_another_union_is_not_matched(client):
    person = PersonFactory()
    other_union = UnionFactory()

    response = client.post(reverse("account_signup"), member_data(person, union=other_union.pk))

    assert response.context["form"].errors["membership_number"] == [NOT_MATCHED]


def test_signup_member_already_linked_is_refused_with_the_same_message(client):
    person = PersonFactory(account=UserFactory())

    response = client.post(reverse("account_signup"), member_data(person))

    assert response.context["form"].errors["membership_number"] == [NOT_MATCHED]
    assert User.objects.count() == 1


def test_signup_member_without_number_asks_for_it(client):
    person = PersonFactory()

    response = client.post(
        reverse("account_signup"), member_data(person, membership_number="", surname="")
    )

    errors = response.context["form"].errors
    assert errors["membership_number"] == ["Enter your membership number"]
    assert errors["surname"] == ["Enter your surname"]


def test_signup_non_member_creates_person_grant_and_audit(client):
    workplace = WorkplaceFactory()

    response = client.post(reverse("account_signup"), non_member_data(workplace))

    assert response.status_code == 302
    user = User.objects.get(email="learner@example.org")
    person = Person.objects.get(account=user)
    assert person.status == MembershipStatus.NON_MEMBER
    assert (person.home_unit, person.workplace, person.branch) == (
        workplace,
        workplace,
        workplace.parent,
    )
    assert (person.given_name, person.family_name, person.union) == (
        "Ceri",
        "Jones",
        workplace.union,
    )
    assert RoleGrant.objects.get(user=user).unit == workplace
    actions = set(AuditEvent.objects.filter(actor=user).values_list("action", flat=True))
    assert actions == {"accounts.signup.completed", "people.person.created", "access.grant.created"}
    assert user.display_name == "Ceri Jones"


def test_signup_non_member_at_a_branch_has_no_workplace(client):
    branch = WorkplaceFactory().parent

    client.post(reverse("account_signup"), non_member_data(branch))

    person = Person.objects.get(account__email="learner@example.org")
    assert (person.home_unit, person.branch, person.workplace) == (branch, branch, None)


def test_signup_non_member_needs_name_and_place(client):
    workplace = WorkplaceFactory()

    response = client.post(
        reverse("account_signup"),
        non_member_data(workplace, given_name=" ", family_name="", home_unit=""),
    )

    assert set(response.context["form"].errors) == {"given_name", "family_name", "home_unit"}
    assert not Person.objects.filter(status=MembershipStatus.NON_MEMBER).exists()


def test_signup_non_member_cannot_pick_a_unit_of_another_union(client):
    workplace = WorkplaceFactory()
    other = WorkplaceFactory()

    response = client.post(
        reverse("account_signup"), non_member_data(workplace, home_unit=other.pk)
    )

    assert response.context["form"].errors["home_unit"] == [
        "Choose a workplace or branch of your union"
    ]


def test_signup_form_hides_the_union_when_there_is_one(client):
    WorkplaceFactory()

    response = client.get(reverse("account_signup"))

    assert response.context["form"]["union"].is_hidden
    assert 'type="hidden" name="union"' in response.content.decode()


def test_signup_form_asks_for_the_union_when_there_are_several(client):
    first, second = WorkplaceFactory(), WorkplaceFactory()

    response = client.get(reverse("account_signup"))

    page = response.content.decode()
    assert not response.context["form"]["union"].is_hidden
    assert first.union.name in page
    assert second.union.name in page


def test_signup_path_is_required(client):
    workplace = WorkplaceFactory()

    response = client.post(reverse("account_signup"), non_member_data(workplace, path=""))

    assert response.context["form"].errors["path"] == [
        "Select whether you are a member of the union"
    ]


def test_signup_is_rate_limited_per_address(client):
    workplace = WorkplaceFactory()
    invalid = non_member_data(workplace, given_name="")
    for _ in range(20):
        assert client.post(reverse("account_signup"), invalid).status_code == 200

    response = client.post(reverse("account_signup"), non_member_data(workplace))

    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert not User.objects.exists()


def test_signup_verification_mail_is_in_the_language_of_the_page(client, mailoutbox, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    client.post(reverse("account_signup"), non_member_data(WorkplaceFactory()))

    [message] = mailoutbox
    assert "Cadarnhewch eich cyfeiriad e-bost" in message.subject


def test_signup_says_what_is_missing(client):
    WorkplaceFactory()

    response = client.post(reverse("account_signup"), {"path": "member"})

    errors = response.context["form"].errors
    assert errors["email"] == ["Enter your email address"]
    assert errors["password1"] == ["Create a password"]
    assert 'placeholder="' not in response.content.decode()
