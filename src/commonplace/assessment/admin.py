"""Administrators' tools: repairs, and project briefs until their staff authoring pages exist
(staff author quizzes on the pages under `/quizzes/manage/`)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import Attempt, Choice, Criterion, ProjectBrief, Question, Quiz, Submission
from .services import project_brief_delete, project_brief_saved, quiz_delete, quiz_saved


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_unit", "status", "pass_mark", "attempts_limit"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["owner_unit"]

    # Through the services, so the quiz's catalogue tile follows (decision 0250).
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        quiz_saved(actor=request.user, quiz=obj, created=not change)  # type: ignore[arg-type]

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        quiz_delete(actor=request.user, quiz=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for quiz in queryset:
            quiz_delete(actor=request.user, quiz=quiz)  # type: ignore[arg-type]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "quiz", "kind", "order"]
    list_filter = ["kind"]
    inlines = [ChoiceInline]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["quiz", "user", "started_at", "submitted_at", "score", "passed"]
    readonly_fields = ["registration", "question_order"]
    raw_id_fields = ["user"]


# --- Assessed projects -------------------------------------------------------------------------


class CriterionInline(admin.StackedInline):
    model = Criterion
    extra = 0
    min_num = 1


@admin.register(ProjectBrief)
class ProjectBriefAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_unit", "status", "pass_mark"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["owner_unit"]
    inlines = [CriterionInline]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        project_brief_saved(actor=request.user, brief=obj, created=not change)  # type: ignore[arg-type]

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        project_brief_delete(actor=request.user, brief=obj)  # type: ignore[arg-type]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for brief in queryset:
            project_brief_delete(actor=request.user, brief=brief)  # type: ignore[arg-type]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read only: learners submit and assessors mark through the site's pages."""

    list_display = ["brief", "user", "version", "status", "submitted_at"]
    list_filter = ["status"]
    readonly_fields = ["brief", "user", "unit", "version", "text", "status", "registration"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
