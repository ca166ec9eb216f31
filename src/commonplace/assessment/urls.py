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
    # Assessed projects
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/marking/", views.MarkingQueueView.as_view(), name="marking-queue"),
    path(
        "projects/submissions/<int:pk>/",
        views.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    path(
        "projects/submissions/<int:pk>/mark/",
        views.SubmissionMarkView.as_view(),
        name="submission-mark",
    ),
    path("projects/files/<int:pk>/", views.SubmissionFileView.as_view(), name="submission-file"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<slug:slug>/submit/", views.ProjectSubmitView.as_view(), name="project-submit"),
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
