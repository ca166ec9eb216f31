"""Reads of the caseload, scoped by the policy table and narrowed by the learner's consent.

Two filters apply to every row: `scope_q` (the reader's grants reach the learner's place) and
the consent filter (`_consent_q`): a learner always sees everything about themself; anyone
else sees a section (contact details, needs and conversations, plan and referrals, progress)
only while the consent in force shares it, and only if they are the learner's lead ULR or the
learner shared it with the branch's learning team. The caseload entry itself (who is in whose
caseload) needs only the scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Min, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from commonplace.access.enums import Role
from commonplace.access.selectors import (
    grants_active_for,
    may_reach_others,
    scope_q,
    users_holding,
)
from commonplace.core.site import site_url
from commonplace.learning.selectors import resources_visible_to
from commonplace.lrs import vocabulary
from commonplace.lrs.selectors import statements_of_user
from commonplace.pathways.enums import PathwayStatus
from commonplace.pathways.selectors import (
    PathwayStanding,
    pathway_links,
    pathway_standings,
    pathways_open_to_learner,
    pathways_visible_to,
)
from commonplace.people.selectors import people_search

from .enums import ConsentAudience, ConsentSection, ReferralKind
from .models import CaseloadEntry, Conversation, LearningPlan, Referral

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.db.models import Model

    from commonplace.accounts.models import User
    from commonplace.learning.models import Resource
    from commonplace.pathways.models import Pathway
    from commonplace.people.models import Person

ENTRY = "caseload.caseloadentry"
CONVERSATION = "caseload.conversation"
PLAN = "caseload.learningplan"
REFERRAL = "caseload.referral"
# The kind whose scope governs each section of the story.
SECTION_KIND = {
    ConsentSection.CONTACT: ENTRY,
    ConsentSection.NEEDS: CONVERSATION,
    ConsentSection.PLAN: PLAN,
    ConsentSection.PROGRESS: PLAN,
}
TEAM_AUDIENCES = (ConsentAudience.TEAM, ConsentAudience.PARTNER)


def _consent_q(*, user: User | AnonymousUser, section: str, prefix: str = "") -> Q:
    """Rows the learner's consent lets `user` see in `section` (see the module docstring)."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    own = Q(**{f"{prefix}learner__account": user.pk})
    shared = Q(
        **{
            f"{prefix}consent__shares_{section}": True,
            f"{prefix}consent__withdrawn_at__isnull": True,
        }
    ) & (
        Q(**{f"{prefix}lead_ulr": user.pk})
        | Q(**{f"{prefix}consent__audience__in": TEAM_AUDIENCES})
    )
    return own | shared


def entries_visible_to(
    *, user: User | AnonymousUser, action: str = "view", kind: str = ENTRY
) -> QuerySet[CaseloadEntry]:
    """Caseload entries `user` may `action` (for `kind`: adding a conversation to an entry is
    the conversation kind's "add")."""
    return CaseloadEntry.objects.filter(
        scope_q(
            user=user,
            kind=kind,
            action=action,
            unit_path="learner__home_unit__path",
            owner="learner__account",
        )
    )


def entry_get_visible(
    *, user: User | AnonymousUser, pk: int, action: str = "view", kind: str = ENTRY
) -> CaseloadEntry:
    """One entry `user` may `action`; 404 when absent or not theirs."""
    return get_object_or_404(
        entries_visible_to(user=user, action=action, kind=kind).select_related(
            "learner__home_unit", "learner__workplace", "learner__account", "lead_ulr", "consent"
        ),
        pk=pk,
    )


def entry_of_learner(*, user: User | AnonymousUser) -> CaseloadEntry | None:
    """The signed-in learner's own caseload entry, if they are in one."""
    if not user.is_authenticated:
        return None
    return (
        CaseloadEntry.objects.filter(learner__account=user)
        .select_related("learner", "lead_ulr", "consent")
        .first()
    )


def entry_of_person(*, person: Person) -> CaseloadEntry | None:
    return CaseloadEntry.objects.filter(learner=person).first()


