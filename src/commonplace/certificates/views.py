"""Certificate pages: my certificates, a certificate (with its PDF and backpack address),
revoking one; and the public pages anyone may open without signing in: the verification page,
the look-up by number, the Open Badges 2.0 documents and badge image, and the Open Badges 3.0
credential (signed as a VC-JWT), its status, issuer profile, achievement and public keys.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from commonplace.access.views import ScopedPermissionRequired
from commonplace.core.errors import DomainError
from commonplace.core.pagination import CappedPaginator

from .enums import (
    JWK_CONTENT_TYPE,
    JWK_SET_CONTENT_TYPE,
    OPEN_BADGES_CONTENT_TYPE,
    VC_JSON_CONTENT_TYPE,
    VC_JWT_CONTENT_TYPE,
)
from .forms import IssuedSearchForm, RevokeForm, VerifyLookupForm
from .selectors import (
    achievement_get_public,
    assertion_url,
    badge_assertion_document,
    badge_class_document,
    badge_image_context,
    badge_issuer_document,
    badge_revoked_document,
    certificate_get_public,
    certificate_get_visible,
    certificate_pdf,
    certificate_verify_url,
    certificates_issued_search,
    certificates_of_user,
    credential_json_url,
    credential_url,
    issuer_get_public,
    open_badge_achievement_document,
    open_badge_credential_document,
    open_badge_profile_document,
    open_badge_status_document,
    signing_key_get_public,
    signing_key_jwk,
    signing_keys_published,
)
from .services import (
    certificate_revoke,
    certificate_view_record,
    credential_sign,
    verification_lookup_allow,
)

PAGE_SIZE = 25


class MyCertificatesView(ScopedPermissionRequired, View):
    permission_required = "certificates.view_certificate"

    def get(self, request: HttpRequest) -> HttpResponse:
        certificates = certificates_of_user(user=request.user)[:200]
        return render(request, "certificates/certificate_list.html", {"certificates": certificates})


class IssuedCertificatesView(ScopedPermissionRequired, View):
    """Certificates of the people below the user's place, for staff who may revoke them."""

    permission_required = "certificates.revoke_certificate"

    def get(self, request: HttpRequest) -> HttpResponse:
        form = IssuedSearchForm(request.GET or None)
        text = form.cleaned_data.get("q", "") if form.is_valid() else ""
        certificates = certificates_issued_search(user=request.user, text=text.strip())
        page = CappedPaginator(certificates, PAGE_SIZE).get_page(request.GET.get("page"))
        context = {"form": form, "page": page}
        return render(request, "certificates/certificate_issued.html", context)


class _CertificateView(ScopedPermissionRequired, View):
    action = "view"

    def get_permission_object(self) -> Model | None:
        return certificate_get_visible(
            user=self.request.user, pk=self.kwargs["pk"], action=self.action
        )


class CertificateDetailView(_CertificateView):
    permission_required = "certificates.view_certificate"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        certificate: Any = self.permission_object
        certificate_view_record(actor=request.user, certificate=certificate)
        context = {
            "certificate": certificate,
            "achievement": certificate.achievement,
            "is_owner": certificate.user_id == request.user.pk,
            "verify_url": certificate_verify_url(certificate),
            "assertion_url": assertion_url(certificate),
            "can_revoke": request.user.has_perm("certificates.revoke_certificate", certificate),
        }
        return render(request, "certificates/certificate_detail.html", context)


class CertificatePdfView(_CertificateView):
    permission_required = "certificates.view_certificate"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        certificate: Any = self.permission_object
        certificate_view_record(actor=request.user, certificate=certificate, pdf=True)
        response = HttpResponse(certificate_pdf(certificate=certificate), "application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="certificate-{certificate.uuid}.pdf"'
        )
        return response


