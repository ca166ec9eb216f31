from django.urls import path

from . import views

app_name = "pathways"

urlpatterns = [
    path("", views.PathwayListView.as_view(), name="pathway-list"),
    path("new/", views.PathwayCreateView.as_view(), name="pathway-add"),
    path("mine/", views.MyPathwaysView.as_view(), name="my-pathways"),
    path("steps/<int:pk>/", views.StepDetailView.as_view(), name="step-detail"),
    path("steps/<int:pk>/finish/", views.StepFinishView.as_view(), name="step-finish"),
    path("steps/<int:pk>/edit/", views.StepEditView.as_view(), name="step-edit"),
    path("steps/<int:pk>/remove/", views.StepRemoveView.as_view(), name="step-remove"),
    path("steps/<int:pk>/move/", views.StepMoveView.as_view(), name="step-move"),
    path("enrolments/<int:pk>/", views.EnrolmentDetailView.as_view(), name="enrolment-detail"),
    path("<slug:slug>/", views.PathwayDetailView.as_view(), name="pathway-detail"),
    path("<slug:slug>/enrol/", views.PathwayEnrolView.as_view(), name="pathway-enrol"),
    path("<slug:slug>/edit/", views.PathwayEditView.as_view(), name="pathway-edit"),
    path("<slug:slug>/publish/", views.PathwayPublishView.as_view(), name="pathway-publish"),
    path("<slug:slug>/drop-off/", views.PathwayDropoffView.as_view(), name="pathway-dropoff"),
    path("<slug:slug>/steps/new/", views.StepAddView.as_view(), name="step-add"),
]
