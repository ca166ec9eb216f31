"""How many typical xAPI statements `statement_validate` checks per second, on one core.

Run with `.venv/bin/python bench/validation.py`. The ingest target is 10,000 statements/s through
HTTP on 2 cores, so validation should cost tens of microseconds at most. Prints one line: the
best of five rounds (the least disturbed by other work on the machine).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.test")

import django

django.setup()

from commonplace.lrs.enums import XapiVersion  # noqa: E402
from commonplace.lrs.validation import statement_validate  # noqa: E402

ROUNDS = 5
PER_ROUND = 20_000

# What an e-learning package sends on finishing a module: an identified learner, a verb with
# its display, an activity with a definition, a scored result, a context with a registration,
# parent and grouping activities and an extension, and a timestamp.
TYPICAL = {
    "id": "7ccd3322-e1a5-411a-a67d-6a735c76f119",
    "actor": {"objectType": "Agent", "name": "Ana Jones", "mbox": "mailto:ana.jones@example.com"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-GB": "completed"}},
    "object": {
        "objectType": "Activity",
        "id": "https://learn.example.com/courses/reps-stage-1/modules/3",
        "definition": {
            "name": {"en-GB": "Module 3: Representing members", "cy": "Modiwl 3"},
            "description": {"en-GB": "How to represent a member at a grievance hearing."},
            "type": "http://adlnet.gov/expapi/activities/module",
        },
    },
    "result": {
        "score": {"scaled": 0.85, "raw": 17, "min": 0, "max": 20},
        "success": True,
        "completion": True,
        "duration": "PT42M13.5S",
    },
    "context": {
        "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
        "contextActivities": {
            "parent": [{"id": "https://learn.example.com/courses/reps-stage-1"}],
            "grouping": [{"id": "https://learn.example.com/programmes/reps"}],
        },
        "platform": "Commonplace",
        "language": "en-GB",
        "extensions": {"https://learn.example.com/xapi/ext/branch": "B0117"},
    },
    "timestamp": "2024-05-01T12:00:00.123Z",
}


def rate() -> float:
    best = 0.0
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(PER_ROUND):
            statement_validate(TYPICAL, version=XapiVersion.V2_0_0)
        best = max(best, PER_ROUND / (time.perf_counter() - start))
    return best


if __name__ == "__main__":
    per_second = rate()
    print(
        f"statement_validate: {per_second:,.0f} typical statements/s on one core"
        f" ({1e6 / per_second:.1f} µs each)"
    )
