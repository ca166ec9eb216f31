"""Mounts each app. /xapi/ → lrs (its pages for people at /lrs/), /health/ → core; pages
under each app's own prefix."""

from django.contrib import admin
from django.urls import include, path

from commonplace.core.views import health

urlpatterns = [
    path("health/", health, name="health"),
    path("xapi/", include("commonplace.lrs.urls")),  # first: the busiest prefix, resolved fast
    path("accounts/", include("commonplace.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("commonplace.core.urls")),
    path("", include("commonplace.people.urls")),
    path("", include("commonplace.organisation.urls")),
    path("", include("commonplace.access.urls")),
    path("", include("commonplace.audit.urls")),
    path("lrs/", include("commonplace.lrs.urls_pages")),
    path("", include("commonplace.assessment.urls")),
    path("learning/", include("commonplace.learning.urls")),
    path("my-learning/", include("commonplace.learning_space.urls")),
    path("notifications/", include("commonplace.notifications.urls")),
    path("certificates/", include("commonplace.certificates.urls")),
    path("pathways/", include("commonplace.pathways.urls")),
    path("caseload/", include("commonplace.caseload.urls")),
    path("", include("commonplace.skills.urls")),
    path("reps/", include("commonplace.reps.urls")),
    path("django-admin/", admin.site.urls),
    path("", include("commonplace.home.urls")),
]
