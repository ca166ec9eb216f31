from django.urls import path

from . import views

app_name = "reps"

urlpatterns = [
    path("", views.MyRoleView.as_view(), name="my-role"),
    path("about-me/", views.RecordsAboutMeView.as_view(), name="about-me"),
    path("time/add/", views.TimeAddView.as_view(), name="time-add"),
    path("time/<int:pk>/delete/", views.TimeDeleteView.as_view(), name="time-delete"),
    path("training/add/", views.TrainingAddView.as_view(), name="training-add"),
    path("branch/", views.BranchView.as_view(), name="branch"),
    path("appointments/add/", views.AppointmentAddView.as_view(), name="appointment-add"),
    path(
        "appointments/<int:pk>/edit/",
        views.AppointmentEditView.as_view(),
        name="appointment-edit",
    ),
    path(
        "appointments/<int:pk>/notice/",
        views.AppointmentNoticeView.as_view(),
        name="appointment-notice",
    ),
    path("invitations/add/", views.InvitationAddView.as_view(), name="invitation-add"),
    path(
        "invitations/<int:pk>/respond/",
        views.InvitationRespondView.as_view(),
        name="invitation-respond",
    ),
    path("facility-time/", views.FacilityTimeView.as_view(), name="facility-time"),
    path("facility-time.csv", views.FacilityTimeCsvView.as_view(), name="facility-time-csv"),
    path("organising/", views.OrganisingView.as_view(), name="organising"),
    path("organising/join/add/", views.JoinAddView.as_view(), name="join-add"),
    path("organising/join/<int:pk>/", views.JoinOutcomeView.as_view(), name="join-outcome"),
    path(
        "organising/progression/add/",
        views.ProgressionAddView.as_view(),
        name="progression-add",
    ),
    path("organising/activist/add/", views.ActivistAddView.as_view(), name="activist-add"),
]
