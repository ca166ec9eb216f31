"""Documents of the xAPI document resources: State, Activity Profile and Agent Profile.

One table holds the three kinds. A document is named by its kind and the parameters its resource
takes (State: activity, agent, optional registration and `stateId`; Activity Profile: activity
and `profileId`; Agent Profile: agent and `profileId`); the unused columns stay empty. The
content is kept as the bytes the client sent (or, after a JSON merge, the merged JSON), with its
content type; `etag` is the SHA-1 of the content in hexadecimal, as xAPI 1.0.3 asks.
"""

from django.db import models
from django.db.models import Q

from ..enums import DocumentKind


class Document(models.Model):
    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=16, choices=DocumentKind.choices)
    activity_id = models.CharField(max_length=2048, blank=True, default="")
    agent_key = models.CharField(max_length=512, blank=True, default="")
    registration = models.UUIDField(null=True, blank=True)
    document_id = models.CharField(max_length=2048)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=40)
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            # A NULL registration is a value of its own here, so State has two constraints.
            models.UniqueConstraint(
                fields=["activity_id", "agent_key", "registration", "document_id"],
                condition=Q(kind=DocumentKind.STATE, registration__isnull=False),
                name="lrs_doc_state_registration_unique",
            ),
            models.UniqueConstraint(
                fields=["activity_id", "agent_key", "document_id"],
                condition=Q(kind=DocumentKind.STATE, registration__isnull=True),
                name="lrs_doc_state_unique",
            ),
            models.UniqueConstraint(
                fields=["activity_id", "document_id"],
                condition=Q(kind=DocumentKind.ACTIVITY_PROFILE),
                name="lrs_doc_activity_profile_unique",
            ),
            models.UniqueConstraint(
                fields=["agent_key", "document_id"],
                condition=Q(kind=DocumentKind.AGENT_PROFILE),
                name="lrs_doc_agent_profile_unique",
            ),
        ]
        indexes = [
            # The lists (ids `since`) and deletions of many: State by activity and agent with
            # any registration, the profiles by activity or by agent.
            models.Index(
                fields=["activity_id", "agent_key", "updated"],
                condition=Q(kind=DocumentKind.STATE),
                name="lrs_doc_state_list",
            ),
            models.Index(
                fields=["activity_id", "updated"],
                condition=Q(kind=DocumentKind.ACTIVITY_PROFILE),
                name="lrs_doc_activity_profile_list",
            ),
            models.Index(
                fields=["agent_key", "updated"],
                condition=Q(kind=DocumentKind.AGENT_PROFILE),
                name="lrs_doc_agent_profile_list",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.document_id}"

    @property
    def is_json(self) -> bool:
        return self.content_type == "application/json"
