from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.MyCertificatesView.as_view(), name="mine"),
    path("issued/", views.IssuedCertificatesView.as_view(), name="issued"),
    path("<int:pk>/", views.CertificateDetailView.as_view(), name="certificate-detail"),
    path("<int:pk>/pdf/", views.CertificatePdfView.as_view(), name="certificate-pdf"),
    path("<int:pk>/revoke/", views.CertificateRevokeView.as_view(), name="certificate-revoke"),
    # Public: no permission, on purpose (see the views' docstrings).
    path("verify/", views.VerifyLookupView.as_view(), name="verify-lookup"),
    path("verify/<uuid:uuid>/", views.VerifyView.as_view(), name="verify"),
    path("openbadges/issuers/<int:pk>/", views.IssuerView.as_view(), name="ob-issuer"),
    path("openbadges/badges/<uuid:uuid>/", views.BadgeClassView.as_view(), name="ob-badge"),
    path(
        "openbadges/badges/<uuid:uuid>/image.svg",
        views.BadgeImageView.as_view(),
        name="ob-badge-image",
    ),
    path(
        "openbadges/badges/<uuid:uuid>/criteria/",
        views.BadgeCriteriaView.as_view(),
        name="ob-criteria",
    ),
    path(
        "openbadges/assertions/<uuid:uuid>/",
        views.AssertionView.as_view(),
        name="ob-assertion",
    ),
    path("openbadges/v3/issuers/<int:pk>/", views.ProfileView.as_view(), name="ob3-issuer"),
    path(
        "openbadges/v3/achievements/<uuid:uuid>/",
        views.AchievementView.as_view(),
        name="ob3-achievement",
    ),
    path(
        "openbadges/v3/credentials/<uuid:uuid>/",
        views.CredentialView.as_view(),
        name="ob3-credential",
    ),
    path(
        "openbadges/v3/credentials/<uuid:uuid>/credential.json",
        views.CredentialJsonView.as_view(),
        name="ob3-credential-json",
    ),
    path(
        "openbadges/v3/credentials/<uuid:uuid>/status/",
        views.CredentialStatusView.as_view(),
        name="ob3-status",
    ),
    path("openbadges/v3/jwks.json", views.KeySetView.as_view(), name="ob3-jwks"),
    path("openbadges/v3/keys/<slug:key_id>.json", views.KeyView.as_view(), name="ob3-key"),
]
