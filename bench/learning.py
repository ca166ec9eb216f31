"""The learner's pages at scale: `make bench-learning` (a fresh PostgreSQL database, dropped after).

Seeds, on PostgreSQL:
- the demo union (small: its accounts, catalogue, quizzes and pathways);
- LEARNING_BENCH_RESOURCES published resources (default 10,000) in the demo's topics;
- LEARNING_BENCH_PATHWAYS published pathways (default 500) of 8 steps each over them;
- LEARNING_BENCH_STATEMENTS statements (default 10,000,000) by 200,000 learners, written by SQL
  (`generate_series`) with the statement indexes dropped and rebuilt afterwards, as a restore
  would; the measured learner (`learner@demo.commonplace.test`) has LEARNING_BENCH_HISTORY of
  them (default 20,000) and is enrolled in 20 pathways.

Then times, in-process (Django's test client through the whole page middleware, DEBUG off),
LEARNING_BENCH_RUNS requests (default 100) of each page and prints p50/p95, and the number of
SQL queries each page makes for the measured learner before their statements were written and
after: the counts must be equal (nothing grows with a learner's history).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.base")
os.environ.setdefault("COMMONPLACE_DEMO", "1")
os.environ.setdefault("COMMONPLACE_DEBUG", "0")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from commonplace.accounts.models import User  # noqa: E402
from commonplace.demo.services import demo_load  # noqa: E402
from commonplace.learning.models import Resource, Topic  # noqa: E402
from commonplace.learning.selectors import resource_activity_id  # noqa: E402
from commonplace.lrs.selectors.people import statements_actor_key_for_user  # noqa: E402
from commonplace.pathways.models import Enrolment, Pathway, Step, StepProgress  # noqa: E402

RESOURCES = int(os.environ.get("LEARNING_BENCH_RESOURCES", "10000"))
PATHWAYS = int(os.environ.get("LEARNING_BENCH_PATHWAYS", "500"))
STATEMENTS = int(os.environ.get("LEARNING_BENCH_STATEMENTS", "10000000"))
HISTORY = int(os.environ.get("LEARNING_BENCH_HISTORY", "20000"))
RUNS = int(os.environ.get("LEARNING_BENCH_RUNS", "100"))
LEARNERS = 200_000
STEPS = 8
CHUNK = 1_000_000
ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = ["experienced", "completed", "passed", "answered", "attempted", "registered"]
LEARNER = "learner@demo.commonplace.test"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def seed_catalogue() -> list[Resource]:
    union = User.objects.get(email=LEARNER).person.union
    topics = list(Topic.objects.all())
    now = timezone.now()
    resources = [
        Resource(
            kind="page",
            title=f"Bench resource {n:05d}: {('union', 'skills', 'organising', 'digital')[n % 4]}",
            slug=f"bench-resource-{n:05d}",
            summary="A resource made for the benchmark, about union learning and organising.",
            body="<p>Benchmark body.</p>",
            duration_minutes=5 + n % 60,
            level=("entry", "beginner", "intermediate", "expert")[n % 4],
            language="cy" if n % 5 == 0 else "en",
            audiences=["members"],
            owner_unit=union,
            status="published",
            published_at=now - timedelta(minutes=n),
        )
        for n in range(RESOURCES)
    ]
    Resource.objects.bulk_create(resources, batch_size=2000)
    resources = list(Resource.objects.filter(slug__startswith="bench-resource-").order_by("pk"))
    through = Resource.topics.through
    through.objects.bulk_create(
        [
            through(resource_id=r.pk, topic_id=topics[i % len(topics)].pk)
            for i, r in enumerate(resources)
        ],
        batch_size=5000,
    )
    log(f"catalogue: {len(resources):,} resources")
    return resources


def seed_pathways(resources: list[Resource]) -> list[Pathway]:
    union = resources[0].owner_unit
    now = timezone.now()
    Pathway.objects.bulk_create(
        [
            Pathway(
                title=f"Bench pathway {n:03d}",
                slug=f"bench-pathway-{n:03d}",
                summary="A pathway made for the benchmark.",
                description="<p>Eight steps.</p>",
                level=("entry", "beginner", "intermediate", "expert")[n % 4],
                estimated_hours=4,
                language="en",
                owner_unit=union,
                status="published",
                published_at=now,
            )
            for n in range(PATHWAYS)
        ]
    )
    pathways = list(Pathway.objects.filter(slug__startswith="bench-pathway-").order_by("pk"))
    steps = []
    for n, pathway in enumerate(pathways):
        for position in range(STEPS):
            resource = resources[(n * STEPS + position) % len(resources)]
            steps.append(
                Step(
                    pathway=pathway,
                    position=position + 1,
                    title=resource.title,
                    kind="resource",
                    required=position < STEPS - 1,
                    resource=resource,
                    activity_id=resource_activity_id(resource),
                )
            )
    Step.objects.bulk_create(steps, batch_size=5000)
    log(f"pathways: {len(pathways):,} of {STEPS} steps")
    return pathways


def seed_enrolments(user: User, pathways: list[Pathway]) -> None:
    """The learner is in 20 pathways, part-way through each."""
    now = timezone.now()
    for pathway in pathways[:20]:
        enrolment = Enrolment.objects.create(user=user, pathway=pathway, enrolled_at=now)
        StepProgress.objects.bulk_create(
            StepProgress(enrolment=enrolment, step=step, completed_at=now)
            for step in pathway.steps.order_by("position")[:4]
        )


INSERT = """
INSERT INTO lrs_statement (statement_id, stored, timestamp, actor_key, object_agent_key,
    verb_id, activity_id, registration, target_statement_id, is_voiding, voided, keys, client_id,
    version, data)
