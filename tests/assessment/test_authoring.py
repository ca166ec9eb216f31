"""Quiz authoring: staff at a quiz's unit or above create quizzes, write questions of every
kind (checked per kind), order them and publish; learners and other unions' staff are refused."""

import pytest

from commonplace.access.enums import Role
from commonplace.assessment.enums import QuestionKind, QuizStatus
from commonplace.assessment.errors import (
    QuestionAnsweredError,
    QuestionInvalidError,
    QuizNotAllowedError,
    QuizNotReadyError,
)
from commonplace.assessment.marking import ChoiceSpec, question_problems, response_correct
from commonplace.assessment.models import Choice, Question, Quiz
from commonplace.assessment.selectors import quiz_questions
from commonplace.assessment.services import (
    attempt_start,
    attempt_submit,
    question_move,
    question_remove,
    question_save,
    quiz_create,
    quiz_publish,
)
from commonplace.audit.models import AuditEvent
from commonplace.demo.services import quiz_right_responses
from tests.factories.access import RoleGrantFactory
from tests.factories.assessment import ChoiceFactory, QuestionFactory, QuizFactory
from tests.factories.organisation import RegionFactory, UnionFactory

pytestmark = pytest.mark.django_db

SETTINGS = {
    "title": "Health and safety basics",
    "introduction": "Ten minutes.",
    "pass_mark": 60,
    "attempts_limit": 3,
    "shuffle_questions": False,
}


@pytest.fixture
def staff(union):
    return RoleGrantFactory(role=Role.STAFF, unit=union).user


@pytest.fixture
def draft(union):
    return QuizFactory(owner_unit=union, status=QuizStatus.DRAFT, title="Draft quiz")


def _specs(*rows):
    return [ChoiceSpec(*row) if isinstance(row, tuple) else ChoiceSpec(row) for row in rows]


# --- the rules per kind -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "kwargs", "message"),
    [
        ("single", {"choices": _specs(("Yes", True))}, "at least two answers"),
        ("single", {"choices": _specs(("Yes", True), ("Also", True))}, "exactly one"),
        ("multiple", {"choices": _specs("A", "B")}, "at least one answer as right"),
        ("true_false", {}, "true or false"),
        ("short_text", {"accepted_answers": ["  "]}, "at least one answer to accept"),
        ("matching", {"choices": [ChoiceSpec("A", match_text="1"), ChoiceSpec("B")]}, "Give every"),
        (
            "matching",
            {"choices": [ChoiceSpec("A", match_text="x"), ChoiceSpec("B", match_text=" X ")]},
            "different answer",
        ),
        ("ordering", {"choices": _specs("Only one")}, "at least two items"),
    ],
)
def test_question_problems_name_what_stops_a_right_answer(kind, kwargs, message):
    problems = question_problems(kind=kind, text="Q?", **kwargs)
    assert any(message in text for _field, text in problems), problems


def test_a_sound_question_of_every_kind_has_no_problems():
    assert question_problems(kind="single", text="Q", choices=_specs(("A", True), "B")) == []
    assert question_problems(kind="true_false", text="Q", answer_true=False) == []
    assert question_problems(kind="short_text", text="Q", accepted_answers=["ACAS"]) == []


# --- services ---------------------------------------------------------------------------------


def test_quiz_create_makes_an_audited_draft(staff, union):
    quiz = quiz_create(actor=staff, owner_unit=union, fields=SETTINGS)
    assert (quiz.status, quiz.slug, quiz.pass_mark) == (
        QuizStatus.DRAFT,
        "health-and-safety-basics",
        60,
    )
    assert AuditEvent.objects.filter(action="assessment.quiz.created", actor=staff).exists()


def test_quiz_create_refuses_a_unit_outside_the_actors_scope(union):
    region_staff = RoleGrantFactory(role=Role.STAFF, unit=RegionFactory(parent=union)).user
    with pytest.raises(QuizNotAllowedError):
        quiz_create(actor=region_staff, owner_unit=union, fields=SETTINGS)
    assert not Quiz.objects.exists()


def test_question_save_refuses_an_unanswerable_question_and_writes_nothing(staff, draft):
    with pytest.raises(QuestionInvalidError):
        question_save(actor=staff, quiz=draft, kind="single", text="Q?", choices=_specs("A", "B"))
    assert not Question.objects.exists()


