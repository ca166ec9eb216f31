"""Quiz pages: the list, a quiz's introduction, taking it on one page, the result, my attempts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError

from .enums import QuestionKind, SubmissionStatus
from .errors import AnswersInvalidError, MarksInvalidError
from .forms import (
    MarkingForm,
    QuizSettingsForm,
    SubmissionForm,
    question_form_for,
    questions_for_page,
    responses_from_post,
)
from .selectors import (
    attempt_feedback,
    attempt_get_visible,
    attempt_open,
    attempts_left,
    attempts_of,
    marking_lines,
    marking_of,
    project_criteria,
    project_get_visible,
    project_max_points,
    projects_visible_to,
    question_of_quiz,
    quiz_attempt_totals,
    quiz_get_visible,
    quiz_question_count,
    quiz_questions,
    quiz_result_links,
    quizzes_for_authoring,
    quizzes_visible_to,
    submission_file_get_visible,
    submission_files,
    submission_get_for_marking,
    submission_get_visible,
    submission_latest,
    submission_may_submit,
    submission_versions,
    submissions_of,
    submissions_to_mark,
    units_for_quiz_authoring,
)
from .services import (
    attempt_start,
    attempt_submit,
    question_move,
    question_remove,
    question_save,
    quiz_create,
    quiz_publish,
    quiz_unpublish,
    quiz_update,
    submission_mark,
    submission_submit,
    submission_view_record,
)


class QuizListView(ScopedPermissionRequired, View):
    permission_required = "assessment.take_quiz"

    def get(self, request: HttpRequest) -> HttpResponse:
        quizzes = quizzes_visible_to(user=request.user).order_by("title")
        return render(request, "assessment/quiz_list.html", {"quizzes": quizzes})


class QuizDetailView(ScopedPermissionRequired, View):
    permission_required = "assessment.take_quiz"

    def get_permission_object(self) -> Model | None:
        return quiz_get_visible(user=self.request.user, slug=self.kwargs["slug"])

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        quiz = self.permission_object
        assert quiz is not None  # noqa: S101 - get_permission_object answered 404 otherwise
        totals = None
        if request.user.has_perm("assessment.view_quiz", quiz):
            totals = quiz_attempt_totals(user=request.user, quiz=quiz)
        context = {
            "quiz": quiz,
            "question_count": quiz_question_count(quiz=quiz),
            "attempts_left": attempts_left(user=request.user, quiz=quiz),
            "open_attempt": attempt_open(user=request.user, quiz=quiz),
            "attempts": attempts_of(user=request.user, quiz=quiz)[:5],
            "totals": totals,
            "can_author": request.user.has_perm("assessment.change_quiz", quiz),
        }
        return render(request, "assessment/quiz_detail.html", context)


class QuizStartView(ScopedPermissionRequired, View):
    permission_required = "assessment.take_quiz"

    def get_permission_object(self) -> Model | None:
        return quiz_get_visible(user=self.request.user, slug=self.kwargs["slug"])

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return HttpResponseRedirect(reverse("assessment:quiz-detail", args=[slug]))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        try:
            attempt = attempt_start(actor=request.user, quiz=self.permission_object)  # type: ignore[arg-type]
        except DomainError as error:
            messages.error(request, error.message)
            return HttpResponseRedirect(reverse("assessment:quiz-detail", args=[slug]))
        return HttpResponseRedirect(reverse("assessment:attempt-take", args=[attempt.pk]))


class AttemptTakeView(ScopedPermissionRequired, View):
    permission_required = "assessment.view_attempt"

    def get_permission_object(self) -> Model | None:
        return attempt_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attempt = self.permission_object
        if attempt.submitted_at is not None:  # type: ignore[union-attr]
            return HttpResponseRedirect(reverse("assessment:attempt-result", args=[pk]))
        return self._render(request, {}, {})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        attempt: Any = self.permission_object
        questions = quiz_questions(quiz=attempt.quiz, order=attempt.question_order)
        responses = responses_from_post(questions, request.POST)
        try:
            attempt_submit(actor=request.user, attempt=attempt, responses=responses)  # type: ignore[arg-type]
        except AnswersInvalidError as error:
            return self._render(request, responses, error.errors, status=400)
        except DomainError as error:
            messages.error(request, error.message)
        return HttpResponseRedirect(reverse("assessment:attempt-result", args=[pk]))

    def _render(
        self,
        request: HttpRequest,
        responses: dict[int, Any],
        errors: dict[int, str],
        status: int = 200,
    ) -> HttpResponse:
        attempt: Any = self.permission_object
        questions = quiz_questions(quiz=attempt.quiz, order=attempt.question_order)
        context = {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "items": questions_for_page(questions, responses, errors),
            "errors": errors,
        }
        return render(request, "assessment/attempt_take.html", context, status=status)


class AttemptResultView(ScopedPermissionRequired, View):
    permission_required = "assessment.view_attempt"

    def get_permission_object(self) -> Model | None:
        return attempt_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        attempt: Any = self.permission_object
        if attempt.submitted_at is None:
            return HttpResponseRedirect(reverse("assessment:attempt-take", args=[pk]))
        context = {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "feedback": attempt_feedback(attempt=attempt),
            "attempts_left": attempts_left(user=request.user, quiz=attempt.quiz),
            "more_links": quiz_result_links(user=request.user, quiz=attempt.quiz),
        }
        return render(request, "assessment/attempt_result.html", context)


class MyAttemptsView(ScopedPermissionRequired, View):
    permission_required = "assessment.view_attempt"

    def get(self, request: HttpRequest) -> HttpResponse:
        attempts = attempts_of(user=request.user)[:100]
        return render(request, "assessment/my_attempts.html", {"attempts": attempts})


# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------
# Staff and administrators at a quiz's unit or above: the list of their quizzes, creating one,
# its settings, its questions (add, change, move, remove) and publishing.


class QuizManageListView(ScopedPermissionRequired, View):
    permission_required = "assessment.change_quiz"

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {
            "quizzes": quizzes_for_authoring(user=request.user)[:200],
            "can_add": request.user.has_perm("assessment.add_quiz"),
        }
        return render(request, "assessment/quiz_manage_list.html", context)


class QuizCreateView(ScopedPermissionRequired, View):
    permission_required = "assessment.add_quiz"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(data=request.POST)
        if form.is_valid():
            fields = {k: v for k, v in form.cleaned_data.items() if k != "owner_unit"}
            try:
                quiz = quiz_create(
                    actor=request.user,  # type: ignore[arg-type]
                    owner_unit=form.cleaned_data["owner_unit"],
                    fields=fields,
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The quiz was saved as a draft. Add its questions."))
                return HttpResponseRedirect(reverse("assessment:quiz-author", args=[quiz.slug]))
        return self._render(request, form)

    def _form(self, **kwargs: Any) -> QuizSettingsForm:
        return QuizSettingsForm(units=units_for_quiz_authoring(user=self.request.user), **kwargs)

    def _render(self, request: HttpRequest, form: QuizSettingsForm) -> HttpResponse:
        return render(request, "assessment/quiz_settings.html", {"form": form, "quiz": None})


class _QuizAuthoringView(ScopedPermissionRequired, View):
    permission_required = "assessment.change_quiz"

    def get_permission_object(self) -> Model | None:
        return quiz_get_visible(user=self.request.user, slug=self.kwargs["slug"], action="change")

    @property
    def quiz(self) -> Any:
        return self.permission_object

    def _back(self) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("assessment:quiz-author", args=[self.quiz.slug]))


class QuizAuthorView(_QuizAuthoringView):
    """The quiz's questions in order, with moving, removing and publishing (POST `action`)."""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        context = {
            "quiz": self.quiz,
            "questions": quiz_questions(quiz=self.quiz),
            "kinds": QuestionKind.choices,
        }
        return render(request, "assessment/quiz_author.html", context)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        action = request.POST.get("action", "")
        actor: Any = request.user
        try:
            if action == "publish":
                quiz_publish(actor=actor, quiz=self.quiz)
                messages.success(request, _("The quiz is published."))
            elif action == "unpublish":
                quiz_unpublish(actor=actor, quiz=self.quiz)
                messages.success(request, _("The quiz is a draft again."))
            elif action in ("up", "down", "remove"):
                question = question_of_quiz(quiz=self.quiz, pk=request.POST.get("question"))
                if action == "remove":
                    question_remove(actor=actor, question=question)
                    messages.success(request, _("The question was removed."))
                else:
                    question_move(actor=actor, question=question, step=-1 if action == "up" else 1)
        except DomainError as error:
            messages.error(request, error.message)
        return self._back()


