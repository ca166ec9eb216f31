"""Skills pages: taking a check (alone or with a ULR), results and sharing them, authoring
checks, and learning-needs surveys (run by reps, answered anonymously at a short address)."""

from __future__ import annotations

import csv
from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.people.selectors import people_search, person_get_visible, person_of_user

from .enums import CheckQuestionKind, SurveyStatus
from .errors import AnswersMissingError, CheckIncompleteError, SurveyAnswerInvalidError
from .forms import (
    BandForm,
    CheckForm,
    CheckQuestionForm,
    ConsentForm,
    LearnerSearchForm,
    SectionForm,
    SurveyForm,
    SurveyQuestionForm,
    check_answers_from_post,
    section_choices,
    survey_answers_from_post,
)
from .selectors import (
    check_get_visible,
    check_problems,
    check_sections,
    check_slug_taken,
    checks_visible_to,
    resources_for_bands,
    result_get_visible,
    result_is_shared,
    result_outcomes,
    results_of,
    section_get,
    share_get_visible,
    shares_visible_to,
    survey_answer_count,
    survey_get_visible,
    survey_open_by_code,
    survey_questions,
    survey_tally,
    survey_templates_for,
    surveys_visible_to,
    units_for_check_authoring,
    workplaces_for_surveys,
)
from .services import (
    band_add,
    check_create,
    check_part_remove,
    check_publish,
    question_add,
    result_record,
    result_share,
    result_unshare,
    section_add,
    share_viewed_record,
    survey_answer_record,
    survey_close,
    survey_create,
    survey_open,
    survey_question_add,
)

