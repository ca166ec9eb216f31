"""A plain-Python reading of the policy table: walks parent links, never uses paths or SQL.

The permission tests compare the real layer (`scope_q`, `may`, `visible_to`) with this."""

from commonplace.access.enums import Reach
from commonplace.access.policy import POLICY
from commonplace.organisation.models import OrgUnit


def ancestors_or_self(unit: OrgUnit) -> list[int]:
    chain = []
    while unit is not None:
        chain.append(unit.pk)
        unit = unit.parent
    return chain


def _union_of(union_id: int | None) -> OrgUnit | None:
    return OrgUnit.objects.get(pk=union_id) if union_id else None


# Where each kind of object sits in the tree, and who owns it (None: nobody).
PLACE_AND_OWNER = {
    "people.person": lambda o: (o.home_unit, o.account_id),
    "people.equalityanswers": lambda o: (o.person.home_unit, o.person.account_id),
    "organisation.orgunit": lambda o: (o, None),
    "access.rolegrant": lambda o: (o.unit, o.user_id),
    "audit.auditevent": lambda o: (_union_of(o.union_id), None),
    "lrs.client": lambda o: (_union_of(o.union_id), None),
    "lrs.statement": lambda o: (_union_of(o.client.union_id if o.client_id else None), None),
    "assessment.quiz": lambda o: (o.owner_unit, None),
    "assessment.attempt": lambda o: (o.quiz.owner_unit, o.user_id),
    "learning.resource": lambda o: (o.owner_unit, None),
    "learning.proposal": lambda o: (o.unit, o.proposer_id),
    "learning_space.informallearning": lambda o: (o.user.person.home_unit, o.user_id),
    "learning_space.goal": lambda o: (o.user.person.home_unit, o.user_id),
    "learning_space.savedresource": lambda o: (o.user.person.home_unit, o.user_id),
    "assessment.projectbrief": lambda o: (o.owner_unit, None),
    "assessment.submission": lambda o: (o.unit, o.user_id),
    "notifications.notification": lambda o: (None, o.recipient_id),
    "certificates.certificate": lambda o: (o.user.person.home_unit, o.user_id),
    "pathways.pathway": lambda o: (o.owner_unit, None),
    "pathways.enrolment": lambda o: (o.pathway.owner_unit, o.user_id),
    "caseload.caseloadentry": lambda o: (o.learner.home_unit, o.learner.account_id),
    "caseload.conversation": lambda o: (o.entry.learner.home_unit, o.entry.learner.account_id),
    "caseload.learningplan": lambda o: (o.entry.learner.home_unit, o.entry.learner.account_id),
    "caseload.referral": lambda o: (o.entry.learner.home_unit, o.entry.learner.account_id),
    # skills
    "skills.skillscheck": lambda o: (o.owner_unit, None),
    "skills.skillsresult": lambda o: (o.person.home_unit, o.person.account_id),
    "skills.resultshare": lambda o: (o.result.person.home_unit, None),
    "skills.survey": lambda o: (o.workplace, o.owner_id),
    # reps
    "reps.repappointment": lambda o: (o.unit, o.person.account_id),
    "reps.timeentry": lambda o: (o.appointment.unit, o.appointment.person.account_id),
    "reps.trainingrecord": lambda o: (o.person.home_unit, o.person.account_id),
    "reps.repinvitation": lambda o: (o.unit, o.person.account_id),
    "reps.joininvitation": lambda o: (o.person.home_unit, o.person.account_id),
    "reps.progression": lambda o: (o.person.home_unit, o.person.account_id),
    "reps.activistrecord": lambda o: (o.person.home_unit, o.person.account_id),
}


def place_and_owner(kind: str, obj) -> tuple[OrgUnit | None, int | None]:
    return PLACE_AND_OWNER[kind](obj)


def _reaches(rule, unit: OrgUnit | None, place: OrgUnit | None, owner, user_id: int) -> bool:
    if rule.reach == Reach.SELF:
        return owner is not None and owner == user_id
    if unit is None:
        return True  # a federation-wide grant
    if place is None:
        return False
    if rule.reach == Reach.PLACE:
        return place.pk == unit.pk
    if rule.reach == Reach.UNION:
        return ancestors_or_self(place)[-1] == ancestors_or_self(unit)[-1]
    return unit.pk in ancestors_or_self(place)


def reference_allows(
    *, grants: list[tuple[str, OrgUnit | None]], user_id: int, kind: str, action: str, obj
) -> bool:
    place, owner = place_and_owner(kind, obj)
    return any(
        _reaches(rule, unit, place, owner, user_id)
        for rule in POLICY
        if rule.kind == kind and rule.action == action
        for role, unit in grants
        if role == rule.role
    )