class QuizSettingsView(_QuizAuthoringView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._render(request, QuizSettingsForm(instance=self.quiz))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        form = QuizSettingsForm(data=request.POST, instance=self.quiz)
        if form.is_valid():
            quiz_update(actor=request.user, quiz=self.quiz, fields=form.cleaned_data)  # type: ignore[arg-type]
            messages.success(request, _("The quiz's settings were saved."))
            return self._back()
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: QuizSettingsForm) -> HttpResponse:
        return render(request, "assessment/quiz_settings.html", {"form": form, "quiz": self.quiz})


class QuestionEditView(_QuizAuthoringView):
    """Adding (`?kind=`) or changing (`?question=`) one question; with neither, the choice of
    kind."""

    def _target(self, request: HttpRequest) -> tuple[Any, str]:
        question_id = request.GET.get("question")
        if question_id:
            question = question_of_quiz(quiz=self.quiz, pk=question_id)
            return question, question.kind
        kind = request.GET.get("kind", "")
        return None, kind if kind in QuestionKind.values else ""

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        question, kind = self._target(request)
        if not kind:
            context = {"quiz": self.quiz, "kinds": QuestionKind.choices}
            return render(request, "assessment/question_kind.html", context)
        form = question_form_for(kind)(question=question)
        return self._render(request, form, question, kind)

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        question, kind = self._target(request)
        if not kind:
            return self._back()
        form = question_form_for(kind)(request.POST)
        if form.is_valid():
            try:
                question_save(
                    actor=request.user,  # type: ignore[arg-type]
                    quiz=self.quiz,
                    question=question,
                    kind=kind,
                    text=form.cleaned_data["text"],
                    explanation=form.cleaned_data["explanation"],
                    answer_true=form.answer_true(),
                    accepted_answers=form.accepted_answers(),
                    choices=form.choice_specs(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The question was saved."))
                return self._back()
        return self._render(request, form, question, kind, status=400)

    def _render(
        self, request: HttpRequest, form: Any, question: Any, kind: str, status: int = 200
    ) -> HttpResponse:
        context = {
            "quiz": self.quiz,
            "form": form,
            "question": question,
            "kind_label": QuestionKind(kind).label,
        }
        return render(request, "assessment/question_form.html", context, status=status)


# --- Assessed projects -------------------------------------------------------------------------


class ProjectListView(ScopedPermissionRequired, View):
    permission_required = "assessment.take_projectbrief"

    def get(self, request: HttpRequest) -> HttpResponse:
        briefs = list(projects_visible_to(user=request.user))
        latest = {s.brief_id: s for s in submissions_of(user=request.user)[:200][::-1]}
        rows = [{"brief": brief, "latest": latest.get(brief.pk)} for brief in briefs]
        can_mark = request.user.has_perm("assessment.mark_submission")
        context = {"rows": rows, "can_mark": can_mark}
        return render(request, "assessment/project_list.html", context)


class _ProjectView(ScopedPermissionRequired, View):
    permission_required = "assessment.take_projectbrief"

    def get_permission_object(self) -> Model | None:
        return project_get_visible(user=self.request.user, slug=self.kwargs["slug"])


class ProjectDetailView(_ProjectView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        brief: Any = self.permission_object
        context = {
            "brief": brief,
            "criteria": project_criteria(brief=brief),
            "max_points": project_max_points(brief=brief),
            "submissions": submissions_of(user=request.user, brief=brief),
            "may_submit": submission_may_submit(user=request.user, brief=brief),
            # Briefs are written in Django admin for now (decision 0210).
            "can_change": request.user.is_staff,
        }
        return render(request, "assessment/project_detail.html", context)


class ProjectSubmitView(_ProjectView):
    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        brief: Any = self.permission_object
        if not submission_may_submit(user=request.user, brief=brief):
            return HttpResponseRedirect(reverse("assessment:project-detail", args=[slug]))
        return self._render(request, SubmissionForm(brief=brief))

    def post(self, request: HttpRequest, slug: str) -> HttpResponse:
        brief: Any = self.permission_object
        form = SubmissionForm(request.POST, request.FILES, brief=brief)
        if form.is_valid():
            try:
                submission = submission_submit(
                    actor=request.user,  # type: ignore[arg-type]
                    brief=brief,
                    text=form.cleaned_data["text"],
                    files=form.cleaned_data["attachments"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your project was submitted for marking."))
                return HttpResponseRedirect(
                    reverse("assessment:submission-detail", args=[submission.pk])
                )
        return self._render(request, form, status=400)

    def _render(
        self, request: HttpRequest, form: SubmissionForm, status: int = 200
    ) -> HttpResponse:
        brief: Any = self.permission_object
        context = {
            "brief": brief,
            "form": form,
            "latest": submission_latest(user=request.user, brief=brief),
            "files_lost": form.is_bound and bool(request.FILES),
        }
        return render(request, "assessment/project_submit.html", context, status=status)


class SubmissionDetailView(ScopedPermissionRequired, View):
    permission_required = "assessment.view_submission"

    def get_permission_object(self) -> Model | None:
        return submission_get_visible(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission: Any = self.permission_object
        submission_view_record(actor=request.user, submission=submission)  # type: ignore[arg-type]
        own = submission.user_id == request.user.pk
        context = {
            "submission": submission,
            "brief": submission.brief,
            "own": own,
            "files": submission_files(submission=submission),
            "marking": marking_of(submission=submission),
            "lines": marking_lines(submission=submission),
            "versions": submission_versions(submission=submission),
            "may_resubmit": own and submission.status == SubmissionStatus.RESUBMISSION_REQUESTED,
            "may_mark": not own
            and submission.status == SubmissionStatus.SUBMITTED
            and request.user.has_perm("assessment.mark_submission", submission),
        }
        return render(request, "assessment/submission_detail.html", context)


class SubmissionFileView(ScopedPermissionRequired, View):
    """A submitted file, served through the permission check (never a public address)."""

    permission_required = "assessment.view_submission"

    def get_permission_object(self) -> Model | None:
        submission, self.file = submission_file_get_visible(
            user=self.request.user, pk=self.kwargs["pk"]
        )
        return submission

    def get(self, request: HttpRequest, pk: int) -> FileResponse:
        submission: Any = self.permission_object
        submission_view_record(actor=request.user, submission=submission, file=self.file)  # type: ignore[arg-type]
        return FileResponse(self.file.file.open("rb"), as_attachment=True, filename=self.file.name)


class MarkingQueueView(ScopedPermissionRequired, View):
    permission_required = "assessment.mark_submission"

    def get(self, request: HttpRequest) -> HttpResponse:
        page = Paginator(submissions_to_mark(user=request.user), 25).get_page(
            request.GET.get("page")
        )
        return render(request, "assessment/marking_queue.html", {"page": page})


class SubmissionMarkView(ScopedPermissionRequired, View):
    permission_required = "assessment.mark_submission"

    def get_permission_object(self) -> Model | None:
        return submission_get_for_marking(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission: Any = self.permission_object
        if submission.status != SubmissionStatus.SUBMITTED:
            return HttpResponseRedirect(reverse("assessment:submission-detail", args=[pk]))
        submission_view_record(actor=request.user, submission=submission)  # type: ignore[arg-type]
        form = MarkingForm(criteria=project_criteria(brief=submission.brief))
        return self._render(request, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission: Any = self.permission_object
        form = MarkingForm(request.POST, criteria=project_criteria(brief=submission.brief))
        if form.is_valid():
            try:
                submission_mark(
                    actor=request.user,  # type: ignore[arg-type]
                    submission=submission,
                    scores=form.scores(),
                    feedback=form.cleaned_data["feedback"],
                    outcome=form.cleaned_data["outcome"],
                )
            except MarksInvalidError as error:
                for key, message in error.errors.items():
                    field = {0: "feedback", -1: "outcome"}.get(key, f"points_{key}")
                    form.add_error(field if field in form.fields else None, message)
            except DomainError as error:
                messages.error(request, error.message)
                return HttpResponseRedirect(reverse("assessment:marking-queue"))
            else:
                messages.success(request, _("The marking was saved and the learner told."))
                return HttpResponseRedirect(reverse("assessment:marking-queue"))
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: MarkingForm, status: int = 200) -> HttpResponse:
        submission: Any = self.permission_object
        context = {
            "submission": submission,
            "brief": submission.brief,
            "form": form,
            "files": submission_files(submission=submission),
            "max_points": project_max_points(brief=submission.brief),
            "versions": submission_versions(submission=submission),
        }
        return render(request, "assessment/submission_mark.html", context, status=status)
