"""Every URL whose view declares `permission_required` is fetched by a user the policy grants
(200) and by one it refuses (404), with objects that could leak. New views are found by walking
the URLconf, so a page added later without a case here fails `test_every_protected_url_has_a_case`.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from commonplace.access.enums import Reach, Role
from commonplace.access.models import RoleGrant
from commonplace.access.policy import POLICY

from . import counter

# URL name → the kind of object its `pk` names (None: the page has no object).
OBJECT_KIND = {
    "people:person-list": None,
    "people:person-detail": "people.person",
    "people:person-edit": "people.person",
    "people:equality-summary": None,
    "organisation:unit-list": None,
    "organisation:unit-detail": "organisation.orgunit",
    "organisation:unit-add": "organisation.orgunit",
    "organisation:unit-edit": "organisation.orgunit",
    "organisation:employer-add": "organisation.orgunit",
    "access:grant-list": None,
    "access:grant-add": None,
    "access:grant-revoke": "access.rolegrant",
    "audit:event-list": None,
    "lrs_pages:statement-list": None,
    "lrs_pages:statement-detail": "lrs.statement",
    "lrs_pages:client-list": None,
    "lrs_pages:client-add": None,
    "lrs_pages:client-deactivate": "lrs.client",
    "lrs_pages:my-record": None,
    "lrs_pages:my-record-download": None,
    "assessment:quiz-list": None,
    "assessment:quiz-detail": "assessment.quiz",
    "assessment:quiz-start": "assessment.quiz",
    "assessment:my-attempts": None,
    "assessment:attempt-take": "assessment.attempt",
    "assessment:attempt-result": "assessment.attempt",
    "learning:catalogue": None,
    "learning:resource-add": None,
    "learning:resource-detail": "learning.resource",
    "learning:resource-file": "learning.resource",
    "learning:resource-edit": "learning.resource",
    "learning:resource-publish": "learning.resource",
    "learning:resource-video": "learning.resource",
    "learning:resource-captions": "learning.resource",
    # Catalogue contributions with review (branch `catalogue`).
    "learning:proposal-list": None,
    "learning:proposal-add": None,
    "learning:review-queue": None,
    "learning:proposal-detail": "learning.proposal",
    "learning:proposal-edit": "learning.proposal",
    "learning:proposal-review": "learning.proposal",
    "learning:proposal-file": "learning.proposal",
    "learning:proposal-video": "learning.proposal",
    "learning:proposal-captions": "learning.proposal",
    "assessment:quiz-manage": None,
    "assessment:quiz-create": None,
    "assessment:quiz-author": "assessment.quiz",
    "assessment:quiz-settings": "assessment.quiz",
    "assessment:question-edit": "assessment.quiz",
    "learning_space:home": None,
    "learning_space:share": None,
    "learning_space:bookmarklet": None,
    "learning_space:informal-list": None,
    "learning_space:informal-add": None,
    "learning_space:informal-edit": "learning_space.informallearning",
    "learning_space:informal-delete": "learning_space.informallearning",
    "learning_space:informal-evidence": "learning_space.informallearning",
    "learning_space:goal-list": None,
    "learning_space:goal-edit": "learning_space.goal",
    "learning_space:goal-status": "learning_space.goal",
    "learning_space:saved-list": None,
    "learning_space:export": None,
    "learning_space:export-pdf": None,
    "assessment:project-list": None,
    "assessment:project-detail": "assessment.projectbrief",
    "assessment:project-submit": "assessment.projectbrief",
    "assessment:submission-detail": "assessment.submission",
    "assessment:submission-file": "assessment.submissionfile",
    "assessment:submission-mark": "assessment.submission",
    "assessment:marking-queue": None,
    "notifications:notification-list": None,
    "notifications:notification-read": "notifications.notification",
    "certificates:mine": None,
    "certificates:issued": None,
    "certificates:certificate-detail": "certificates.certificate",
    "certificates:certificate-pdf": "certificates.certificate",
    "certificates:certificate-revoke": "certificates.certificate",
    # Learning pathways: step pages are checked on their pathway (kind pathways.pathway).
    "pathways:pathway-list": None,
    "pathways:pathway-add": None,
    "pathways:my-pathways": None,
    "pathways:pathway-detail": "pathways.pathway",
    "pathways:pathway-enrol": "pathways.pathway",
    "pathways:pathway-edit": "pathways.pathway",
    "pathways:pathway-publish": "pathways.pathway",
    "pathways:pathway-dropoff": "pathways.pathway",
    "pathways:step-add": "pathways.pathway",
    "pathways:step-detail": "pathways.step",
    "pathways:step-finish": "pathways.step",
    "pathways:step-edit": "pathways.step",
    "pathways:step-remove": "pathways.step",
    "pathways:step-move": "pathways.step",
    "pathways:enrolment-detail": "pathways.enrolment",
    # caseload: pages under an entry name the entry; plans and referrals their own pk.
    "caseload:caseload": None,
    "caseload:learner-add": None,
    "caseload:followups": None,
    "caseload:my-record": None,
    "caseload:entry-detail": "caseload.caseloadentry",
    "caseload:entry-consent": "caseload.caseloadentry",
    "caseload:entry-withdraw": "caseload.caseloadentry",
    "caseload:entry-reassign": "caseload.caseloadentry",
    "caseload:entry-needs": "caseload.caseloadentry",
    "caseload:conversation-add": "caseload.caseloadentry",
    "caseload:plan-edit": "caseload.caseloadentry",
    "caseload:referral-add": "caseload.caseloadentry",
    "caseload:plan-print": "caseload.learningplan",
    "caseload:plan-sign": "caseload.learningplan",
    "caseload:referral-status": "caseload.referral",
    # skills (skills checks and learning-needs surveys)
    "skills:index": None,
    "skills:check-take": "skills.skillscheck",
    "skills:check-with": "skills.skillscheck",
    "skills:my-results": None,
    "skills:result-detail": "skills.skillsresult",
    "skills:result-share": "skills.skillsresult",
    "skills:result-unshare": "skills.skillsresult",
    "skills:shared-list": None,
    "skills:shared-detail": "skills.resultshare",
    "skills:check-manage-list": None,
    "skills:check-add": None,
    "skills:check-edit": "skills.skillscheck",
    "skills:check-publish": "skills.skillscheck",
    "skills:survey-list": None,
    "skills:survey-add": None,
    "skills:survey-detail": "skills.survey",
    "skills:survey-question-add": "skills.survey",
    "skills:survey-open": "skills.survey",
    "skills:survey-close": "skills.survey",
    "skills:survey-results": "skills.survey",
    "skills:survey-csv": "skills.survey",
    # reps
    "reps:about-me": None,
    "reps:my-role": None,
    "reps:time-add": None,
    "reps:time-delete": "reps.timeentry",
    "reps:training-add": None,
    "reps:branch": None,
    "reps:appointment-add": None,
    "reps:appointment-edit": "reps.repappointment",
    "reps:appointment-notice": "reps.repappointment",
    "reps:invitation-add": None,
    "reps:invitation-respond": "reps.repinvitation",
    "reps:facility-time": None,
    "reps:facility-time-csv": None,
    "reps:organising": None,
    "reps:join-add": None,
    "reps:join-outcome": "reps.joininvitation",
    "reps:progression-add": None,
    "reps:activist-add": None,
}

# Kinds whose objects sit at the union itself (an LRS client, and through it its statements):
# the granted user holds the role at the union, the refused one at the other union.
# Learning resources and quizzes are seen anywhere in their union, so the refusal is from
# the other union.
UNION_LEVEL_KINDS = {
    "lrs.client",
    "lrs.statement",
    "assessment.quiz",
    "learning.resource",
    "assessment.projectbrief",
    "pathways.pathway",
    "pathways.step",
    "skills.skillscheck",
}
# Kinds only their owner reaches (a quiz attempt): granted to the owner, refused to another
# person of the same union.
OWN_ONLY_KINDS = {
    "assessment.attempt",
    "learning_space.informallearning",
    "learning_space.goal",
    "learning_space.savedresource",
    "notifications.notification",
    "pathways.enrolment",
    "skills.skillsresult",
    "reps.timeentry",
    "reps.repinvitation",
}
# Pages of a kind others may see but only its owner uses (changing one's own proposal).
OWN_ONLY_URLS = {"learning:proposal-edit"}


def protected_urls():
    """(name, route, permission) of every view with `permission_required`."""
    found = []

    def walk(patterns, prefix="", namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                view = getattr(entry.callback, "view_class", None)
                permission = getattr(view, "permission_required", "")
                if permission:
                    found.append(
                        (f"{namespace}{entry.name}", prefix + str(entry.pattern), permission)
                    )

    walk(get_resolver().url_patterns)
    return found


def kind_and_action(permission: str) -> tuple[str, str]:
    app, rest = permission.split(".")
    action, model = rest.split("_", 1)
    return f"{app}.{model}", action


def test_every_protected_url_has_a_case():
    assert {name for name, _, _ in protected_urls()} == set(OBJECT_KIND)


def _path(route: str, target) -> str:
    pk, slug = getattr(target, "pk", None), getattr(target, "slug", None)
    return "/" + route.replace("<int:pk>", str(pk)).replace("<slug:slug>", str(slug))


@pytest.mark.parametrize(("name", "route", "permission"), protected_urls())
def test_protected_url_grants_the_table_and_refuses_with_404(
    world, client, name, route, permission
):
    kind, action = kind_and_action(permission)
    object_kind = OBJECT_KIND[name]
    if object_kind in OWN_ONLY_KINDS or name in OWN_ONLY_URLS:
        target = world.objects_of(object_kind)["r1b1w1"]
        client.force_login(world.people["r1b1w1"].account)
        assert client.get(_path(route, target)).status_code in (200, 302)
        client.force_login(world.people["r1b1w2"].account)
        assert client.get(_path(route, target)).status_code == 404
        counter.add("url", granted=True)
        counter.add("url", granted=False)
        return
    if object_kind is None and all(
        r.reach == Reach.SELF for r in POLICY if r.kind == kind and r.action == action
    ):
        # A page of one's own records (my attempts): every learner has it, showing only theirs.
        client.force_login(world.people["r1b1w1"].account)
        assert client.get(_path(route, None)).status_code == 200
        counter.add("url", granted=True)
        return
    role = next(
        r.role
        for r in sorted(POLICY, key=str)
        if r.kind == kind and r.action == action and r.reach in (Reach.SUBTREE, Reach.UNION)
    )
    union_level = object_kind in UNION_LEVEL_KINDS
    granted_key, refused_key = ("u1", "u2") if union_level else ("r1", "r2")
    granted_user, refused_user = (
        world.people[granted_key].account,
        world.people[refused_key].account,
    )
    RoleGrant.objects.create(user=granted_user, role=role, unit=world.units[granted_key])
    target_key = "u1" if union_level else "r1b1w1"
    target = world.objects_of(object_kind)[target_key] if object_kind else None

    client.force_login(granted_user)
    assert client.get(_path(route, target)).status_code in (200, 302)
    counter.add("url", granted=True)

    client.force_login(refused_user)
    if target is not None:
        # Same role, in the other region (union): the object exists but is not theirs.
        RoleGrant.objects.create(user=refused_user, role=role, unit=world.units[refused_key])
    expected_refusal = 404
    response = client.get(_path(route, target))
    if target is None and any(
        r.role == Role.LEARNER and r.kind == kind and r.action == action for r in POLICY
    ):
        expected_refusal = 200  # a page every learner has, showing only their own records
    assert response.status_code == expected_refusal, (name, response.status_code)
    counter.add("url", granted=expected_refusal == 200)


@pytest.mark.parametrize(("name", "route", "permission"), protected_urls())
def test_protected_url_sends_anonymous_visitors_to_sign_in(world, client, name, route, permission):
    object_kind = OBJECT_KIND[name]
    target_key = "u1" if object_kind in UNION_LEVEL_KINDS else "r1b1w1"
    target = world.objects_of(object_kind)[target_key] if object_kind else None
    response = client.get(_path(route, target))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
