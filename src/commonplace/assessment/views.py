"""Quiz pages: the list, a quiz's introduction, taking it on one page, the result, my attempts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError

from .errors import AnswersInvalidError
from .forms import questions_for_page, responses_from_post
from .selectors import (
    attempt_feedback,
    attempt_get_visible,
    attempt_open,
    attempts_left,
    attempts_of,
    quiz_attempt_totals,
    quiz_get_visible,
    quiz_question_count,
    quiz_questions,
    quizzes_visible_to,
)
from .services import attempt_start, attempt_submit


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
        }
        return render(request, "assessment/attempt_result.html", context)


class MyAttemptsView(ScopedPermissionRequired, View):
    permission_required = "assessment.view_attempt"

    def get(self, request: HttpRequest) -> HttpResponse:
        attempts = attempts_of(user=request.user)[:100]
        return render(request, "assessment/my_attempts.html", {"attempts": attempts})