SELECT s.id, s.at, s.at, s.actor_key, '', s.verb, s.activity, NULL, NULL, false, false,
    jsonb_build_array('x:' || s.activity), NULL, '2.0.0',
    jsonb_build_object(
        'id', s.id, 'timestamp', s.at, 'stored', s.at, 'version', '2.0.0',
        'actor', jsonb_build_object('objectType', 'Agent',
            'account', jsonb_build_object('homePage', %(home)s, 'name', s.actor_name)),
        'verb', jsonb_build_object('id', s.verb, 'display', jsonb_build_object('en', s.verb_name)),
        'object', jsonb_build_object('objectType', 'Activity', 'id', s.activity,
            'definition', jsonb_build_object(
                'type', 'http://adlnet.gov/expapi/activities/lesson',
                'name', jsonb_build_object('en', 'Bench resource ' || s.resource))),
        'result', jsonb_build_object('completion', true),
        'authority', jsonb_build_object('objectType', 'Agent', 'name', 'Commonplace',
            'account', jsonb_build_object('homePage', %(home)s, 'name', 'commonplace')))
FROM (
    SELECT gen_random_uuid() AS id,
        now() - make_interval(secs => g) AS at,
        CASE WHEN %(actor)s::text IS NULL
            THEN 'account:' || %(home)s || '|bench-' || (g %% {learners})
            ELSE %(actor)s END AS actor_key,
        COALESCE(%(actor_name)s, 'bench-' || (g %% {learners})) AS actor_name,
        %(adl)s || (%(verbs)s::text[])[1 + g %% {verbs}] AS verb,
        (%(verbs)s::text[])[1 + g %% {verbs}] AS verb_name,
        %(prefix)s || lpad(((g * 7919) %% {resources})::text, 5, '0') || '/' AS activity,
        (g * 7919) %% {resources} AS resource
    FROM generate_series(%(start)s::bigint, %(stop)s::bigint) AS g
) AS s
"""


def seed_statements(learner: User) -> None:
    """Statements by SQL; the indexes are dropped first and rebuilt after (like a restore)."""
    home = settings.SITE_URL
    prefix = settings.SITE_URL.rstrip("/") + "/learning/bench-resource-"
    sql = INSERT.format(learners=LEARNERS, verbs=len(VERBS), resources=RESOURCES)
    params = {"home": home, "adl": ADL, "verbs": VERBS, "prefix": prefix}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'lrs_statement' "
            "AND indexname LIKE 'lrs_stmt_%%'"
        )
        indexes = cursor.fetchall()
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    started = time.perf_counter()
    others = STATEMENTS - HISTORY
    for start in range(0, others, CHUNK):
        stop = min(start + CHUNK, others) - 1
        with connection.cursor() as cursor:
            cursor.execute(
                sql, {**params, "actor": None, "actor_name": None, "start": start, "stop": stop}
            )
        log(f"statements: {stop + 1:,} of {STATEMENTS:,} ({time.perf_counter() - started:.0f} s)")
    mine = {"actor": statements_actor_key_for_user(learner), "actor_name": str(learner.pk)}
    with connection.cursor() as cursor:
        cursor.execute(sql, {**params, **mine, "start": others, "stop": STATEMENTS - 1})
    log(f"statements: the learner's {HISTORY:,}")
    for name, definition in indexes:
        t = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(definition)
        log(f"index {name} rebuilt in {time.perf_counter() - t:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"statements seeded in {time.perf_counter() - started:.0f} s")


def ok(response: HttpResponse, url: str) -> None:
    if response.status_code != 200:
        sys.exit(f"{url} answered {response.status_code}")


def timed(client: Client, url: str) -> list[float]:
    for _ in range(5):  # warm
        ok(client.get(url), url)
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        ok(response, url)
    return samples


def queries(user: User, url: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        ok(client.get(url), url)
    return len(captured)


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("bench/learning.py needs PostgreSQL (DATABASE_URL); run `make bench-learning`.")
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    demo_load(branches=12, members=2000, report=log)
    learner = User.objects.get(email=LEARNER)
    resources = seed_catalogue()
    pathways = seed_pathways(resources)
    seed_enrolments(learner, pathways)
    pathway = pathways[0]
    pages = {
        "catalogue search": "/learning/?q=organising&level=beginner",
        "catalogue, first page": "/learning/",
        "a pathway page": f"/pathways/{pathway.slug}/",
        "my pathways": "/pathways/mine/",
        "my learning space": "/my-learning/",
    }
    before = {name: queries(learner, url) for name, url in pages.items()}  # no history yet
    seed_statements(learner)
    client = Client()
    client.force_login(learner)
    print()
    print(
        f"{RESOURCES:,} resources, {PATHWAYS:,} pathways, {STATEMENTS:,} statements "
        f"(the learner's own: {HISTORY:,}); {RUNS} requests each"
    )
    print(f"{'page':<24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'(no history)':>12}")
    for name, url in pages.items():
        samples = timed(client, url)
        p95 = statistics.quantiles(samples, n=20)[18]
        after = queries(learner, url)
        median = statistics.median(samples)
        print(f"{name:<24} {median:>8.1f} {p95:>8.1f} {after:>8} {before[name]:>12}")


if __name__ == "__main__":
    main()
