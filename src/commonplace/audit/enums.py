"""Audit action codes: dotted `<app>.<entity>.<past-tense verb>`.

Every app declares its codes in its own `enums.py` as an `AuditAction`-style TextChoices; the
audit app keeps the foundation's codes here. A test fails on an ill-formed or undeclared code.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

ACTION_CODE = re.compile(r"^[a-z_]+\.[a-z_]+\.[a-z_]+$")


class AuditAction(models.TextChoices):
    PERSON_VIEWED = "people.person.viewed", _("Person viewed")
    PERSON_CHANGED = "people.person.changed", _("Person changed")
    PERSON_CREATED = "people.person.created", _("Person created")
    EQUALITY_CHANGED = "people.equality.changed", _("Equality answers changed")
    UNIT_CREATED = "organisation.unit.created", _("Unit created")
    UNIT_CHANGED = "organisation.unit.changed", _("Unit changed")
    UNIT_MOVED = "organisation.unit.moved", _("Unit moved")
    GRANT_CREATED = "access.grant.created", _("Role granted")
    GRANT_REVOKED = "access.grant.revoked", _("Role revoked")
    LOGIN_SUCCEEDED = "accounts.login.succeeded", _("Logged in")
    LOGIN_FAILED = "accounts.login.failed", _("Log-in failed")
    SIGNUP_COMPLETED = "accounts.signup.completed", _("Signed up")
    AUDIT_SEARCHED = "audit.log.searched", _("Audit log searched")
