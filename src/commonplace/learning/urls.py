from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    path("new/", views.ResourceCreateView.as_view(), name="resource-add"),
    path("<slug:slug>/", views.ResourceDetailView.as_view(), name="resource-detail"),
    path("<slug:slug>/file/", views.ResourceFileView.as_view(), name="resource-file"),
    path("<slug:slug>/edit/", views.ResourceEditView.as_view(), name="resource-edit"),
    path("<slug:slug>/publish/", views.ResourcePublishView.as_view(), name="resource-publish"),
]