SCALE_LABELS = [
    ("1", gettext_lazy("1: not at all")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", gettext_lazy("5: very much")),
]


def _question_items(
    sections: list[Any], answers: dict[int, str], missing: list[int]
) -> list[dict[str, Any]]:
    """What the check page shows of each section and question, with answers put back."""
    items = []
    number = 0
    for section in sections:
        questions = []
        for question in section.questions.all():
            number += 1
            name = f"q{question.pk}"
            if question.kind == CheckQuestionKind.SCALE:
                pairs = [(value, str(label)) for value, label in SCALE_LABELS]
            else:
                pairs = [(str(o.pk), o.text) for o in question.options.all()]
            chosen = str(answers.get(question.pk, ""))
            questions.append(
                {
                    "number": number,
                    "question": question,
                    "name": name,
                    "missing": question.pk in missing,
                    "options": [
                        {"id": f"{name}-{i}", "value": v, "label": label, "checked": v == chosen}
                        for i, (v, label) in enumerate(pairs, start=1)
                    ],
                }
            )
        items.append({"section": section, "questions": questions})
    return items


# --- taking a check ---


class CheckListView(ScopedPermissionRequired, View):
    permission_required = "skills.take_skillscheck"

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {
            "checks": checks_visible_to(user=request.user).order_by("title"),
            "can_assist": request.user.has_perm("skills.assist_skillscheck"),
            "can_author": request.user.has_perm("skills.view_skillscheck"),
            "can_see_shared": request.user.has_perm("skills.view_resultshare"),
            "can_survey": request.user.has_perm("skills.view_survey"),
        }
        return render(request, "skills/check_list.html", context)


class CheckTakeView(ScopedPermissionRequired, View):
    """A learner takes a check alone: every question on one page, the result on the next."""

    permission_required = "skills.take_skillscheck"

    def get_permission_object(self) -> Model | None:
        return check_get_visible(user=self.request.user, slug=self.kwargs["slug"])

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(request, {}, [])

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        check: Any = self.permission_object
        person = person_of_user(user=request.user)
        if person is None:
            messages.error(
                request, _("Your account has no member profile yet, so a result cannot be kept.")
            )
            return HttpResponseRedirect(reverse("skills:index"))
        sections = check_sections(check=check)
        answers = check_answers_from_post(sections, request.POST)
        try:
            result = result_record(actor=request.user, check=check, person=person, answers=answers)  # type: ignore[arg-type]
        except AnswersMissingError as error:
            return self._render(request, answers, error.missing, status=400)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(reverse("skills:index"))
        return HttpResponseRedirect(reverse("skills:result-detail", args=[result.pk]))

    def _render(
        self, request: HttpRequest, answers: dict[int, str], missing: list[int], status: int = 200
    ) -> HttpResponse:
        check: Any = self.permission_object
        context = {
            "check": check,
            "items": _question_items(check_sections(check=check), answers, missing),
            "missing": missing,
            "action": reverse("skills:check-take", args=[check.slug]),
            "learner": None,
            "consent": None,
        }
        return render(request, "skills/check_take.html", context, status=status)


class CheckWithView(ScopedPermissionRequired, View):
    """A ULR takes a check with a learner they support, together on one phone."""

    permission_required = "skills.assist_skillscheck"

    def get_permission_object(self) -> Model | None:
        return check_get_visible(user=self.request.user, slug=self.kwargs["slug"], action="assist")

    def _learner(self, request: HttpRequest) -> Any:
        raw = request.GET.get("person") or request.POST.get("person") or ""
        if not raw.isdigit():
            return None
        return person_get_visible(user=request.user, pk=int(raw))

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        learner = self._learner(request)
        if learner is None:
            form = LearnerSearchForm(request.GET if "q" in request.GET else None)
            people = []
            if form.is_valid():
                people = list(people_search(user=request.user, text=form.cleaned_data["q"])[:20])
            context = {"check": self.permission_object, "form": form, "people": people}
            return render(request, "skills/check_with_choose.html", context)
        return self._render(request, learner, {}, [], ConsentForm())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        check: Any = self.permission_object
        learner = self._learner(request)
        if learner is None:
            raise Http404(_("Page not found."))
        sections = check_sections(check=check)
        answers = check_answers_from_post(sections, request.POST)
        consent = ConsentForm(request.POST)
        share = consent.is_valid() and consent.cleaned_data["share"]
        try:
            result = result_record(
                actor=request.user,  # type: ignore[arg-type]
                check=check,
                person=learner,
                answers=answers,
                taken_with=request.user,  # type: ignore[arg-type]
                share=share,
            )
        except AnswersMissingError as error:
            return self._render(request, learner, answers, error.missing, consent, status=400)
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(reverse("skills:index"))
        if share:
            return HttpResponseRedirect(reverse("skills:shared-detail", args=[result.share.pk]))
        messages.success(
            request,
            _("The result is saved for %(name)s. Only they can see it, when they sign in.")
            % {"name": learner.display_name},
        )
        return HttpResponseRedirect(reverse("skills:index"))

    def _render(
        self,
        request: HttpRequest,
        learner: Any,
        answers: dict[int, str],
        missing: list[int],
        consent: ConsentForm,
        status: int = 200,
    ) -> HttpResponse:
        check: Any = self.permission_object
        context = {
            "check": check,
            "items": _question_items(check_sections(check=check), answers, missing),
            "missing": missing,
            "action": reverse("skills:check-with", args=[check.slug]),
            "learner": learner,
            "consent": consent,
        }
        return render(request, "skills/check_take.html", context, status=status)


# --- results ---


class MyResultsView(ScopedPermissionRequired, View):
    permission_required = "skills.view_skillsresult"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request, "skills/my_results.html", {"results": results_of(user=request.user)[:100]}
        )


class _ResultView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return result_get_visible(user=self.request.user, pk=self.kwargs["pk"], action=self.action)


class ResultDetailView(_ResultView):
    permission_required = "skills.view_skillsresult"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        result: Any = self.permission_object
        context = {
            "result": result,
            "outcomes": result_outcomes(result=result, user=request.user),
            "shared": result_is_shared(result=result),
            "own": True,
        }
        return render(request, "skills/result_detail.html", context)


class ResultShareView(_ResultView):
    permission_required = "skills.share_skillsresult"
    action = "share"
    withdraw = False

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("skills:result-detail", args=[pk]))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        result: Any = self.permission_object
        if self.withdraw:
            result_unshare(actor=request.user, result=result)  # type: ignore[arg-type]
            messages.success(
                request, _("You stopped sharing this result. Only you can see it now.")
            )
        else:
            result_share(actor=request.user, result=result)  # type: ignore[arg-type]
            messages.success(
                request, _("Your ULR and branch learning team can now see this result.")
            )
        return HttpResponseRedirect(reverse("skills:result-detail", args=[pk]))


class ResultUnshareView(ResultShareView):
    withdraw = True


