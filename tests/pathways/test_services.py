import base64
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from commonplace.assessment.services import attempt_start, attempt_submit, quiz_activity_id
from commonplace.audit.models import AuditEvent
from commonplace.certificates.selectors import certificates_of_user
from commonplace.learning.selectors import resource_activity_id
from commonplace.lrs import vocabulary
from commonplace.lrs.enums import Scope
from commonplace.lrs.selectors import statements_actor_for_user, statements_of_user
from commonplace.lrs.services import lrs_client_create
from commonplace.lrs.services.statements import statement_record
from commonplace.notifications.models import Notification
from commonplace.pathways.enums import StepKind
from commonplace.pathways.errors import (
    AlreadyEnrolledError,
    NotEnrolledError,
    PathwayEmptyError,
    PathwayNotAllowedError,
    PathwayNotPublishedError,
    PrerequisiteCycleError,
    PrerequisitesNotMetError,
    StepIncompleteError,
    StepLockedError,
)
from commonplace.pathways.models import Enrolment, Pathway, Step, StepProgress
from commonplace.pathways.selectors import pathway_activity_id, pathway_dropoff, pathway_steps
from commonplace.pathways.services import (
    enrolment_create,
    pathway_create,
    pathway_publish,
    pathway_update,
    progress_from_statements,
    step_add,
    step_finish,
    step_move,
    step_remove,
    step_update,
)
from tests.factories.learning import ResourceFactory
from tests.factories.pathways import PathwayFactory

from .conftest import build_pathway, passable_quiz

pytestmark = pytest.mark.django_db


def _verbs(user, activity_id):
    return list(
        statements_of_user(user=user)
        .filter(activity_id=activity_id)
        .values_list("verb_id", flat=True)
    )


def _finish_all(user, pathway):
    for step in pathway_steps(pathway=pathway):
        if step.kind == StepKind.RESOURCE and step.required:
            step_finish(actor=user, step=step)


# --- enrolment ---------------------------------------------------------------------------------


def test_enrol_records_registered_statement_and_audit(learner, union):
    pathway = build_pathway(union)

    enrolment = enrolment_create(actor=learner, pathway=pathway)

    assert enrolment.user == learner
    assert enrolment.completed_at is None
    assert _verbs(learner, pathway_activity_id(pathway)) == [vocabulary.REGISTERED.iri]
    assert AuditEvent.objects.filter(action="pathways.enrolment.created").count() == 1


def test_enrol_refuses_a_draft_pathway(learner, union):
    pathway = build_pathway(union, status="draft")
    with pytest.raises(PathwayNotPublishedError):
        enrolment_create(actor=learner, pathway=pathway)
    assert not Enrolment.objects.exists()


def test_enrol_twice_is_refused(learner, union):
    pathway = build_pathway(union)
    enrolment_create(actor=learner, pathway=pathway)
    with pytest.raises(AlreadyEnrolledError):
        enrolment_create(actor=learner, pathway=pathway)


def test_enrol_refused_until_prerequisite_pathway_is_completed(learner, union):
    first = build_pathway(union, resources=1, title="Organising 1")
    second = build_pathway(union, resources=1, title="Organising 2")
    second.prerequisites.set([first])

    with pytest.raises(PrerequisitesNotMetError) as refused:
        enrolment_create(actor=learner, pathway=second)
    assert "Organising 1" in refused.value.message
    assert not Enrolment.objects.filter(pathway=second).exists()

    enrolment_create(actor=learner, pathway=first)
    _finish_all(learner, first)
    assert enrolment_create(actor=learner, pathway=second).pathway == second


def test_enrol_credits_steps_done_before_enrolling(learner, union):
    pathway = build_pathway(union, resources=2)
    first = pathway_steps(pathway=pathway)[0]
    statement_record(
        actor=statements_actor_for_user(learner),
        verb=vocabulary.COMPLETED,
        activity_id=first.activity_id,
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": "Read 1"},
    )
    # Only experiencing the second one does not count.
    statement_record(
        actor=statements_actor_for_user(learner),
        verb=vocabulary.EXPERIENCED,
        activity_id=pathway_steps(pathway=pathway)[1].activity_id,
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": "Read 2"},
    )

    enrolment = enrolment_create(actor=learner, pathway=pathway)

    assert set(enrolment.progress.values_list("step_id", flat=True)) == {first.pk}