def test_every_kind_written_through_the_service_is_marked_right(staff, draft, learner):
    question_save(
        actor=staff, quiz=draft, kind="single", text="Who can help you find a course?",
        choices=[ChoiceSpec("A ULR", True, feedback="Yes."), ChoiceSpec("Nobody")],
    )  # fmt: skip
    question_save(
        actor=staff, quiz=draft, kind="multiple", text="Which are hazards?",
        choices=_specs(("Wet floor", True), ("Trailing cable", True), "A tidy desk"),
    )  # fmt: skip
    question_save(actor=staff, quiz=draft, kind="true_false", text="Stress is a hazard.",
                  answer_true=True)  # fmt: skip
    question_save(actor=staff, quiz=draft, kind="short_text", text="Who publishes the code?",
                  accepted_answers=["Acas", "ACAS "])  # fmt: skip
    question_save(
        actor=staff, quiz=draft, kind="matching", text="Match them.",
        choices=[ChoiceSpec("ULR", match_text="learning"), ChoiceSpec("H&S rep",
                 match_text="safety")],
    )  # fmt: skip
    question_save(
        actor=staff, quiz=draft, kind="ordering", text="Put in order.",
        choices=_specs("Listen", "Agree a plan", "Follow up"),
    )  # fmt: skip
    ordering = Question.objects.get(kind=QuestionKind.ORDERING)
    shown = [c.text for c in Choice.objects.filter(question=ordering).order_by("order")]
    assert shown != ["Listen", "Agree a plan", "Follow up"]  # the page never shows the answer

    quiz_publish(actor=staff, quiz=draft)
    draft.refresh_from_db()
    attempt = attempt_start(actor=learner, quiz=draft)
    result = attempt_submit(actor=learner, attempt=attempt, responses=quiz_right_responses(draft))
    assert (result.score, result.max_score, result.passed) == (6, 6, True)


def test_publish_refuses_an_empty_quiz_and_a_question_that_cannot_be_answered(staff, draft):
    with pytest.raises(QuizNotReadyError):
        quiz_publish(actor=staff, quiz=draft)
    broken = QuestionFactory(quiz=draft, kind=QuestionKind.SINGLE, text="Which?")
    ChoiceFactory(question=broken, text="A")
    ChoiceFactory(question=broken, text="B")  # neither is right
    with pytest.raises(QuestionInvalidError) as error:
        quiz_publish(actor=staff, quiz=draft)
    assert "Question 1" in error.value.message
    draft.refresh_from_db()
    assert draft.status == QuizStatus.DRAFT


def test_questions_move_and_answered_ones_cannot_be_removed(staff, draft, learner):
    first = question_save(actor=staff, quiz=draft, kind="true_false", text="One", answer_true=True)
    second = question_save(actor=staff, quiz=draft, kind="true_false", text="Two", answer_true=True)
    question_move(actor=staff, question=second, step=-1)
    assert [q.text for q in quiz_questions(quiz=draft)] == ["Two", "One"]

    quiz_publish(actor=staff, quiz=draft)
    attempt = attempt_start(actor=learner, quiz=draft)
    attempt_submit(actor=learner, attempt=attempt, responses={first.pk: "true", second.pk: "true"})
    with pytest.raises(QuestionAnsweredError):
        question_remove(actor=staff, question=first)


def test_changing_a_question_keeps_its_choices_ids(staff, draft):
    question = question_save(
        actor=staff, quiz=draft, kind="single", text="Q", choices=_specs(("A", True), "B")
    )
    ids = list(Choice.objects.filter(question=question).order_by("order").values_list("pk", "text"))
    question_save(
        actor=staff, quiz=draft, question=question, kind="single", text="Q",
        choices=[ChoiceSpec("A", True, pk=ids[0][0]), ChoiceSpec("B2", pk=ids[1][0])],
    )  # fmt: skip
    now = list(Choice.objects.filter(question=question).order_by("order").values_list("pk", "text"))
    assert now == [(ids[0][0], "A"), (ids[1][0], "B2")]
    assert response_correct(question, list(question.choices.all()), ids[0][0])


# --- views ------------------------------------------------------------------------------------