def caseload_list(
    *, user: User | AnonymousUser, mine: bool = False, text: str = ""
) -> QuerySet[CaseloadEntry]:
    """The caseload page: visible entries (only those `user` leads, with `mine`), by name, each
    with `next_follow_up` (the earliest open follow-up) for the template to show when allowed."""
    entries = entries_visible_to(user=user).select_related("learner", "lead_ulr", "consent")
    if mine:
        entries = entries.filter(lead_ulr=user.pk)
    for word in text.split():
        entries = entries.filter(
            Q(learner__given_name__istartswith=word) | Q(learner__family_name__istartswith=word)
        )
    return entries.annotate(
        next_follow_up=Min(
            "conversations__follow_up_on",
            filter=Q(conversations__follow_up_done_on__isnull=True),
        )
    ).order_by("learner__family_name", "learner__given_name", "pk")


def sections_visible(*, user: User | AnonymousUser, entry: CaseloadEntry) -> set[str]:
    """The sections of `entry`'s story `user` may see: the same rule as `_consent_q`, on a
    loaded row (for templates), plus a role that reaches the section's kind beyond oneself."""
    if not user.is_authenticated:
        return set()
    if entry.learner.account_id == user.pk:
        return set(ConsentSection.values)
    consent = entry.consent
    if consent is None or consent.withdrawn_at is not None:
        return set()
    if entry.lead_ulr_id != user.pk and consent.audience not in TEAM_AUDIENCES:
        return set()
    return {
        section
        for section in ConsentSection.values
        if getattr(consent, f"shares_{section}")
        and may_reach_others(user=user, kind=SECTION_KIND[ConsentSection(section)])
    }


def conversations_visible_to(
    *, user: User | AnonymousUser, action: str = "view"
) -> QuerySet[Conversation]:
    return Conversation.objects.filter(
        scope_q(user=user, kind=CONVERSATION, action=action),
        _consent_q(user=user, section=ConsentSection.NEEDS, prefix="entry__"),
    )


def conversations_of_entry(
    *, user: User | AnonymousUser, entry: CaseloadEntry
) -> QuerySet[Conversation]:
    return conversations_visible_to(user=user).filter(entry=entry).select_related("recorded_by")


def plans_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[LearningPlan]:
    return LearningPlan.objects.filter(
        scope_q(user=user, kind=PLAN, action=action),
        _consent_q(user=user, section=ConsentSection.PLAN, prefix="entry__"),
    )


def plan_of_entry(
    *, user: User | AnonymousUser, entry: CaseloadEntry, action: str = "view"
) -> LearningPlan | None:
    return (
        plans_visible_to(user=user, action=action)
        .filter(entry=entry)
        .select_related("ulr_signed_by")
        .prefetch_related("goals", "actions", "resources", "pathways")
        .first()
    )


def plan_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> LearningPlan:
    return get_object_or_404(
        plans_visible_to(user=user, action=action)
        .select_related(
            "entry__learner__account",
            "entry__learner__home_unit",
            "entry__lead_ulr",
            "entry__consent",
            "ulr_signed_by",
        )
        .prefetch_related("goals", "actions", "resources", "pathways"),
        pk=pk,
    )


def referrals_visible_to(*, user: User | AnonymousUser, action: str = "view") -> QuerySet[Referral]:
    return Referral.objects.filter(
        scope_q(user=user, kind=REFERRAL, action=action),
        _consent_q(user=user, section=ConsentSection.PLAN, prefix="entry__"),
    )


def referrals_of_entry(*, user: User | AnonymousUser, entry: CaseloadEntry) -> QuerySet[Referral]:
    return referrals_visible_to(user=user).filter(entry=entry)


def pathways_for_referral(*, user: User | AnonymousUser) -> QuerySet[Model]:
    """Published pathways `user` may see, to refer a learner to, by title."""
    return pathways_visible_to(user=user).filter(status=PathwayStatus.PUBLISHED).order_by("title")


def referrals_with_links(*, user: User | AnonymousUser, entry: CaseloadEntry) -> list[Referral]:
    """The entry's referrals `user` may see, each with `link`: the pathway page when it is a
    pathway referral whose reference is the slug of a pathway `user` may see, else None (two
    queries, whatever the number of referrals)."""
    referrals = list(referrals_of_entry(user=user, entry=entry))
    links = pathway_links(
        user=user, slugs=[r.reference for r in referrals if r.kind == ReferralKind.PATHWAY]
    )
    for referral in referrals:
        found = (
            links.get(referral.reference.strip()) if referral.kind == ReferralKind.PATHWAY else None
        )
        referral.link = found.url if found is not None else None  # type: ignore[attr-defined]
    return referrals