def test_enrol_when_everything_was_done_before_completes_at_once(learner, union):
    pathway = build_pathway(union, resources=1)
    step = pathway_steps(pathway=pathway)[0]
    statement_record(
        actor=statements_actor_for_user(learner),
        verb=vocabulary.COMPLETED,
        activity_id=step.activity_id,
        activity_type=vocabulary.ActivityType.LESSON,
        activity_name={"en": "Read 1"},
    )
    assert enrolment_create(actor=learner, pathway=pathway).completed_at is not None


# --- progress from the LRS ---------------------------------------------------------------------


def test_finishing_a_resource_step_records_completed_and_marks_progress(learner, union):
    pathway = build_pathway(union, resources=2)
    enrolment = enrolment_create(actor=learner, pathway=pathway)
    first = pathway_steps(pathway=pathway)[0]

    step_finish(actor=learner, step=first)

    assert vocabulary.COMPLETED.iri in _verbs(learner, resource_activity_id(first.resource))
    assert list(enrolment.progress.values_list("step_id", flat=True)) == [first.pk]
    enrolment.refresh_from_db()
    assert enrolment.completed_at is None


def test_finishing_needs_an_enrolment(learner, union):
    pathway = build_pathway(union, resources=1)
    with pytest.raises(NotEnrolledError):
        step_finish(actor=learner, step=pathway_steps(pathway=pathway)[0])


def test_a_locked_step_cannot_be_finished(learner, union):
    pathway = build_pathway(union, resources=2)
    first, second = pathway_steps(pathway=pathway)
    step_update(actor=None, step=second, fields={}, prerequisites=[first])
    enrolment_create(actor=learner, pathway=pathway)

    with pytest.raises(StepLockedError):
        step_finish(actor=learner, step=second)

    step_finish(actor=learner, step=first)
    step_finish(actor=learner, step=second)
    assert StepProgress.objects.filter(step=second).count() == 1


def test_passing_the_quiz_marks_the_quiz_step(learner, union):
    quiz, right = passable_quiz(union)
    pathway = build_pathway(union, resources=0, quiz=quiz)
    enrolment = enrolment_create(actor=learner, pathway=pathway)

    failed = attempt_start(actor=learner, quiz=quiz)
    wrong = {pk: str(int(value) + 1) for pk, value in right.items()}
    attempt_submit(actor=learner, attempt=failed, responses=wrong)
    assert not enrolment.progress.exists()  # `failed` does not complete a quiz step

    attempt = attempt_start(actor=learner, quiz=quiz)
    attempt_submit(actor=learner, attempt=attempt, responses=right)

    enrolment.refresh_from_db()
    assert enrolment.progress.get().step.quiz == quiz
    assert enrolment.completed_at is not None


def _outside_client(client):
    lrs_client, secret = lrs_client_create(actor=None, name="Provider LMS", scopes=[Scope.ALL])
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}


def test_statement_posted_by_an_outside_client_marks_progress(client, learner, union):
    pathway = build_pathway(union, resources=1, optional=1)
    enrolment = enrolment_create(actor=learner, pathway=pathway)
    step = pathway_steps(pathway=pathway)[0]
    statement = {
        "actor": statements_actor_for_user(learner),
        "verb": {"id": vocabulary.COMPLETED.iri, "display": {"en": "completed"}},
        "object": {"objectType": "Activity", "id": step.activity_id},
    }

    response = client.post(
        "/xapi/statements",
        json.dumps(statement),
        content_type="application/json",
        headers=_outside_client(client),
    )

    assert response.status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.progress.get().step == step
    assert enrolment.completed_at is not None  # the optional step is not needed
    assert vocabulary.COMPLETED.iri in _verbs(learner, pathway_activity_id(pathway))


def test_statements_of_other_actors_or_verbs_mark_nothing(learner, other_learner, union):
    pathway = build_pathway(union, resources=1)
    enrolment_create(actor=learner, pathway=pathway)
    step = pathway_steps(pathway=pathway)[0]
    for actor, verb in (
        (statements_actor_for_user(other_learner), vocabulary.COMPLETED),  # not enrolled
        ({"mbox": "mailto:learner@a.test"}, vocabulary.COMPLETED),  # not the platform agent
        (statements_actor_for_user(learner), vocabulary.PASSED),  # not the resource's verb
    ):
        statement_record(
            actor=actor,
            verb=verb,
            activity_id=step.activity_id,
            activity_type=vocabulary.ActivityType.LESSON,
            activity_name={"en": "x"},
        )
    assert not StepProgress.objects.exists()


