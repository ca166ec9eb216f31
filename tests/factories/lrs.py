"""LRS factories: a client and a stored statement, written straight to their tables.

Statements are built here row by row until the statements ingest API stores them; the columns
are filled from the statement as the LRS would (`actor_key`, `verb_id`, `activity_id`, ...).
"""

import uuid
from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone

from commonplace.lrs.enums import Scope
from commonplace.lrs.models import LrsClient, Statement
from commonplace.lrs.selectors import lrs_secret_digest
from commonplace.lrs.validation import agent_key

SECRET = "factory-secret"


class LrsClientFactory(factory.django.DjangoModelFactory):
    """An active client with every scope and the secret `SECRET`, federation-wide unless given
    a `union`."""

    class Meta:
        model = LrsClient

    name = factory.Sequence(lambda n: f"Learning system {n}")
    key = factory.Sequence(lambda n: f"key{n:08d}")
    secret_digest = factory.LazyFunction(lambda: lrs_secret_digest(SECRET))
    scopes = factory.LazyFunction(lambda: [Scope.ALL.value])
    union = None


def account_agent(user) -> dict:
    """The agent the platform records for a user (as `statements_actor_for_user` does)."""
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(user.pk)},
    }


class StatementFactory(factory.django.DjangoModelFactory):
    """A stored statement "<actor> completed <activity>", its columns derived from `data`.

    Pass `actor` (an agent dict), `verb` and `activity` (IRIs), `name`, `result`, `client`.
    """

    class Meta:
        model = Statement
        exclude = ("actor", "verb", "activity", "name", "result", "minutes_ago")

    actor = factory.Sequence(
        lambda n: {"objectType": "Agent", "mbox": f"mailto:learner{n}@example.org"}
    )
    verb = "http://adlnet.gov/expapi/verbs/completed"
    activity = factory.Sequence(lambda n: f"https://learning.example.org/activities/{n}")
    name = factory.Sequence(lambda n: f"Course {n}")
    result = None
    minutes_ago = 0
    client = None

    statement_id = factory.LazyFunction(uuid.uuid4)
    stored = factory.LazyAttribute(lambda s: timezone.now() - timedelta(minutes=s.minutes_ago))
    timestamp = factory.LazyAttribute(lambda s: s.stored)
    actor_key = factory.LazyAttribute(lambda s: agent_key(s.actor))
    verb_id = factory.LazyAttribute(lambda s: s.verb)
    activity_id = factory.LazyAttribute(lambda s: s.activity)
    registration = None
    version = "2.0.0"
    keys = factory.LazyAttribute(lambda s: [f"agent:{s.actor_key}", f"activity:{s.activity}"])
    data = factory.LazyAttribute(
        lambda s: {
            "id": str(s.statement_id),
            "actor": s.actor,
            "verb": {"id": s.verb, "display": {"en-GB": s.verb.rsplit("/", 1)[-1]}},
            "object": {
                "objectType": "Activity",
                "id": s.activity,
                "definition": {"name": {"en-GB": s.name, "cy": f"{s.name} (cy)"}},
            },
            **({"result": s.result} if s.result is not None else {}),
            **({"context": {"registration": str(s.registration)}} if s.registration else {}),
            "timestamp": s.timestamp.isoformat(),
            "stored": s.stored.isoformat(),
            "version": s.version,
        }
    )
