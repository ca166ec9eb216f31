"""The navigation a person sees: built from their roles through the permissions layer."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from commonplace.access.selectors import may_reach_others

# (URL name, label, kind and action that must reach beyond oneself, or None for everyone)
NAVIGATION: list[tuple[str, Promise, tuple[str, str] | None]] = [
    ("home:home", _("Home"), None),
    ("people:my-profile", _("My profile"), None),
    ("learning:catalogue", _("Learning"), None),
    ("pathways:pathway-list", _("Pathways"), None),
    ("lrs_pages:my-record", _("My learning record"), None),
    ("learning_space:home", _("My learning space"), None),
    ("assessment:project-list", _("Projects"), None),
    ("assessment:marking-queue", _("Marking"), ("assessment.submission", "mark")),
    ("certificates:mine", _("My certificates"), None),
    ("skills:index", _("Skills checks"), None),
    ("people:person-list", _("People"), ("people.person", "view")),
    ("caseload:caseload", _("Caseload"), ("caseload.conversation", "view")),
    ("organisation:unit-list", _("Organisation"), ("organisation.orgunit", "view")),
    ("access:grant-list", _("Roles"), ("access.rolegrant", "view")),
    ("audit:event-list", _("Audit log"), ("audit.auditevent", "view")),
    ("lrs_pages:statement-list", _("Learning records"), ("lrs.statement", "view")),
    ("lrs_pages:client-list", _("LRS clients"), ("lrs.client", "view")),
    # Catalogue contributions and quiz authoring (branch `catalogue`).
    ("learning:review-queue", _("Proposals to review"), ("learning.proposal", "review")),
    ("assessment:quiz-manage", _("Write quizzes"), ("assessment.quiz", "change")),
    ("certificates:issued", _("Certificates issued"), ("certificates.certificate", "revoke")),
    ("reps:branch", _("ULRs"), ("reps.repappointment", "view")),
    ("reps:organising", _("Organising"), ("reps.joininvitation", "summarise")),
]


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    current: bool


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = request.user
    if not user.is_authenticated:
        return []
    items = []
    for name, label, needs in NAVIGATION:
        if needs is not None:
            try:
                if not may_reach_others(user=user, kind=needs[0], action=needs[1]):
                    continue
            except KeyError:  # a kind not declared in the policy yet
                continue
        try:
            url = reverse(name)
        except NoReverseMatch:  # an app that is not installed
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append(NavItem(url=url, label=str(label), current=current))
    return items
