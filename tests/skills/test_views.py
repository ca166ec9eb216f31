"""Skills pages through the test client: grants and refusals (another learner's result, an
unshared result, another branch's survey, anonymous visitors), small numbers suppressed."""

import pytest

from commonplace.access.enums import Role
from commonplace.audit.models import AuditEvent
from commonplace.skills.enums import SurveyStatus
from commonplace.skills.models import ResultShare, SkillsResult, SurveyResponse
from commonplace.skills.services import result_record
from tests.factories.organisation import BranchFactory, RegionFactory, WorkplaceFactory
from tests.factories.people import PersonFactory
from tests.factories.skills import SurveyFactory, SurveyQuestionFactory, SurveyResponseFactory

from .conftest import account_at, answers_for, build_check

pytestmark = pytest.mark.django_db


def _post_answers(options, scale, **kwargs):
    return {f"q{pk}": value for pk, value in answers_for(options, scale, **kwargs).items()}


def test_a_learner_takes_a_check_and_sees_bands_and_suggestions(client, union, learner):
    check, parts, options, resource = build_check(owner_unit=union)
    client.force_login(learner)
    page = client.get(f"/skills/checks/{check.slug}/")
    assert page.status_code == 200
    assert b"How confident are you?" in page.content
    response = client.post(
        f"/skills/checks/{check.slug}/", _post_answers(options, parts["scale"], confidence=4)
    )
    result = SkillsResult.objects.get()
    assert response["Location"] == f"/skills/results/{result.pk}/"
    shown = client.get(response["Location"]).content.decode()
    assert "Getting started" in shown
    assert "Confident" in shown
    assert resource.title in shown
    assert "fail" not in shown.lower()


def test_a_missing_answer_keeps_what_was_chosen(client, union, learner):
    check, parts, options, _resource = build_check(owner_unit=union)
    client.force_login(learner)
    data = _post_answers(options, parts["scale"])
    del data[f"q{parts['scale'].pk}"]
    response = client.post(f"/skills/checks/{check.slug}/", data)
    assert response.status_code == 400
    assert b"Choose an answer." in response.content
    first = next(iter(data.values()))
    assert f'value="{first}" checked'.encode() in response.content
    assert not SkillsResult.objects.exists()


def test_another_learners_result_is_404(client, union, learner, workplace):
    check, parts, options, _resource = build_check(owner_unit=union)
    result = result_record(
        actor=learner,
        check=check,
        person=learner.person,
        answers=answers_for(options, parts["scale"]),
    )
    colleague = account_at(workplace)
    client.force_login(colleague)
    assert client.get(f"/skills/results/{result.pk}/").status_code == 404
    assert client.post(f"/skills/results/{result.pk}/share/").status_code == 404
    assert not ResultShare.objects.exists()


def test_the_ulr_sees_a_result_only_once_it_is_shared(client, union, learner, ulr):
    check, parts, options, _resource = build_check(owner_unit=union)
    result = result_record(
        actor=learner,
        check=check,
        person=learner.person,
        answers=answers_for(options, parts["scale"]),
    )
    client.force_login(ulr)
    assert client.get(f"/skills/results/{result.pk}/").status_code == 404
    assert learner.person.display_name.encode() not in client.get("/skills/shared/").content
    client.force_login(learner)
    client.post(f"/skills/results/{result.pk}/share/")
    share = ResultShare.objects.get(result=result)
    client.force_login(ulr)
    assert learner.person.display_name.encode() in client.get("/skills/shared/").content
    page = client.get(f"/skills/shared/{share.pk}/")
    assert page.status_code == 200
    assert b"Getting started" in page.content
    assert AuditEvent.objects.filter(action="skills.result.viewed", actor=ulr).count() == 1
    client.force_login(learner)
    client.post(f"/skills/results/{result.pk}/unshare/")
    client.force_login(ulr)
    assert client.get(f"/skills/shared/{share.pk}/").status_code == 404


