from django.urls import include, path

from . import views

app_name = "lrs"

urlpatterns = [
    path("about", views.AboutView.as_view(), name="about"),
    path("", include("commonplace.lrs.urls_statements")),
    path("", include("commonplace.lrs.urls_documents")),
]
