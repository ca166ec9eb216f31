"""Administrators' tools for repairs; staff author quizzes on the pages under `/quizzes/manage/`."""

from django.contrib import admin

from .models import Attempt, Choice, Question, Quiz


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "owner_unit", "status", "pass_mark", "attempts_limit"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["owner_unit"]


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