def test_a_ulr_of_another_branch_does_not_see_a_shared_result(client, union, learner):
    check, parts, options, _resource = build_check(owner_unit=union)
    result = result_record(
        actor=learner,
        check=check,
        person=learner.person,
        answers=answers_for(options, parts["scale"]),
        share=True,
    )
    other = account_at(BranchFactory(parent=RegionFactory(parent=union)), Role.ULR)
    client.force_login(other)
    assert client.get(f"/skills/shared/{result.share.pk}/").status_code == 404


def test_the_ulr_takes_a_check_with_a_learner_and_sees_it_when_agreed(client, union, learner, ulr):
    check, parts, options, _resource = build_check(owner_unit=union)
    person = learner.person
    client.force_login(ulr)
    found = client.get(f"/skills/checks/{check.slug}/with/", {"q": person.family_name})
    assert f"?person={person.pk}".encode() in found.content
    url = f"/skills/checks/{check.slug}/with/?person={person.pk}"
    assert client.get(url).status_code == 200
    data = {"person": person.pk, "share": "on", **_post_answers(options, parts["scale"])}
    response = client.post(f"/skills/checks/{check.slug}/with/", data)
    result = SkillsResult.objects.get()
    assert result.person == person
    assert result.taken_with == ulr
    assert response["Location"] == f"/skills/shared/{result.share.pk}/"
    data.pop("share")
    client.post(f"/skills/checks/{check.slug}/with/", data)
    unshared = SkillsResult.objects.exclude(pk=result.pk).get()
    assert not ResultShare.objects.filter(result=unshared).exists()


def test_the_ulr_cannot_take_a_check_with_someone_outside_their_scope(client, union, ulr):
    check, parts, options, _resource = build_check(owner_unit=union)
    stranger = PersonFactory(
        home_unit=WorkplaceFactory(parent=BranchFactory(parent=RegionFactory(parent=union)))
    )
    client.force_login(ulr)
    assert client.get(f"/skills/checks/{check.slug}/with/?person={stranger.pk}").status_code == 404
    data = {"person": stranger.pk, **_post_answers(options, parts["scale"])}
    assert client.post(f"/skills/checks/{check.slug}/with/", data).status_code == 404
    assert not SkillsResult.objects.exists()


def test_a_learner_cannot_take_a_check_with_someone(client, union, learner):
    check, *_ = build_check(owner_unit=union)
    client.force_login(learner)
    assert client.get(f"/skills/checks/{check.slug}/with/").status_code == 404


def _survey_with_answers(workplace, owner, count):
    survey = SurveyFactory(workplace=workplace, owner=owner, status=SurveyStatus.OPEN)
    question = SurveyQuestionFactory(
        survey=survey, text="Interested in maths?", options=["Yes", "No"]
    )
    text = SurveyQuestionFactory(survey=survey, kind="text", text="Anything else?", options=[])
    for n in range(count):
        SurveyResponseFactory(
            survey=survey, answers={str(question.pk): 0 if n < 6 else 1, str(text.pk): f"Note {n}"}
        )
    return survey


def test_survey_results_suppress_small_numbers_in_page_and_csv(client, workplace, ulr):
    survey = _survey_with_answers(workplace, ulr, 8)  # 6 yes, 2 no
    client.force_login(ulr)
    page = client.get(f"/skills/surveys/{survey.pk}/results/").content.decode()
    assert ">6<" in page
    assert "fewer than 5" in page
    assert "Note 3" in page
    csv = client.get(f"/skills/surveys/{survey.pk}/results.csv").content.decode()
    assert "Interested in maths?,Yes,6" in csv
    assert "Interested in maths?,No,fewer than 5" in csv
    assert "Note" not in csv


def test_free_text_is_hidden_under_five_answers(client, workplace, ulr):
    survey = _survey_with_answers(workplace, ulr, 3)
    client.force_login(ulr)
    page = client.get(f"/skills/surveys/{survey.pk}/results/").content.decode()
    assert "Note 1" not in page
    assert ">3<" not in page


