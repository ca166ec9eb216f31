"""Certificate pages: my certificates, a certificate (with its PDF and backpack address),
revoking one; and the public pages anyone may open without signing in: the verification page,
the look-up by number, and the Open Badges 2.0 documents and badge image.
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

from .enums import OPEN_BADGES_CONTENT_TYPE
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
    issuer_get_public,
)
from .services import certificate_revoke, certificate_view_record, verification_lookup_allow

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


def _json_ld(document: dict[str, Any], status: int = 200) -> JsonResponse:
    response = JsonResponse(
        document,
        status=status,
        content_type=OPEN_BADGES_CONTENT_TYPE,
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
        certificate = certificate_get_public(uuid=uuid)
        if certificate is None:
            raise Http404("No assertion.")
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
