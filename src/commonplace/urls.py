"""Mounts each app. /xapi/ → lrs, /health/ → core; pages under each app's own prefix."""

from django.contrib import admin
from django.urls import include, path

from commonplace.core.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/settings/", include("commonplace.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("django-admin/", admin.site.urls),
    path("", include("commonplace.home.urls")),
]