def test_another_branchs_survey_is_404_for_a_coordinator(client, union, workplace, ulr):
    survey = _survey_with_answers(workplace, ulr, 6)
    own_coordinator = account_at(workplace.parent, Role.COORDINATOR)
    client.force_login(own_coordinator)
    assert client.get(f"/skills/surveys/{survey.pk}/results/").status_code == 200
    other = account_at(BranchFactory(parent=RegionFactory(parent=union)), Role.COORDINATOR)
    client.force_login(other)
    for path in ("", "results/", "results.csv"):
        assert client.get(f"/skills/surveys/{survey.pk}/{path}").status_code == 404
    another_ulr = account_at(workplace.parent, Role.ULR)
    client.force_login(another_ulr)
    assert client.get(f"/skills/surveys/{survey.pk}/results/").status_code == 404


def test_anonymous_visitors_cannot_see_survey_results(client, workplace, ulr):
    survey = _survey_with_answers(workplace, ulr, 6)
    for path in ("results/", "results.csv"):
        response = client.get(f"/skills/surveys/{survey.pk}/{path}")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_anyone_answers_an_open_survey_once_per_browser(client, workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN, code="abc123")
    question = SurveyQuestionFactory(survey=survey, options=["Yes", "No"])
    assert client.get("/s/abc123/").status_code == 200
    response = client.post("/s/abc123/", {f"q{question.pk}": "1"})
    assert response["Location"] == "/s/abc123/thanks/"
    assert client.post("/s/abc123/", {f"q{question.pk}": "0"}).status_code == 200
    assert SurveyResponse.objects.count() == 1
    assert b"already answered" in client.get("/s/abc123/").content


def test_a_bad_survey_answer_is_shown_again_with_an_error(client, workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN, code="xyz789")
    text = SurveyQuestionFactory(survey=survey, kind="text", options=[])
    response = client.post("/s/xyz789/", {f"q{text.pk}": "x" * 1001})
    assert response.status_code == 400
    assert b"under 1,000 characters" in response.content
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_takes_no_answers(client, workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.CLOSED, code="shut1")
    question = SurveyQuestionFactory(survey=survey)
    response = client.post("/s/shut1/", {f"q{question.pk}": "0"})
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_a_ulr_creates_opens_and_closes_a_survey(client, workplace, ulr):
    client.force_login(ulr)
    response = client.post(
        "/skills/surveys/add/", {"title": "Depot learning", "workplace": workplace.pk}
    )
    assert response.status_code == 302
    detail = response["Location"]
    pk = int(detail.rstrip("/").rsplit("/", 1)[-1])
    refused = client.post(
        f"/skills/surveys/{pk}/questions/",
        {"question-text": "Which?", "question-kind": "single", "question-options": "Only"},
    )
    assert refused.status_code == 400
    assert b"at least two options" in refused.content
    client.post(
        f"/skills/surveys/{pk}/questions/",
        {"question-text": "Which?", "question-kind": "single", "question-options": "A\nB"},
    )
    client.post(f"/skills/surveys/{pk}/open/")
    page = client.get(detail).content.decode()
    assert "Open" in page
    assert "/s/" in page
    client.post(f"/skills/surveys/{pk}/close/")
    assert "Closed" in client.get(detail).content.decode()


def test_staff_author_and_publish_a_check_through_the_pages(client, union):
    staff = account_at(union, Role.STAFF)
    client.force_login(staff)
    response = client.post(
        "/skills/manage/add/", {"title": "Numbers", "slug": "numbers", "owner_unit": union.pk}
    )
    assert response["Location"] == "/skills/manage/numbers/"
    client.post("/skills/manage/numbers/", {"form": "section", "section-title": "Numeracy"})
    page = client.get("/skills/manage/numbers/")
    section_pk = page.context["sections"][0].pk
    bad = client.post(
        "/skills/manage/numbers/",
        {
            "form": "question",
            "question-section": section_pk,
            "question-text": "Add 3 and 4",
            "question-kind": "single",
            "question-options": "7 | two",
        },
    )
    assert bad.status_code == 400
    assert b"Line 1 should be" in bad.content
    assert b"7 | two" in bad.content  # what was typed is kept
    client.post(
        "/skills/manage/numbers/",
        {
            "form": "question",
            "question-section": section_pk,
            "question-text": "Add 3 and 4",
            "question-kind": "single",
            "question-options": "7 | 2\n8 | 0",
        },
    )
    for low, high, name in ((0, 1, "Starting"), (2, 2, "Sure")):
        client.post(
            "/skills/manage/numbers/",
            {
                "form": "band",
                "band-section": section_pk,
                "band-min_score": low,
                "band-max_score": high,
                "band-name": name,
                "band-explanation": "Good.",
            },
        )
    client.post("/skills/manage/numbers/publish/")
    assert client.get("/skills/manage/numbers/").context["check"].status == "published"


