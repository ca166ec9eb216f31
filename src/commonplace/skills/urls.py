from django.urls import path

from . import views

app_name = "skills"

urlpatterns = [
    path("skills/", views.CheckListView.as_view(), name="index"),
    path("skills/checks/<slug:slug>/", views.CheckTakeView.as_view(), name="check-take"),
    path("skills/checks/<slug:slug>/with/", views.CheckWithView.as_view(), name="check-with"),
    path("skills/results/", views.MyResultsView.as_view(), name="my-results"),
    path("skills/results/<int:pk>/", views.ResultDetailView.as_view(), name="result-detail"),
    path("skills/results/<int:pk>/share/", views.ResultShareView.as_view(), name="result-share"),
    path(
        "skills/results/<int:pk>/unshare/",
        views.ResultUnshareView.as_view(),
        name="result-unshare",
    ),
    path("skills/shared/", views.SharedListView.as_view(), name="shared-list"),
    path("skills/shared/<int:pk>/", views.SharedDetailView.as_view(), name="shared-detail"),
    path("skills/manage/", views.CheckManageListView.as_view(), name="check-manage-list"),
    path("skills/manage/add/", views.CheckAddView.as_view(), name="check-add"),
    path("skills/manage/<slug:slug>/", views.CheckEditView.as_view(), name="check-edit"),
    path(
        "skills/manage/<slug:slug>/publish/",
        views.CheckPublishView.as_view(),
        name="check-publish",
    ),
    path("skills/surveys/", views.SurveyListView.as_view(), name="survey-list"),
    path("skills/surveys/add/", views.SurveyAddView.as_view(), name="survey-add"),
    path("skills/surveys/<int:pk>/", views.SurveyDetailView.as_view(), name="survey-detail"),
    path(
        "skills/surveys/<int:pk>/questions/",
        views.SurveyQuestionAddView.as_view(),
        name="survey-question-add",
    ),
    path("skills/surveys/<int:pk>/open/", views.SurveyOpenView.as_view(), name="survey-open"),
    path("skills/surveys/<int:pk>/close/", views.SurveyCloseView.as_view(), name="survey-close"),
    path(
        "skills/surveys/<int:pk>/results/",
        views.SurveyResultsView.as_view(),
        name="survey-results",
    ),
    path(
        "skills/surveys/<int:pk>/results.csv",
        views.SurveyCsvView.as_view(),
        name="survey-csv",
    ),
    # The short address a survey is answered at, without an account.
    path("s/<str:code>/", views.SurveyAnswerView.as_view(), name="survey-answer"),
    path("s/<str:code>/thanks/", views.SurveyThanksView.as_view(), name="survey-thanks"),
]
