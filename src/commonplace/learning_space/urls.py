from django.urls import path

from . import views

app_name = "learning_space"

urlpatterns = [
    path("", views.SpaceHomeView.as_view(), name="home"),
    path("save", views.ShareView.as_view(), name="share"),
    path("bookmarklet/", views.BookmarkletView.as_view(), name="bookmarklet"),
    path("informal/", views.InformalListView.as_view(), name="informal-list"),
    path("informal/new/", views.InformalCreateView.as_view(), name="informal-add"),
    path("informal/<int:pk>/edit/", views.InformalEditView.as_view(), name="informal-edit"),
    path("informal/<int:pk>/delete/", views.InformalDeleteView.as_view(), name="informal-delete"),
    path("informal/<int:pk>/evidence/", views.EvidenceView.as_view(), name="informal-evidence"),
    path("goals/", views.GoalListView.as_view(), name="goal-list"),
    path("goals/<int:pk>/edit/", views.GoalEditView.as_view(), name="goal-edit"),
    path("goals/<int:pk>/status/", views.GoalStatusView.as_view(), name="goal-status"),
    path("saved/", views.SavedListView.as_view(), name="saved-list"),
    path("export/", views.ExportView.as_view(), name="export"),
    path("export/my-learning-record.pdf", views.ExportPdfView.as_view(), name="export-pdf"),
]