def referral_get_visible(*, user: User | AnonymousUser, pk: int, action: str = "view") -> Referral:
    return get_object_or_404(
        referrals_visible_to(user=user, action=action).select_related("entry__learner"), pk=pk
    )


@dataclass
class FollowUps:
    overdue: list[Conversation] = field(default_factory=list)
    today: list[Conversation] = field(default_factory=list)
    this_week: list[Conversation] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.this_week)


def followups_for(*, user: User | AnonymousUser, today: date) -> FollowUps:
    """Open follow-ups of the learners `user` leads, due in the next seven days or overdue."""
    rows = (
        conversations_visible_to(user=user)
        .filter(
            entry__lead_ulr=user.pk,
            follow_up_done_on__isnull=True,
            follow_up_on__lte=today + timedelta(days=7),
        )
        .select_related("entry__learner")
        .order_by("follow_up_on", "pk")
    )
    due = FollowUps()
    for row in rows:
        assert row.follow_up_on is not None  # noqa: S101 - filtered above; narrows the type
        if row.follow_up_on < today:
            due.overdue.append(row)
        elif row.follow_up_on == today:
            due.today.append(row)
        else:
            due.this_week.append(row)
    return due


def followups_due(*, on: date) -> QuerySet[Conversation]:
    """Open follow-ups due on `on` or before, for reminders to each entry's lead ULR
    (`conversation.entry.lead_ulr`). Not scoped to a reader: the reminder goes to the lead, and
    only while the learner's consent still shares their needs and conversations."""
    return (
        Conversation.objects.filter(
            follow_up_done_on__isnull=True,
            follow_up_on__lte=on,
            entry__consent__shares_needs=True,
            entry__consent__withdrawn_at__isnull=True,
        )
        .select_related("entry__learner", "entry__lead_ulr")
        .order_by("entry__lead_ulr_id", "follow_up_on", "pk")
    )


def caseload_sizes(*, lead_ulr_ids: list[int]) -> dict[int, int]:
    """How many learners each of these ULRs leads (user id → entries; absent: none), in one
    query. A count, not a story: no consent section is read. The caller (the co-ordinator's
    view in reps) has checked the branch is in its reader's scope."""
    if not lead_ulr_ids:
        return {}
    rows = (
        CaseloadEntry.objects.filter(lead_ulr_id__in=lead_ulr_ids)
        .order_by()
        .values("lead_ulr_id")
        .annotate(n=Count("pk"))
    )
    return {row["lead_ulr_id"]: row["n"] for row in rows}


def caseload_first_dates(*, person_ids: list[int]) -> dict[int, date]:
    """The day each of these people was added to a caseload (person id → date; absent: never),
    in one query: for the organising figures' "joined after learning" (reps)."""
    if not person_ids:
        return {}
    rows = CaseloadEntry.objects.filter(learner_id__in=person_ids).values_list(
        "learner_id", "created_at"
    )
    return {person_id: timezone.localdate(created) for person_id, created in rows}


def learners_to_add(*, user: User | AnonymousUser, text: str) -> QuerySet[Person]:
    """People `user` may see, found by name or membership number, not yet in a caseload."""
    if not text.strip():
        return people_search(user=user, text="").none()
    return people_search(user=user, text=text).filter(caseload_entry__isnull=True)[:20]


def ulrs_for_entry(*, entry: CaseloadEntry) -> QuerySet[Model]:
    """The ULRs whose place covers the learner: who may lead them."""
    return users_holding(role=Role.ULR, unit_path=entry.learner.home_unit.path).order_by(
        "display_name", "email", "pk"
    )


def resources_for_plan(*, user: User | AnonymousUser) -> QuerySet[Resource]:
    return resources_visible_to(user=user).order_by("title", "pk")


def pathways_for_plan(
    *, user: User | AnonymousUser | None, entry: CaseloadEntry
) -> QuerySet[Pathway]:
    """Published pathways a plan may link: open to the learner (through their account, or
    their union when they have none) and, unless `user` is None (the demo builder), visible to
    `user` too; by title."""
    learner = entry.learner
    pathways = pathways_open_to_learner(account=learner.account, unit_path=learner.home_unit.path)
    if user is not None:
        pathways = pathways.filter(pk__in=pathways_for_referral(user=user).values("pk"))
    return pathways.order_by("title", "pk")


