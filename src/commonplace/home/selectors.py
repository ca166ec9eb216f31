"""What the home page shows: read from the other apps' selectors, never their models."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.selectors import grants_active_for
from commonplace.caseload.selectors import entry_of_learner, followups_for
from commonplace.people.enums import MembershipStatus
from commonplace.people.selectors import equality_answers_of, people_visible_to, person_of_user
from commonplace.reps.selectors import RepsHomeNotices, reps_home_notices

if TYPE_CHECKING:
    from commonplace.access.models import RoleGrant
    from commonplace.accounts.models import User
    from commonplace.people.models import Person

# Roles whose holders look after other people, in the order their cards appear.
PEOPLE_ROLES = (Role.ULR, Role.COORDINATOR, Role.BRANCH_OFFICER, Role.ORGANISER)


@dataclass
class RoleCard:
    grant: RoleGrant
    people_count: int | None = None
    followups_due: int | None = None  # a ULR's follow-ups overdue or due this week


@dataclass
class HomeSituation:
    person: Person | None
    is_non_member: bool
    needs_equality_answers: bool
    cards: list[RoleCard] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    in_caseload: bool = False  # a ULR has recorded something about the person
    reps: RepsHomeNotices = field(default_factory=RepsHomeNotices)


def home_situation(*, user: User) -> HomeSituation:
    person = person_of_user(user=user)
    grants = sorted(grants_active_for(user=user), key=lambda g: list(Role.values).index(g.role))
    visible = people_visible_to(user=user)
    cards: list[RoleCard] = []
    for grant in grants:
        card = RoleCard(grant=grant)
        if grant.role in PEOPLE_ROLES and grant.unit is not None:
            card.people_count = visible.filter(home_unit__path__startswith=grant.unit.path).count()
        if grant.role == Role.ULR and not any(c.followups_due is not None for c in cards):
            card.followups_due = followups_for(user=user, today=timezone.localdate()).count
        cards.append(card)
    return HomeSituation(
        person=person,
        is_non_member=person is not None and person.status == MembershipStatus.NON_MEMBER,
        needs_equality_answers=person is not None and equality_answers_of(person=person) is None,
        cards=cards,
        roles={grant.role for grant in grants},
        in_caseload=entry_of_learner(user=user) is not None,
        reps=reps_home_notices(user=user, today=timezone.localdate()),
    )