class SharedListView(ScopedPermissionRequired, View):
    permission_required = "skills.view_resultshare"

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "skills/shared_list.html",
            {"shares": shares_visible_to(user=request.user)[:200]},
        )


class SharedDetailView(ScopedPermissionRequired, View):
    permission_required = "skills.view_resultshare"

    def get_permission_object(self) -> Model | None:
        return share_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        share: Any = self.permission_object
        share_viewed_record(actor=request.user, share=share)  # type: ignore[arg-type]
        context = {
            "result": share.result,
            "outcomes": result_outcomes(result=share.result, user=request.user),
            "shared": True,
            "own": share.result.person.account_id == request.user.pk,
        }
        return render(request, "skills/result_detail.html", context)


# --- authoring checks ---


class CheckManageListView(ScopedPermissionRequired, View):
    permission_required = "skills.view_skillscheck"

    def get(self, request: HttpRequest) -> HttpResponse:
        checks = checks_visible_to(user=request.user, action="view").order_by("title")
        context = {"checks": checks, "can_add": request.user.has_perm("skills.add_skillscheck")}
        return render(request, "skills/check_manage_list.html", context)


class CheckAddView(ScopedPermissionRequired, View):
    permission_required = "skills.add_skillscheck"

    def _form(self, data: Any = None) -> CheckForm:
        units = units_for_check_authoring(user=self.request.user)
        return CheckForm(data, choices={"owner_unit": units})

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "skills/check_form.html", {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if check_slug_taken(slug=data["slug"]):
                form.add_error("slug", _("Another skills check has this short name."))
            else:
                check = check_create(
                    actor=request.user,  # type: ignore[arg-type]
                    owner_unit=data["owner_unit"],
                    title=data["title"],
                    slug=data["slug"],
                    introduction=data["introduction"],
                )
                messages.success(request, _("The skills check was started as a draft."))
                return HttpResponseRedirect(reverse("skills:check-edit", args=[check.slug]))
        return render(request, "skills/check_form.html", {"form": form}, status=400)


class CheckEditView(ScopedPermissionRequired, View):
    """The whole draft on one page: sections, questions, bands, and a form to add each."""

    permission_required = "skills.change_skillscheck"

    def get_permission_object(self) -> Model | None:
        return check_get_visible(user=self.request.user, slug=self.kwargs["slug"], action="change")

    def _forms(self, posted: str = "", data: Any = None) -> dict[str, Any]:
        check: Any = self.permission_object
        sections = section_choices(check_sections(check=check))
        resources = resources_for_bands(user=self.request.user)
        return {
            "section_form": SectionForm(data if posted == "section" else None, prefix="section"),
            "question_form": CheckQuestionForm(
                data if posted == "question" else None,
                prefix="question",
                choices={"section": sections},
            ),
            "band_form": BandForm(
                data if posted == "band" else None,
                prefix="band",
                choices={"section": sections, "resources": resources},
            ),
        }

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(request, self._forms())

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        check: Any = self.permission_object
        posted = request.POST.get("form", "")
        forms = self._forms(posted, request.POST)
        try:
            done = self._apply(request, check, posted, forms)
        except DomainError as error:
            key = f"{posted}_form"
            if key in forms:
                forms[key].add_error(None, error.message)
            else:
                messages.error(request, error.message)
            done = False
        if done:
            return HttpResponseRedirect(reverse("skills:check-edit", args=[slug]))
        return self._render(request, forms, status=400)

    def _apply(self, request: HttpRequest, check: Any, posted: str, forms: dict[str, Any]) -> bool:
        actor: Any = request.user
        if posted == "remove":
            part, pk = request.POST.get("part", ""), request.POST.get("pk", "")
            if pk.isdigit():
                check_part_remove(actor=actor, check=check, part=part, pk=int(pk))
            return True
        form = forms.get(f"{posted}_form")
        if form is None or not form.is_valid():
            return False
        data = form.cleaned_data
        if posted == "section":
            section_add(
                actor=actor, check=check, title=data["title"], description=data["description"]
            )
            return True
        section = section_get(check=check, pk=data["section"])
        if section is None:
            raise Http404(_("Page not found."))
        if posted == "question":
            question_add(
                actor=actor,
                section=section,
                text=data["text"],
                kind=data["kind"],
                options=data["parsed"],
            )
        else:
            band_add(
                actor=actor,
                section=section,
                min_score=data["min_score"],
                max_score=data["max_score"],
                name=data["name"],
                explanation=data["explanation"],
                resources=list(data["resources"]),
                pathway_refs=data["refs"],
            )
        return True

    def _render(
        self, request: HttpRequest, forms: dict[str, Any], status: int = 200
    ) -> HttpResponse:
        check: Any = self.permission_object
        context = {
            "check": check,
            "sections": check_sections(check=check),
            "problems": check_problems(check=check),
            "can_publish": request.user.has_perm("skills.publish_skillscheck", check),
            **forms,
        }
        return render(request, "skills/check_edit.html", context, status=status)


class CheckPublishView(ScopedPermissionRequired, View):
    permission_required = "skills.publish_skillscheck"

    def get_permission_object(self) -> Model | None:
        return check_get_visible(user=self.request.user, slug=self.kwargs["slug"], action="publish")

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponseRedirect(reverse("skills:check-edit", args=[slug]))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        try:
            check_publish(actor=request.user, check=self.permission_object)  # type: ignore[arg-type]
        except CheckIncompleteError as error:
            for problem in error.problems:
                messages.error(request, problem)
        else:
            messages.success(request, _("The skills check is published: members can take it now."))
        return HttpResponseRedirect(reverse("skills:check-edit", args=[slug]))


# --- surveys ---


class SurveyListView(ScopedPermissionRequired, View):
    permission_required = "skills.view_survey"

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {
            "surveys": surveys_visible_to(user=request.user)[:200],
            "can_add": request.user.has_perm("skills.add_survey"),
        }
        return render(request, "skills/survey_list.html", context)


class SurveyAddView(ScopedPermissionRequired, View):
    permission_required = "skills.add_survey"

    def _form(self, data: Any = None) -> SurveyForm:
        user = self.request.user
        choices = {
            "workplace": workplaces_for_surveys(user=user),
            "template": survey_templates_for(user=user),
        }
        may_template = user.has_perm("skills.template_survey")
        return SurveyForm(data, choices=choices, may_template=may_template)

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "skills/survey_form.html", {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if not form.is_valid():
            return render(request, "skills/survey_form.html", {"form": form}, status=400)
        data = form.cleaned_data
        survey = survey_create(
            actor=request.user,  # type: ignore[arg-type]
            workplace=data["workplace"],
            title=data["title"],
            introduction=data["introduction"],
            template=data["template"],
            is_template=data.get("is_template", False),
        )
        messages.success(request, _("The survey was created as a draft."))
        return HttpResponseRedirect(reverse("skills:survey-detail", args=[survey.pk]))


class _SurveyView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return survey_get_visible(user=self.request.user, pk=self.kwargs["pk"], action=self.action)


class SurveyDetailView(_SurveyView):
    permission_required = "skills.view_survey"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return _survey_page(request, self.permission_object, SurveyQuestionForm(prefix="question"))


def _survey_page(request: HttpRequest, survey: Any, form: Any, status: int = 200) -> HttpResponse:
    context = {
        "survey": survey,
        "questions": survey_questions(survey=survey),
        "answer_count": survey_answer_count(survey=survey),
        "can_change": request.user.has_perm("skills.change_survey", survey),
        "short_url": request.build_absolute_uri(
            reverse("skills:survey-answer", args=[survey.code])
        ),
        "form": form,
        "question_action": reverse("skills:survey-question-add", args=[survey.pk]),
    }
    return render(request, "skills/survey_detail.html", context, status=status)


class SurveyQuestionAddView(_SurveyView):
    permission_required = "skills.change_survey"
    action = "change"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("skills:survey-detail", args=[pk]))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey: Any = self.permission_object
        form = SurveyQuestionForm(request.POST, prefix="question")
        if form.is_valid():
            data = form.cleaned_data
            try:
                survey_question_add(
                    actor=request.user,  # type: ignore[arg-type]
                    survey=survey,
                    kind=data["kind"],
                    text=data["text"],
                    options=data["lines"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                return HttpResponseRedirect(reverse("skills:survey-detail", args=[pk]))
        return _survey_page(request, survey, form, status=400)


class SurveyOpenView(_SurveyView):
    permission_required = "skills.change_survey"
    action = "change"
    close = False

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return HttpResponseRedirect(reverse("skills:survey-detail", args=[pk]))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey: Any = self.permission_object
        actor: Any = request.user
        try:
            if self.close:
                survey_close(actor=actor, survey=survey)
                messages.success(request, _("The survey is closed. Its results stay here."))
            else:
                survey_open(actor=actor, survey=survey)
                messages.success(request, _("The survey is open. Share its short address."))
        except DomainError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(reverse("skills:survey-detail", args=[pk]))


class SurveyCloseView(SurveyOpenView):
    close = True


class SurveyResultsView(_SurveyView):
    permission_required = "skills.view_survey"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey: Any = self.permission_object
        total, tallies = survey_tally(survey=survey)
        context = {"survey": survey, "total": total, "tallies": tallies}
        return render(request, "skills/survey_results.html", context)


class SurveyCsvView(_SurveyView):
    """The aggregate as CSV: the same suppression as the page, never a single answer."""

    permission_required = "skills.view_survey"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        survey: Any = self.permission_object
        total, tallies = survey_tally(survey=survey)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.csv"'
        writer = csv.writer(response)
        writer.writerow([_("question"), _("answer"), _("count")])
        writer.writerow([_("All answers"), "", total])
        for tally in tallies:
            for cell in tally.cells:
                count = _("fewer than 5") if cell.suppressed else cell.count
                writer.writerow([_csv_safe(tally.question.text), _csv_safe(cell.label), count])
        return response


def _csv_safe(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


# --- answering a survey (anyone at the workplace, no account) ---

COOKIE_PREFIX = "cp_survey_"


class SurveyAnswerView(View):
    """Anonymous: no permission, no account, nothing about the person stored. A cookie marks
    that this browser has answered, to stop obvious repeats."""

    def _survey(self, code: str) -> Any:
        survey = survey_open_by_code(code=code)
        if survey is None:
            raise Http404(_("Page not found."))
        return survey

    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        return self._render(request, self._survey(code), {}, {})

    def post(self, request: HttpRequest, code: str) -> HttpResponse:
        survey = self._survey(code)
        if request.COOKIES.get(COOKIE_PREFIX + code):
            return self._render(request, survey, {}, {})
        questions = survey_questions(survey=survey)
        answers = survey_answers_from_post(questions, request.POST)
        try:
            survey_answer_record(survey=survey, answers=answers)
        except SurveyAnswerInvalidError as error:
            return self._render(request, survey, answers, error.errors, status=400)
        except DomainError as error:
            messages.error(request, error.message)
            return self._render(request, survey, answers, {}, status=400)
        response = HttpResponseRedirect(reverse("skills:survey-thanks", args=[code]))
        response.set_cookie(
            COOKIE_PREFIX + code,
            "1",
            max_age=365 * 24 * 3600,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response

    def _render(
        self,
        request: HttpRequest,
        survey: Any,
        answers: dict[int, Any],
        errors: dict[int, str],
        status: int = 200,
    ) -> HttpResponse:
        items = []
        for number, question in enumerate(survey_questions(survey=survey), start=1):
            given = answers.get(question.pk, "")
            chosen = {str(v) for v in given} if isinstance(given, list) else {str(given)}
            items.append(
                {
                    "number": number,
                    "question": question,
                    "name": f"q{question.pk}",
                    "error": errors.get(question.pk, ""),
                    "value": given if isinstance(given, str) else "",
                    "options": [
                        {
                            "id": f"q{question.pk}-{i}",
                            "value": str(i),
                            "label": label,
                            "checked": str(i) in chosen,
                        }
                        for i, label in enumerate(question.options)
                    ],
                }
            )
        context = {
            "survey": survey,
            "items": items,
            "errors": errors,
            "general_error": errors.get(0, ""),
            "answered": bool(request.COOKIES.get(COOKIE_PREFIX + survey.code)),
            "is_open": survey.status == SurveyStatus.OPEN,
        }
        return render(request, "skills/survey_answer.html", context, status=status)


class SurveyThanksView(View):
    def get(self, request: HttpRequest, code: str) -> HttpResponse:
        survey = survey_open_by_code(code=code)
        if survey is None:
            raise Http404(_("Page not found."))
        return render(request, "skills/survey_thanks.html", {"survey": survey})