def plan_pathways_with_progress(
    *, plan: LearningPlan, entry: CaseloadEntry, with_progress: bool
) -> list[tuple[Pathway, PathwayStanding | None]]:
    """The plan's linked pathways by title, each with the learner's standing on it when
    `with_progress` (the caller checked the consent shares progress, or the reader is the
    learner) and the learner has an account; else None. Two queries beyond the plan's
    prefetched pathways, whatever their number."""
    pathways = sorted(plan.pathways.all(), key=lambda p: (p.title, p.pk))
    account_id = entry.learner.account_id
    standings: dict[tuple[int, int], PathwayStanding] = {}
    if with_progress and account_id is not None and pathways:
        standings = pathway_standings(user_ids=[account_id], pathway_ids=[p.pk for p in pathways])
    return [(pathway, standings.get((account_id or 0, pathway.pk))) for pathway in pathways]


@dataclass
class Progress:
    """A learner's progress read from their own statements in the LRS."""

    resources_opened: int = 0
    completed: int = 0
    quizzes_passed: int = 0
    recent: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, verb, what
    resources: dict[int, bool] = field(default_factory=dict)  # linked resource pk → opened


def resource_activity_id(resource: Resource) -> str:
    """The activity IRI the catalogue records a resource under."""
    return site_url(reverse("learning:resource-detail", args=[resource.slug]))


def _name_of(data: dict[str, object], language: str) -> str:
    definition = data.get("object", {})
    names = (definition.get("definition", {}) if isinstance(definition, dict) else {}).get(
        "name", {}
    )
    if not isinstance(names, dict) or not names:
        return str(definition.get("id", "")) if isinstance(definition, dict) else ""
    return str(names.get(language) or names.get("en") or next(iter(names.values())))


def progress_of(
    *, entry: CaseloadEntry, resources: list[Resource] | None = None, language: str = "en"
) -> Progress | None:
    """The learner's progress from the platform's own records (None: they have no account, so
    the LRS holds nothing of theirs). Callers check consent (`sections_visible`) first."""
    account = entry.learner.account
    if account is None:
        return None
    statements = statements_of_user(user=account)
    progress = Progress(
        resources_opened=statements.filter(verb_id=vocabulary.EXPERIENCED.iri)
        .values("activity_id")
        .distinct()
        .count(),
        completed=statements.filter(verb_id=vocabulary.COMPLETED.iri)
        .values("activity_id")
        .distinct()
        .count(),
        quizzes_passed=statements.filter(verb_id=vocabulary.PASSED.iri)
        .values("activity_id")
        .distinct()
        .count(),
    )
    for statement in statements.exclude(verb_id=vocabulary.ANSWERED.iri)[:5]:
        verb = statement.data.get("verb", {}).get("display", {})
        progress.recent.append(
            (
                statement.stored,
                str(verb.get(language) or verb.get("en") or statement.verb_id),
                _name_of(statement.data, language),
            )
        )
    if resources:
        ids = {resource_activity_id(r): r.pk for r in resources}
        opened = set(
            statements.filter(activity_id__in=list(ids)).values_list("activity_id", flat=True)
        )
        progress.resources = {pk: iri in opened for iri, pk in ids.items()}
    return progress


def workplaces_for_adding(*, user: User | AnonymousUser) -> list[tuple[int, str]]:
    """(id, name) of the workplaces where `user` may add a learner to a caseload."""
    found: dict[int, str] = {}
    for grant in grants_active_for(user=user):
        unit = grant.unit
        if unit is None or grant.role != Role.ULR:
            continue
        units = type(unit)._default_manager.filter(path__startswith=unit.path, kind="workplace")
        found.update(units.values_list("pk", "name"))
    return sorted(found.items(), key=lambda item: (item[1], item[0]))


def workplace_for_adding(*, user: User | AnonymousUser, pk: int) -> Model | None:
    """The workplace with `pk` if `user` may add learners there (see `workplaces_for_adding`)."""
    for grant in grants_active_for(user=user):
        unit = grant.unit
        if unit is None or grant.role != Role.ULR:
            continue
        match = (
            type(unit)
            ._default_manager.filter(path__startswith=unit.path, kind="workplace", pk=pk)
            .first()
        )
        if match is not None:
            return match
    return None
