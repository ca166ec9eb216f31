"""Services of the skills app against the real database: writes, audit rows, xAPI, refusals."""

import pytest

from commonplace.audit.models import AuditEvent
from commonplace.lrs.models import Statement
from commonplace.lrs.vocabulary import COMPLETED, Extension
from commonplace.skills.enums import CheckStatus, SurveyStatus
from commonplace.skills.errors import (
    AnswersMissingError,
    CheckIncompleteError,
    CheckPublishedError,
    OptionsInvalidError,
    SurveyAnswerInvalidError,
    SurveyEmptyError,
    SurveyNotOpenError,
)
from commonplace.skills.models import ResultShare, SkillsResult, SurveyResponse
from commonplace.skills.selectors import survey_tally
from commonplace.skills.services import (
    band_add,
    check_create,
    check_publish,
    question_add,
    result_record,
    result_share,
    result_unshare,
    section_add,
    survey_answer_record,
    survey_close,
    survey_create,
    survey_open,
    survey_question_add,
)
from tests.factories.skills import SurveyFactory, SurveyQuestionFactory, SurveyResponseFactory

from .conftest import answers_for, build_check

pytestmark = pytest.mark.django_db


def test_publish_refuses_an_incomplete_check_and_names_what_is_missing(union, ulr):
    check = check_create(actor=ulr, owner_unit=union, title="Numbers", slug="numbers")
    with pytest.raises(CheckIncompleteError) as refused:
        check_publish(actor=ulr, check=check)
    assert refused.value.problems == ["Add at least one section."]
    section = section_add(actor=ulr, check=check, title="Numeracy")
    question_add(actor=ulr, section=section, text="Add 3 and 4?", options=[("7", 2), ("8", 0)])
    band_add(actor=ulr, section=section, min_score=0, max_score=1, name="Start", explanation="x")
    with pytest.raises(CheckIncompleteError) as refused:
        check_publish(actor=ulr, check=check)
    assert refused.value.problems == [
        "Numeracy: The bands must run from 0 to 2, the scores this section can give."
    ]
    band_add(actor=ulr, section=section, min_score=2, max_score=2, name="Good", explanation="y")
    assert check_publish(actor=ulr, check=check).status == CheckStatus.PUBLISHED
    assert AuditEvent.objects.filter(action="skills.check.published").count() == 1
    with pytest.raises(CheckPublishedError):
        section_add(actor=ulr, check=check, title="Too late")


def test_overlapping_bands_refuse_publishing(union, ulr):
    check = check_create(actor=ulr, owner_unit=union, title="Words", slug="words")
    section = section_add(actor=ulr, check=check, title="Reading")
    question_add(actor=ulr, section=section, text="Read a rota?", options=[("No", 0), ("Yes", 2)])
    band_add(actor=ulr, section=section, min_score=0, max_score=1, name="A", explanation="x")
    band_add(actor=ulr, section=section, min_score=1, max_score=2, name="B", explanation="y")
    with pytest.raises(CheckIncompleteError) as refused:
        check_publish(actor=ulr, check=check)
    assert refused.value.problems == ["Reading: Bands “A” and “B” overlap."]


def test_a_single_choice_question_needs_two_options(union, ulr):
    check = check_create(actor=ulr, owner_unit=union, title="Words", slug="words")
    section = section_add(actor=ulr, check=check, title="Reading")
    with pytest.raises(OptionsInvalidError):
        question_add(actor=ulr, section=section, text="Only one?", options=[("Yes", 1)])


def test_recording_a_result_scores_bands_and_records_completed(union, learner):
    check, parts, options, _resource = build_check(owner_unit=union)
    answers = answers_for(options, parts["scale"], reading_scores=(1, 2), confidence=2)
    result = result_record(actor=learner, check=check, person=learner.person, answers=answers)
    rows = {row.section.title: row for row in result.sections.select_related("section", "band")}
    assert (rows["Reading"].score, rows["Reading"].max_score) == (3, 4)
    assert rows["Reading"].band.name == "Entry level 3"
    assert (rows["Confidence"].score, rows["Confidence"].band.name) == (2, "Building confidence")
    assert not ResultShare.objects.filter(result=result).exists()
    assert AuditEvent.objects.filter(action="skills.result.recorded").count() == 1
    statement = Statement.objects.get(verb_id=COMPLETED.iri)
    extension = statement.data["result"]["extensions"][Extension.SKILLS_SECTION_RESULTS]
    assert extension["Reading"] == {"score": 3, "max": 4, "band": "Entry level 3"}
    assert extension["Confidence"]["band"] == "Building confidence"


def test_a_missing_answer_saves_nothing(union, learner):
    check, parts, options, _resource = build_check(owner_unit=union)
    answers = answers_for(options, parts["scale"])
    del answers[parts["scale"].pk]
    with pytest.raises(AnswersMissingError) as refused:
        result_record(actor=learner, check=check, person=learner.person, answers=answers)
    assert refused.value.missing == [parts["scale"].pk]
    assert not SkillsResult.objects.exists()
    assert not Statement.objects.exists()


def test_taken_together_records_who_was_there_and_shares_only_with_consent(union, learner, ulr):
    check, parts, options, _resource = build_check(owner_unit=union)
    answers = answers_for(options, parts["scale"])
    kept = result_record(
        actor=ulr, check=check, person=learner.person, answers=answers, taken_with=ulr
    )
    shared = result_record(
        actor=ulr, check=check, person=learner.person, answers=answers, taken_with=ulr, share=True
    )
    assert kept.taken_with == ulr
    assert not ResultShare.objects.filter(result=kept).exists()
    assert ResultShare.objects.filter(result=shared).exists()
    statement = Statement.objects.filter(verb_id=COMPLETED.iri).first()
    assert statement.data["context"]["instructor"]["account"]["name"] == str(ulr.pk)


