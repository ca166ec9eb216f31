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
