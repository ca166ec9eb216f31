from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("roles/", views.GrantListView.as_view(), name="grant-list"),
    path("roles/add/", views.GrantAddView.as_view(), name="grant-add"),
    path("roles/<int:pk>/revoke/", views.GrantRevokeView.as_view(), name="grant-revoke"),
]