def test_share_and_withdraw_are_audited(union, learner):
    check, parts, options, _resource = build_check(owner_unit=union)
    result = result_record(
        actor=learner,
        check=check,
        person=learner.person,
        answers=answers_for(options, parts["scale"]),
    )
    result_share(actor=learner, result=result)
    result_share(actor=learner, result=result)  # sharing twice keeps one share
    assert ResultShare.objects.filter(result=result).count() == 1
    result_unshare(actor=learner, result=result)
    assert not ResultShare.objects.filter(result=result).exists()
    actions = list(AuditEvent.objects.values_list("action", flat=True).order_by("pk"))
    assert actions[-2:] == ["skills.result.shared", "skills.result.unshared"]


def test_a_survey_from_a_template_copies_its_questions(workplace, ulr):
    template = SurveyFactory(is_template=True, workplace=workplace)
    SurveyQuestionFactory(survey=template, text="What would you like to learn?", kind="text")
    survey = survey_create(actor=ulr, workplace=workplace, title="Depot", template=template)
    assert [q.text for q in survey.questions.all()] == ["What would you like to learn?"]
    assert survey.owner == ulr
    assert len(survey.code) == 8


def test_a_survey_opens_only_with_questions_and_takes_answers_only_while_open(workplace, ulr):
    survey = survey_create(actor=ulr, workplace=workplace, title="Depot")
    with pytest.raises(SurveyEmptyError):
        survey_open(actor=ulr, survey=survey)
    question = survey_question_add(
        actor=ulr, survey=survey, kind="multiple", text="Which?", options=["Maths", "IT", " "]
    )
    assert question.options == ["Maths", "IT"]
    with pytest.raises(SurveyNotOpenError):
        survey_answer_record(survey=survey, answers={question.pk: ["0"]})
    survey_open(actor=ulr, survey=survey)
    response = survey_answer_record(survey=survey, answers={question.pk: ["1", "0"]})
    assert response.answers == {str(question.pk): [0, 1]}
    survey_close(actor=ulr, survey=survey)
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    with pytest.raises(SurveyNotOpenError):
        survey_answer_record(survey=survey, answers={question.pk: ["0"]})


def test_survey_answers_are_checked_and_store_nothing_about_the_person(workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN)
    single = SurveyQuestionFactory(survey=survey, options=["Yes", "No"])
    with pytest.raises(SurveyAnswerInvalidError) as refused:
        survey_answer_record(survey=survey, answers={single.pk: "7"})
    assert single.pk in refused.value.errors
    with pytest.raises(SurveyAnswerInvalidError):
        survey_answer_record(survey=survey, answers={single.pk: ""})  # nothing answered
    response = survey_answer_record(survey=survey, answers={single.pk: "0"})
    field_names = {f.name for f in SurveyResponse._meta.get_fields()}
    assert field_names == {"id", "survey", "received_on", "answers"}
    assert response.answers == {str(single.pk): 0}
    assert not AuditEvent.objects.filter(subject_type__icontains="surveyresponse").exists()


def test_tally_suppresses_small_cells_and_hides_text_under_five_answers(workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN)
    single = SurveyQuestionFactory(survey=survey, options=["Yes", "No"])
    text = SurveyQuestionFactory(survey=survey, kind="text", options=[])
    for _n in range(4):
        SurveyResponseFactory(survey=survey, answers={str(single.pk): 0, str(text.pk): "Maths"})
    total, tallies = survey_tally(survey=survey)
    assert total == 4
    assert [c.suppressed for c in tallies[0].cells] == [True, True]
    assert tallies[1].texts_hidden
    assert tallies[1].texts == []
    SurveyResponseFactory(survey=survey, answers={str(single.pk): 0, str(text.pk): "IT"})
    total, tallies = survey_tally(survey=survey)
    assert (tallies[0].cells[0].count, tallies[0].cells[0].suppressed) == (5, False)
    assert tallies[0].cells[1].suppressed  # "No": 0 answers, still fewer than 5
    assert tallies[1].texts == ["IT", "Maths", "Maths", "Maths", "Maths"]


def test_a_flood_of_answers_is_refused_past_the_limit(workplace, ulr, monkeypatch):
    from commonplace.skills import services
    from commonplace.skills.errors import SurveyBusyError

    monkeypatch.setattr(services, "SURVEY_ANSWERS_PER_MINUTE", 2)
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN)
    question = SurveyQuestionFactory(survey=survey)
    for _n in range(2):
        survey_answer_record(survey=survey, answers={question.pk: "0"})
    with pytest.raises(SurveyBusyError):
        survey_answer_record(survey=survey, answers={question.pk: "0"})
    assert SurveyResponse.objects.filter(survey=survey).count() == 2


def test_shares_of_person_gives_only_what_the_learner_shared(union, learner, ulr):
    from commonplace.skills.selectors import shares_of_person

    check, parts, options, _resource = build_check(owner_unit=union)
    answers = answers_for(options, parts["scale"])
    shared = result_record(
        actor=learner, check=check, person=learner.person, answers=answers, share=True
    )
    result_record(actor=learner, check=check, person=learner.person, answers=answers)
    got = list(shares_of_person(user=ulr, person_id=learner.person.pk))
    assert [s.result for s in got] == [shared]
    assert list(shares_of_person(user=learner, person_id=learner.person.pk)) == []