def test_progress_costs_no_query_when_nothing_could_match(django_assert_num_queries, learner):
    statements = [
        {
            "actor": {"mbox": f"mailto:someone{i}@example.org"},
            "verb": {"id": vocabulary.COMPLETED.iri},
            "object": {"id": f"https://elsewhere.example/course/{i}"},
        }
        for i in range(50)
    ] + [
        {
            "actor": statements_actor_for_user(learner),
            "verb": {"id": vocabulary.EXPERIENCED.iri},
            "object": {"id": "http://testserver/learning/x/"},
        }
    ]
    with django_assert_num_queries(0):
        assert progress_from_statements(statements=statements) == 0


def test_progress_batch_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries, learner, union
):
    pathway = build_pathway(union, resources=12)
    enrolment_create(actor=learner, pathway=pathway)
    steps = pathway_steps(pathway=pathway)
    statements = [
        {
            "actor": statements_actor_for_user(learner),
            "verb": {"id": vocabulary.COMPLETED.iri},
            "object": {"id": step.activity_id},
        }
        for step in steps[:10]
    ]
    # Steps, enrolments, one insert, one completion check (and a savepoint around them).
    with django_assert_max_num_queries(6):
        assert progress_from_statements(statements=statements) == 10


def test_completing_records_completed_for_the_pathway_once(learner, union):
    pathway = build_pathway(union, resources=2, optional=1)
    enrolment = enrolment_create(actor=learner, pathway=pathway)

    _finish_all(learner, pathway)

    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    verbs = _verbs(learner, pathway_activity_id(pathway))
    assert sorted(verbs) == sorted([vocabulary.REGISTERED.iri, vocabulary.COMPLETED.iri])
    assert AuditEvent.objects.filter(action="pathways.enrolment.completed").count() == 1


def test_completing_issues_a_certificate_and_tells_the_learner(learner, union):
    pathway = build_pathway(union, resources=2)
    enrolment_create(actor=learner, pathway=pathway)

    _finish_all(learner, pathway)
    _finish_all(learner, pathway)  # again: still one certificate

    certificate = certificates_of_user(user=learner).get()
    assert certificate.achievement.key == f"pathway:{pathway.pk}"
    assert certificate.achievement.name == pathway.title
    assert certificate.achievement.issuer_unit == union
    assert certificate.revoked_at is None
    notice = Notification.objects.get(recipient=learner, kind="certificate_issued")
    assert notice.url == f"/certificates/{certificate.pk}/"
    assert pathway.title in notice.title
    # The badge was earned in the learner's record too.
    assert vocabulary.EARNED.iri in [s.verb_id for s in statements_of_user(user=learner)]


def test_a_live_session_is_attended(learner, union):
    pathway = PathwayFactory(owner_unit=union)
    step = step_add(
        actor=None,
        pathway=pathway,
        fields={
            "title": "Branch meeting",
            "kind": StepKind.SESSION,
            "session_starts_at": timezone.now() + timedelta(days=3),
            "session_place": "Union office, room 2",
        },
    )
    enrolment = enrolment_create(actor=learner, pathway=pathway)

    step_finish(actor=learner, step=step)

    assert _verbs(learner, step.activity_id) == [vocabulary.ATTENDED.iri]
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None


# --- drop-off ----------------------------------------------------------------------------------


def test_dropoff_counts_completions_and_where_learners_stopped(
    learner, other_learner, staff, union
):
    pathway = build_pathway(union, resources=3)
    first, second, _third = pathway_steps(pathway=pathway)
    for user in (learner, other_learner, staff):
        enrolment_create(actor=user, pathway=pathway)
    step_finish(actor=learner, step=first)
    step_finish(actor=learner, step=second)
    step_finish(actor=other_learner, step=first)
    _finish_all(staff, pathway)

    dropoff = pathway_dropoff(pathway=pathway)

    assert (dropoff.enrolled, dropoff.completed, dropoff.not_started) == (3, 1, 0)
    assert [(row.completed, row.stopped) for row in dropoff.rows] == [(3, 1), (2, 1), (1, 0)]


# --- authoring ---------------------------------------------------------------------------------


def test_create_sanitises_the_description_and_audits(staff, union):
    pathway = pathway_create(
        actor=staff,
        owner_unit=union,
        fields={
            "title": "Digital skills for work",
            "summary": "Get confident online.",
            "description": '<p onclick="x()">Hello</p><script>alert(1)</script>',
            "level": "entry",
            "estimated_hours": 4,
            "language": "en",
        },
    )
    assert pathway.slug == "digital-skills-for-work"
    assert pathway.description == "<p>Hello</p>"
    assert pathway.status == "draft"
    assert pathway.author == staff
    assert AuditEvent.objects.filter(action="pathways.pathway.created").count() == 1