def test_a_learner_cannot_reach_the_authoring_pages(client, union, learner):
    check, *_ = build_check(owner_unit=union)
    client.force_login(learner)
    assert client.get("/skills/manage/").status_code == 404
    assert client.get(f"/skills/manage/{check.slug}/").status_code == 404


def _queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_my_results_and_shared_results_cost_the_same_queries_at_one_and_three(
    client, union, learner, ulr
):
    check, parts, options, _resource = build_check(owner_unit=union)
    answers = answers_for(options, parts["scale"])

    def take():
        result_record(
            actor=learner, check=check, person=learner.person, answers=answers, share=True
        )

    take()
    client.force_login(learner)
    mine_one = _queries(client, "/skills/results/")
    client.force_login(ulr)
    shared_one = _queries(client, "/skills/shared/")
    take()
    take()
    client.force_login(learner)
    assert _queries(client, "/skills/results/") == mine_one
    client.force_login(ulr)
    assert _queries(client, "/skills/shared/") == shared_one


def test_the_survey_list_costs_the_same_queries_at_one_and_three(client, workplace, ulr):
    _survey_with_answers(workplace, ulr, 2)
    client.force_login(ulr)
    one = _queries(client, "/skills/surveys/")
    _survey_with_answers(workplace, ulr, 2)
    _survey_with_answers(workplace, ulr, 2)
    assert _queries(client, "/skills/surveys/") == one


def test_csv_cells_cannot_start_a_formula(client, workplace, ulr):
    survey = SurveyFactory(workplace=workplace, owner=ulr, status=SurveyStatus.OPEN)
    SurveyQuestionFactory(survey=survey, text="=HYPERLINK(1)", options=["+1", "No"])
    client.force_login(ulr)
    csv = client.get(f"/skills/surveys/{survey.pk}/results.csv").content.decode()
    assert "'=HYPERLINK(1),'+1,fewer than 5" in csv


def test_staff_write_a_template_that_a_ulr_starts_a_survey_from(client, union, workplace, ulr):
    staff = account_at(union, Role.STAFF)
    client.force_login(staff)
    response = client.post(
        "/skills/surveys/add/",
        {"title": "What do you want to learn?", "workplace": workplace.pk, "is_template": "on"},
    )
    template_pk = int(response["Location"].rstrip("/").rsplit("/", 1)[-1])
    client.post(
        f"/skills/surveys/{template_pk}/questions/",
        {"question-text": "Anything else?", "question-kind": "text"},
    )
    assert client.post(f"/skills/surveys/{template_pk}/open/").status_code == 302
    client.force_login(ulr)
    form = client.get("/skills/surveys/add/").context["form"]
    assert "is_template" not in form.fields
    assert [t.pk for t in form.fields["template"].queryset] == [template_pk]
    response = client.post(
        "/skills/surveys/add/",
        {"title": "Depot", "workplace": workplace.pk, "template": template_pk, "is_template": "on"},
    )
    survey = client.get(response["Location"]).context["survey"]
    assert not survey.is_template
    assert [q.text for q in survey.questions.all()] == ["Anything else?"]
    template = client.get(f"/skills/surveys/{template_pk}/")
    assert template.status_code == 404  # the ULR copies templates but does not see their pages


def test_the_check_lists_cost_the_same_queries_at_one_and_three(client, union):
    staff = account_at(union, Role.STAFF)
    build_check(owner_unit=union, title="One")
    client.force_login(staff)
    take_one, manage_one = _queries(client, "/skills/"), _queries(client, "/skills/manage/")
    build_check(owner_unit=union, title="Two")
    build_check(owner_unit=union, title="Three")
    assert _queries(client, "/skills/") == take_one
    assert _queries(client, "/skills/manage/") == manage_one
