from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("new/", views.ResourceCreateView.as_view(), name="resource-add"),
    # Community contributions with review (before `<slug>/`, so "proposals" is not a slug).
    path("proposals/", views.ProposalListView.as_view(), name="proposal-list"),
    path("proposals/new/", views.ProposalCreateView.as_view(), name="proposal-add"),
    path("proposals/review/", views.ReviewQueueView.as_view(), name="review-queue"),
    path("proposals/<int:pk>/", views.ProposalDetailView.as_view(), name="proposal-detail"),
    path("proposals/<int:pk>/edit/", views.ProposalEditView.as_view(), name="proposal-edit"),
    path("proposals/<int:pk>/review/", views.ProposalReviewView.as_view(), name="proposal-review"),
    path("proposals/<int:pk>/file/", views.ProposalFileView.as_view(), name="proposal-file"),
    path("proposals/<int:pk>/video/", views.ProposalVideoView.as_view(), name="proposal-video"),
    path(
        "proposals/<int:pk>/captions/",
        views.ProposalCaptionsView.as_view(),
        name="proposal-captions",
    ),
    path("<slug:slug>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path("<slug:slug>/file/", views.ResourceFileView.as_view(), name="resource-file"),
    path("<slug:slug>/video/", views.ResourceVideoView.as_view(), name="resource-video"),
    path("<slug:slug>/captions/", views.ResourceCaptionsView.as_view(), name="resource-captions"),
    path("<slug:slug>/edit/", views.ResourceEditView.as_view(), name="resource-edit"),
    path("<slug:slug>/publish/", views.ResourcePublishView.as_view(), name="resource-publish"),
]