def test_staff_create_a_quiz_add_questions_and_publish_through_the_pages(client, staff, union):
    client.force_login(staff)
    assert client.get("/quizzes/manage/").status_code == 200
    response = client.post(
        "/quizzes/manage/new/", {**SETTINGS, "owner_unit": str(union.pk), "shuffle_questions": ""}
    )
    quiz = Quiz.objects.get()
    assert response["Location"] == f"/quizzes/manage/{quiz.slug}/"

    url = f"/quizzes/manage/{quiz.slug}/question/"
    assert "What kind of question?" in client.get(url).content.decode()
    bad = client.post(
        url + "?kind=single",
        {"text": "Who?", "choice_1_text": "A ULR", "choice_2_text": "Nobody"},
    )
    assert bad.status_code == 400
    assert "Mark exactly one answer as right." in bad.content.decode()
    assert 'value="A ULR"' in bad.content.decode()  # what was typed is kept

    client.post(
        url + "?kind=single",
        {
            "text": "Who can help you find a course?",
            "choice_1_text": "A ULR",
            "choice_1_correct": "on",
            "choice_1_feedback": "Right: that is what ULRs do.",
            "choice_2_text": "Nobody",
        },
    )
    client.post(url + "?kind=true_false", {"text": "Stress is a hazard.", "answer_true": "true"})
    question = Question.objects.get(kind="single")
    edit = client.get(url + f"?question={question.pk}").content.decode()
    assert "Right: that is what ULRs do." in edit

    client.post(f"/quizzes/manage/{quiz.slug}/", {"action": "down", "question": question.pk})
    assert [q.kind for q in quiz_questions(quiz=quiz)] == ["true_false", "single"]
    client.post(f"/quizzes/manage/{quiz.slug}/", {"action": "publish"})
    quiz.refresh_from_db()
    assert quiz.status == QuizStatus.PUBLISHED


def test_publishing_an_empty_quiz_shows_why(client, staff, draft):
    client.force_login(staff)
    response = client.post(f"/quizzes/manage/{draft.slug}/", {"action": "publish"}, follow=True)
    assert "Add at least one question before you publish the quiz." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == QuizStatus.DRAFT


def test_settings_refuse_a_pass_mark_over_100(client, staff, draft):
    client.force_login(staff)
    response = client.post(
        f"/quizzes/manage/{draft.slug}/settings/",
        {"title": "Draft quiz", "pass_mark": "120", "attempts_limit": "0"},
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 100." in response.content.decode()
    draft.refresh_from_db()
    assert draft.pass_mark == 50


def test_a_learner_cannot_open_quiz_authoring(client, learner, draft):
    client.force_login(learner)
    for url in (
        "/quizzes/manage/",
        "/quizzes/manage/new/",
        f"/quizzes/manage/{draft.slug}/",
        f"/quizzes/manage/{draft.slug}/question/?kind=single",
    ):
        assert client.get(url).status_code == 404, url


def test_staff_of_another_union_are_refused(client, draft):
    other = RoleGrantFactory(role=Role.STAFF, unit=UnionFactory()).user
    client.force_login(other)
    assert client.get(f"/quizzes/manage/{draft.slug}/").status_code == 404
    response = client.post(f"/quizzes/manage/{draft.slug}/question/?kind=true_false",
                           {"text": "Sneaky", "answer_true": "true"})  # fmt: skip
    assert response.status_code == 404
    assert not Question.objects.exists()
    assert draft.title not in client.get("/quizzes/manage/").content.decode()


def test_a_question_of_another_quiz_is_404(client, staff, draft, union):
    other_question = QuestionFactory(quiz=QuizFactory(owner_unit=UnionFactory()))
    client.force_login(staff)
    url = f"/quizzes/manage/{draft.slug}/question/?question={other_question.pk}"
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("kind", QuestionKind.values)
def test_the_question_form_of_every_kind_opens(client, staff, draft, kind):
    client.force_login(staff)
    response = client.get(f"/quizzes/manage/{draft.slug}/question/?kind={kind}")
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()


def test_matching_and_ordering_questions_are_written_through_the_page(client, staff, draft):
    client.force_login(staff)
    url = f"/quizzes/manage/{draft.slug}/question/"
    client.post(
        url + "?kind=matching",
        {
            "text": "Match each rep to their job.",
            "choice_1_text": "ULR",
            "choice_1_match": "Learning",
            "choice_2_text": "Safety rep",
            "choice_2_match": "Hazards",
        },
    )
    response = client.post(
        url + "?kind=ordering",
        {"text": "Put the steps in order.", "choice_1_text": "Listen", "choice_2_text": "Plan"},
    )
    assert response.status_code == 302
    matching = Question.objects.get(kind=QuestionKind.MATCHING)
    assert sorted(matching.choices.values_list("text", "match_text")) == [
        ("Safety rep", "Hazards"),
        ("ULR", "Learning"),
    ]
    ordering = Question.objects.get(kind=QuestionKind.ORDERING)
    assert sorted(ordering.choices.values_list("position", "text")) == [(1, "Listen"), (2, "Plan")]
    edit = client.get(url + f"?question={ordering.pk}").content.decode()
    assert edit.index('value="Listen"') < edit.index('value="Plan"')  # shown in the right order
