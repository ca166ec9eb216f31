from django.urls import include, path

from .views import about

app_name = "lrs"

urlpatterns = [
    path("about", about.AboutView.as_view(), name="about"),
    path("", include("commonplace.lrs.urls_statements")),
    path("", include("commonplace.lrs.urls_documents")),
]
