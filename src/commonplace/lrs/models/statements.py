"""Stored xAPI statements and their attachments.

A statement row is immutable except for `voided`. The full statement, as the LRS completed it
(`id`, `stored`, `authority`, `version` set), is kept in `data`; every query filter of the
Statements resource has its own indexed column, so no filter reads `data`:

- `actor_key`, `object_agent_key`, `verb_id`, `activity_id`, `registration`, `stored`: the
  plain filters, each indexed with `stored, id` so a filtered page is an ordered index scan
  (the `agent` filter reads two of them);
- `keys`: a JSON list of prefixed keys for the "related" filters (`r:` any other agent, `x:`
  any activity), with a GIN index on PostgreSQL (queried with `keys__has`).

Rows are written with one multi-row insert per batch (services.statements), never upserting
shared rows, so concurrent batches cannot deadlock.
"""

import json
from typing import Any

from django.db import models
from django.db.models import Lookup, Q


class KeyListField(models.JSONField):
    """A JSON list of strings, queried with `__has`: "the list holds this string"."""


@KeyListField.register_lookup
class KeyListHas(Lookup):
    lookup_name = "has"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)"  # noqa: S608 (lhs is a column)
        return sql, [*lhs_params, str(self.rhs)]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*lhs_params, json.dumps([str(self.rhs)])]


class Statement(models.Model):
    id = models.BigAutoField(primary_key=True)
    statement_id = models.UUIDField(unique=True)
    stored = models.DateTimeField()
    timestamp = models.DateTimeField()
    actor_key = models.CharField(max_length=512)
    # The key of an Agent or Group object (the `agent` filter matches actor or object).
    object_agent_key = models.CharField(max_length=512, blank=True, default="", db_default="")
    verb_id = models.CharField(max_length=2048)
    activity_id = models.CharField(max_length=2048, blank=True, default="")
    registration = models.UUIDField(null=True, blank=True)
    # The statement this one refers to through a StatementRef object (voiding included).
    target_statement_id = models.UUIDField(null=True, blank=True)
    is_voiding = models.BooleanField(default=False)
    voided = models.BooleanField(default=False)
    keys = KeyListField(default=list)
    client = models.ForeignKey(
        "lrs.LrsClient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.CharField(max_length=16)
    data = models.JSONField()

    class Meta:
        indexes = [
            models.Index(fields=["stored", "id"], name="lrs_stmt_stored"),
            models.Index(fields=["actor_key", "stored", "id"], name="lrs_stmt_actor"),
            models.Index(
                fields=["object_agent_key", "stored", "id"],
                name="lrs_stmt_object_agent",
                condition=~Q(object_agent_key=""),
            ),
            models.Index(fields=["verb_id", "stored", "id"], name="lrs_stmt_verb"),
            models.Index(
                fields=["activity_id", "stored", "id"],
                name="lrs_stmt_activity",
                condition=~Q(activity_id=""),
            ),
            models.Index(
                fields=["registration", "stored", "id"],
                name="lrs_stmt_registration",
                condition=Q(registration__isnull=False),
            ),
            models.Index(
                fields=["stored", "id"],
                name="lrs_stmt_targeting",
                condition=Q(target_statement_id__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class Attachment(models.Model):
    """Attachment content, stored once per SHA-256 and shared by the statements that cite it."""

    sha2 = models.CharField(max_length=64, primary_key=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self) -> str:
        return self.sha2
