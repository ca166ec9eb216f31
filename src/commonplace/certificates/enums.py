"""Audit codes and constants of the certificates app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The JSON-LD context of every Open Badges 2.0 document we publish.
OPEN_BADGES_CONTEXT = "https://w3id.org/openbadges/v2"
OPEN_BADGES_CONTENT_TYPE = "application/ld+json"

# Open Badges 3.0 (decision 0223): the contexts of every credential, in this order, and the
# schema it declares; the only proof algorithm the specification requires of every verifier.
OPEN_BADGES_V3_CONTEXT = (
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
)
OPEN_BADGES_V3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
OPEN_BADGES_V3_ALGORITHM = "RS256"
OPEN_BADGES_V3_KEY_BITS = 2048
# The Open Badges 3.0 "Web Resource" of a VC-JWT credential is the compact JWS as text/plain;
# its JSON form is the credential as JSON-LD.
VC_JWT_CONTENT_TYPE = "text/plain; charset=utf-8"
VC_JSON_CONTENT_TYPE = "application/vc+ld+json"
JWK_SET_CONTENT_TYPE = "application/jwk-set+json"
JWK_CONTENT_TYPE = "application/jwk+json"

# Public look-ups of a certificate number: at most this many per client address and window.
VERIFY_LOOKUPS_PER_WINDOW = 20
VERIFY_WINDOW_SECONDS = 600


class CertificatesAuditAction(models.TextChoices):
    CERTIFICATE_ISSUED = "certificates.certificate.issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificates.certificate.revoked", _("Certificate revoked")
    CERTIFICATE_VIEWED = "certificates.certificate.viewed", _("Certificate opened by someone else")
    SIGNING_KEY_CREATED = "certificates.signing_key.created", _("Open Badges signing key created")
    SIGNING_KEY_RETIRED = "certificates.signing_key.retired", _("Open Badges signing key retired")
