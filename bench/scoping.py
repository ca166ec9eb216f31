"""How fast "the people this user may see" stays at full scale.

Run with `make bench-scoping` (PostgreSQL, 1,200 branches and 1.3 million members). Builds the demo
union at that size when the database is empty, then prints p50/p95 of the first page of the
people list, and of its count, for a branch officer, a regional organiser and a national
administrator, plus the query plan of the first.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.base")
os.environ.setdefault("COMMONPLACE_DEMO", "1")

import django

django.setup()

from django.db import connection  # noqa: E402

from commonplace.accounts.models import User  # noqa: E402
from commonplace.core.pagination import CappedPaginator  # noqa: E402
from commonplace.demo.services import demo_load, demo_union_get  # noqa: E402
from commonplace.people.selectors import people_search  # noqa: E402

BRANCHES = int(os.environ.get("BENCH_BRANCHES", "1200"))
MEMBERS = int(os.environ.get("BENCH_MEMBERS", "1300000"))
RUNS = 30


def timed(fn) -> list[float]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def line(label: str, samples: list[float]) -> str:
    q = statistics.quantiles(samples, n=20)
    return f"{label:<44} p50 {statistics.median(samples):7.2f} ms   p95 {q[18]:7.2f} ms"


def main() -> None:
    if demo_union_get() is None:
        demo_load(branches=BRANCHES, members=MEMBERS)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"database: {connection.vendor}; people: {MEMBERS:,} in {BRANCHES:,} branches")
    for key in ("officer", "organiser", "admin"):
        user = User.objects.get(email=f"{key}@demo.commonplace.test")
        first_page = lambda u=user: list(people_search(user=u)[:25])  # noqa: E731
        counted = lambda u=user: CappedPaginator(people_search(user=u), 25).count  # noqa: E731
        print(line(f"{key}: first page of people (25)", timed(first_page)))
        print(line(f"{key}: capped count for the page ({counted():,})", timed(counted)))
    officer = User.objects.get(email="officer@demo.commonplace.test")
    if connection.vendor == "postgresql":
        print(people_search(user=officer)[:25].explain(analyze=True))


if __name__ == "__main__":
    main()
