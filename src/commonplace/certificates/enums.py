"""Audit codes and constants of the certificates app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The JSON-LD context of every Open Badges 2.0 document we publish.
OPEN_BADGES_CONTEXT = "https://w3id.org/openbadges/v2"
OPEN_BADGES_CONTENT_TYPE = "application/ld+json"

# Public look-ups of a certificate number: at most this many per client address and window.
VERIFY_LOOKUPS_PER_WINDOW = 20
VERIFY_WINDOW_SECONDS = 600


class CertificatesAuditAction(models.TextChoices):
    CERTIFICATE_ISSUED = "certificates.certificate.issued", _("Certificate issued")
    CERTIFICATE_REVOKED = "certificates.certificate.revoked", _("Certificate revoked")
    CERTIFICATE_VIEWED = "certificates.certificate.viewed", _("Certificate opened by someone else")
