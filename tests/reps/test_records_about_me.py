"""A person sees what reps recorded about their joining and progress, and nobody else's."""

import pytest

from commonplace.access.enums import Role
from tests.factories.access import RoleGrantFactory
from tests.factories.accounts import UserFactory
from tests.factories.people import PersonFactory
from tests.factories.reps import (
    ActivistRecordFactory,
    JoinInvitationFactory,
    ProgressionFactory,
)

pytestmark = pytest.mark.django_db


def test_a_learner_sees_every_organising_record_about_them_and_no_one_elses(client):
    me = PersonFactory(account=UserFactory())
    other = PersonFactory(account=UserFactory(), home_unit=me.home_unit)
    ProgressionFactory(person=me, from_learning="Functional Skills maths", to_learning="GCSE maths")
    ActivistRecordFactory(person=me, activity="Health and safety rep")
    JoinInvitationFactory(person=me)
    ProgressionFactory(person=other, from_learning="Digital skills", to_learning="Secret course")
    RoleGrantFactory(user=me.account, role=Role.LEARNER)
    # A ULR of the same place may see the other person's records elsewhere, never here.
    RoleGrantFactory(user=me.account, role=Role.ULR, unit=me.home_unit)
    client.force_login(me.account)

    page = client.get("/reps/about-me/").content.decode()

    assert "GCSE maths" in page
    assert "Health and safety rep" in page
    assert "Invited on" in page
    assert "Secret course" not in page


def test_the_page_needs_sign_in(client):
    response = client.get("/reps/about-me/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_an_account_without_the_learner_role_is_refused_like_any_ungranted_page(client):
    me = PersonFactory(account=UserFactory())
    ProgressionFactory(person=me, to_learning="GCSE maths")
    client.force_login(me.account)
    assert client.get("/reps/about-me/").status_code == 404