def test_create_outside_the_authors_place_is_refused(region_staff, union):
    with pytest.raises(PathwayNotAllowedError):
        pathway_create(
            actor=region_staff,
            owner_unit=union,
            fields={"title": "T", "summary": "S", "level": "entry", "estimated_hours": 1,
                    "language": "en"},
        )  # fmt: skip
    assert not Pathway.objects.exists()


def test_pathway_prerequisite_cycle_is_refused(staff, union):
    one, two, three = (PathwayFactory(owner_unit=union) for _ in range(3))
    pathway_update(actor=staff, pathway=two, fields={}, prerequisites=[one])
    pathway_update(actor=staff, pathway=three, fields={}, prerequisites=[two])

    with pytest.raises(PrerequisiteCycleError):
        pathway_update(actor=staff, pathway=one, fields={}, prerequisites=[three])
    with pytest.raises(PrerequisiteCycleError):
        pathway_update(actor=staff, pathway=one, fields={}, prerequisites=[one])
    assert not one.prerequisites.exists()


def test_step_prerequisite_cycle_is_refused(staff, union):
    pathway = build_pathway(union, resources=3)
    first, second, third = pathway_steps(pathway=pathway)
    step_update(actor=staff, step=second, fields={}, prerequisites=[first])
    step_update(actor=staff, step=third, fields={}, prerequisites=[second])

    with pytest.raises(PrerequisiteCycleError):
        step_update(actor=staff, step=first, fields={}, prerequisites=[third])
    assert not first.prerequisites.exists()


def test_step_of_a_kind_needs_its_target(staff, union):
    pathway = PathwayFactory(owner_unit=union)
    with pytest.raises(StepIncompleteError):
        step_add(actor=staff, pathway=pathway, fields={"title": "Q", "kind": StepKind.QUIZ})
    with pytest.raises(StepIncompleteError):
        step_add(actor=staff, pathway=pathway, fields={"title": "S", "kind": StepKind.SESSION})
    assert not Step.objects.exists()


def test_step_activity_ids_follow_their_kind(staff, union):
    quiz, _right = passable_quiz(union)
    resource = ResourceFactory(owner_unit=union)
    pathway = PathwayFactory(owner_unit=union)
    step = step_add(
        actor=staff,
        pathway=pathway,
        fields={"title": "R", "kind": "resource", "resource": resource},
    )
    assert step.activity_id == resource_activity_id(resource)
    step_update(actor=staff, step=step, fields={"kind": StepKind.QUIZ, "quiz": quiz})
    step.refresh_from_db()
    assert step.activity_id == quiz_activity_id(quiz)
    assert step.resource is None


def test_steps_move_up_and_down_and_removal_renumbers(staff, union):
    pathway = build_pathway(union, resources=3)
    first, second, third = pathway_steps(pathway=pathway)

    assert step_move(actor=staff, step=third, direction="up")
    assert [s.pk for s in pathway_steps(pathway=pathway)] == [first.pk, third.pk, second.pk]
    assert not step_move(actor=staff, step=first, direction="up")  # already at the top

    step_remove(actor=staff, step=third)
    steps = pathway_steps(pathway=pathway)
    assert [(s.pk, s.position) for s in steps] == [(first.pk, 1), (second.pk, 2)]
    assert AuditEvent.objects.filter(action="pathways.step.moved").count() == 1
    assert AuditEvent.objects.filter(action="pathways.step.removed").count() == 1


def test_publishing_an_empty_pathway_is_refused(staff, union):
    pathway = PathwayFactory(owner_unit=union, draft=True)
    with pytest.raises(PathwayEmptyError):
        pathway_publish(actor=staff, pathway=pathway)
    resource = ResourceFactory(owner_unit=union)
    step_add(actor=staff, pathway=pathway, fields={"title": "R", "kind": "resource",
                                                   "resource": resource})  # fmt: skip
    assert pathway_publish(actor=staff, pathway=pathway).is_published


def test_the_last_required_step_of_a_published_pathway_stays(staff, union):
    pathway = build_pathway(union, resources=1, optional=1)
    required, optional = pathway_steps(pathway=pathway)
    with pytest.raises(PathwayEmptyError):
        step_remove(actor=staff, step=required)
    with pytest.raises(PathwayEmptyError):
        step_update(actor=staff, step=required, fields={"required": False})
    step_remove(actor=staff, step=optional)
    assert [s.pk for s in pathway_steps(pathway=pathway)] == [required.pk]