class CertificateRevokeView(_CertificateView):
    permission_required = "certificates.revoke_certificate"
    action = "revoke"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._render(request, RevokeForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        certificate: Any = self.permission_object
        form = RevokeForm(request.POST)
        if form.is_valid():
            try:
                certificate_revoke(
                    actor=request.user,  # type: ignore[arg-type]
                    certificate=certificate,
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The certificate was revoked."))
                return HttpResponseRedirect(
                    reverse("certificates:certificate-detail", args=[certificate.pk])
                )
        return self._render(request, form, status=400)

    def _render(self, request: HttpRequest, form: RevokeForm, status: int = 200) -> HttpResponse:
        context = {"certificate": self.permission_object, "form": form}
        return render(request, "certificates/certificate_revoke.html", context, status=status)


# --- Public pages ------------------------------------------------------------------------------
# Not permission protected, on purpose: a verification link and an Open Badges document must
# open for anyone (an employer, a backpack) without an account. They are found only by the
# certificate's random UUID, and show the name as printed, the achievement, the issuer and the
# dates: never the recipient's email, account or anything else about them.


def _private(response: HttpResponse) -> HttpResponse:
    """Keep a certificate's public page out of search engines' indexes."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class VerifyView(View):
    """The public verification page of a certificate (no permission: anyone may check it)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        certificate = certificate_get_public(uuid=uuid)
        if certificate is None:
            raise Http404(_("No certificate has this number."))
        context = {
            "certificate": certificate,
            "achievement": certificate.achievement,
            "issuer": certificate.achievement.issuer_unit,
            "credential_json_url": credential_json_url(certificate),
        }
        return _private(render(request, "certificates/certificate_verify.html", context))


class VerifyLookupView(View):
    """Look a certificate up by its number (no permission; throttled per client address)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        if "number" not in request.GET:
            return self._render(request, VerifyLookupForm())
        form = VerifyLookupForm(request.GET)
        if not verification_lookup_allow(client=request.META.get("REMOTE_ADDR") or "unknown"):
            form.is_valid()  # binds what was typed, to show it again
            form.errors.clear()
            form.add_error(
                None, _("You have checked too many numbers. Wait ten minutes, then try again.")
            )
            return self._render(request, form, status=429)
        if form.is_valid():
            certificate = certificate_get_public(uuid=form.cleaned_data["number"])
            if certificate is not None:
                return HttpResponseRedirect(reverse("certificates:verify", args=[certificate.uuid]))
            form.add_error(
                "number",
                _(
                    "No certificate has this number. Check it against the certificate and "
                    "try again."
                ),
            )
        return self._render(request, form, status=400)

    def _render(
        self, request: HttpRequest, form: VerifyLookupForm, status: int = 200
    ) -> HttpResponse:
        return _private(
            render(request, "certificates/verify_lookup.html", {"form": form}, status=status)
        )


def _public_certificate(uuid: Any) -> Any:
    """The certificate with this number, for its public Open Badges documents; 404 if none."""
    certificate = certificate_get_public(uuid=uuid)
    if certificate is None:
        raise Http404("No certificate has this number.")
    return certificate


def _json_ld(
    document: dict[str, Any], status: int = 200, content_type: str = OPEN_BADGES_CONTENT_TYPE
) -> JsonResponse:
    response = JsonResponse(
        document,
        status=status,
        content_type=content_type,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"  # backpacks and verifiers read it from anywhere
    return response


class IssuerView(View):
    """The Open Badges Issuer Profile of a unit that issues certificates (public)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = issuer_get_public(pk=pk)
        if unit is None:
            raise Http404("No issuer.")
        return _json_ld(badge_issuer_document(unit=unit))


class BadgeClassView(View):
    """The Open Badges BadgeClass of an achievement (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        achievement = achievement_get_public(uuid=uuid)
        if achievement is None:
            raise Http404("No badge.")
        return _json_ld(badge_class_document(achievement=achievement))


class AssertionView(View):
    """The hosted Open Badges Assertion of a certificate (public); 410 Gone once revoked."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        certificate = _public_certificate(uuid)
        if certificate.is_revoked:
            return _json_ld(badge_revoked_document(certificate=certificate), status=410)
        return _private(_json_ld(badge_assertion_document(certificate=certificate)))


class BadgeImageView(View):
    """The badge's image, drawn from a template: no upload, nothing fetched (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        achievement = achievement_get_public(uuid=uuid)
        if achievement is None:
            raise Http404("No badge.")
        context = badge_image_context(achievement=achievement)
        response = render(request, "certificates/badge.svg", context, content_type="image/svg+xml")
        response["Access-Control-Allow-Origin"] = "*"
        response["Cache-Control"] = "public, max-age=3600"
        return response


class BadgeCriteriaView(View):
    """What it takes to earn a badge, for people who follow its criteria link (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        achievement = achievement_get_public(uuid=uuid)
        if achievement is None:
            raise Http404("No badge.")
        context = {"achievement": achievement, "issuer": achievement.issuer_unit}
        return render(request, "certificates/achievement_criteria.html", context)


# --- Open Badges 3.0 (public, like the 2.0 documents above) -------------------------------------


def _revoked_credential(certificate: Any) -> HttpResponse:
    document = {"id": credential_url(certificate), "revoked": True}
    return _private(_json_ld(document, status=410, content_type=VC_JSON_CONTENT_TYPE))


class CredentialView(View):
    """The certificate's Open Badges 3.0 credential as the spec's web resource: the compact JWS
    (VC-JWT), as text (public); 410 Gone once revoked, 404 for an unknown number."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        certificate = _public_certificate(uuid)
        if certificate.is_revoked:
            return _revoked_credential(certificate)
        response = HttpResponse(credential_sign(certificate=certificate), VC_JWT_CONTENT_TYPE)
        response["Access-Control-Allow-Origin"] = "*"
        return _private(response)


class CredentialJsonView(View):
    """The same credential as JSON-LD, as it stands in the signed token's payload (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        certificate = _public_certificate(uuid)
        if certificate.is_revoked:
            return _revoked_credential(certificate)
        document = open_badge_credential_document(certificate=certificate)
        response = _json_ld(document, content_type=VC_JSON_CONTENT_TYPE)
        response["Link"] = f'<{credential_url(certificate)}>; rel="alternate"; type="text/plain"'
        return _private(response)


class CredentialStatusView(View):
    """The 1EdTech revocation list of one credential: empty, or naming it (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        certificate = _public_certificate(uuid)
        response = _json_ld(
            open_badge_status_document(certificate=certificate), content_type="application/json"
        )
        response["Cache-Control"] = "no-cache"
        return _private(response)


class ProfileView(View):
    """The Open Badges 3.0 issuer Profile of a unit that issues certificates (public)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        unit = issuer_get_public(pk=pk)
        if unit is None:
            raise Http404("No issuer.")
        return _json_ld(open_badge_profile_document(unit=unit))


class AchievementView(View):
    """The Open Badges 3.0 Achievement of a certificate (public)."""

    def get(self, request: HttpRequest, uuid: Any) -> HttpResponse:
        achievement = achievement_get_public(uuid=uuid)
        if achievement is None:
            raise Http404("No achievement.")
        return _json_ld(open_badge_achievement_document(achievement=achievement))


class KeySetView(View):
    """The public keys credentials are signed with, retired ones too, as a JWK Set (public).
    Only public members are ever written: the private keys never leave the database."""

    def get(self, request: HttpRequest) -> HttpResponse:
        response = _json_ld(signing_keys_published(), content_type=JWK_SET_CONTENT_TYPE)
        response["Cache-Control"] = "public, max-age=300"
        return response


class KeyView(View):
    """One public key, the address a credential's `kid` names (public)."""

    def get(self, request: HttpRequest, key_id: str) -> HttpResponse:
        signing_key = signing_key_get_public(key_id=key_id)
        if signing_key is None:
            raise Http404("No key.")
        response = _json_ld(signing_key_jwk(signing_key), content_type=JWK_CONTENT_TYPE)
        response["Cache-Control"] = "public, max-age=3600"
        return response
