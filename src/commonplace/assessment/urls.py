from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("quizzes/", views.QuizListView.as_view(), name="quiz-list"),
    path("quizzes/my-attempts/", views.MyAttemptsView.as_view(), name="my-attempts"),
    path("quizzes/attempts/<int:pk>/", views.AttemptTakeView.as_view(), name="attempt-take"),
    path(
        "quizzes/attempts/<int:pk>/result/",
        views.AttemptResultView.as_view(),
        name="attempt-result",
    ),
    path("quizzes/<slug:slug>/", views.QuizDetailView.as_view(), name="quiz-detail"),
    path("quizzes/<slug:slug>/start/", views.QuizStartView.as_view(), name="quiz-start"),
]

# --- Quiz authoring (branch `catalogue`) ------------------------------------------------------
# Put first, so "manage" is never read as a quiz's slug by `quizzes/<slug:slug>/`.
urlpatterns = [
    path("quizzes/manage/", views.QuizManageListView.as_view(), name="quiz-manage"),
    path("quizzes/manage/new/", views.QuizCreateView.as_view(), name="quiz-create"),
    path("quizzes/manage/<slug:slug>/", views.QuizAuthorView.as_view(), name="quiz-author"),
    path(
        "quizzes/manage/<slug:slug>/settings/",
        views.QuizSettingsView.as_view(),
        name="quiz-settings",
    ),
    path(
        "quizzes/manage/<slug:slug>/question/",
        views.QuestionEditView.as_view(),
        name="question-edit",
    ),
    *urlpatterns,
]
