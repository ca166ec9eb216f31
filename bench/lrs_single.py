"""One xAPI statement at a time, in-process: the server's own cost of a single-statement POST.

`scripts/with-postgres.sh .venv/bin/python bench/lrs_single.py` (PostgreSQL; N=2000 by default)
calls the WSGI application directly (no HTTP server, no client processes) with single statements
like the LRS benchmark's, and prints the wall time, this process's CPU time and its PostgreSQL
backend's CPU time per statement (the server must run on this machine).
On a busy machine the HTTP benchmark (`make bench-lrs`) mixes the clients' and PostgreSQL's CPU
into its figures; this one isolates the application's share. PROFILE=1 prints a profile;
BATCH=100 sends batches of 100 statements instead of single statements (N statements in all);
SORT=tottime and TOP=50 change the profile's order and length.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commonplace.settings.base")
os.environ.setdefault("COMMONPLACE_SECRET_KEY", "bench-" + "x" * 50)
os.environ.setdefault("COMMONPLACE_ALLOWED_HOSTS", "127.0.0.1")

import django  # noqa: E402

django.setup()

import lrs_traffic as traffic  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from commonplace.lrs.services.clients import lrs_client_create  # noqa: E402
from commonplace.wsgi import application  # noqa: E402

N = int(os.environ.get("N", "2000"))
BATCH = int(os.environ.get("BATCH", "1"))
SORT, TOP = os.environ.get("SORT", "cumulative"), int(os.environ.get("TOP", "30"))
KEY, SECRET = "bench-single", "bench-single-secret"


def post(body: bytes, auth: str) -> None:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/xapi/statements",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        "HTTP_AUTHORIZATION": auth,
        "HTTP_X_EXPERIENCE_API_VERSION": "2.0.0",
    }
    status: list[str] = []
    answer = b"".join(application(environ, lambda s, _h, _e=None: status.append(s)))
    if not status[0].startswith("200"):
        sys.exit(f"{status[0]}: {answer[:300]!r}")


def backend_cpu(pid: int) -> float:
    """CPU seconds the PostgreSQL backend `pid` (on this machine) has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    call_command("migrate", verbosity=0)
    lrs_client_create(actor=None, name="bench", scopes=["all"], key=KEY, secret=SECRET)
    auth = traffic.basic_auth(KEY, SECRET)
    maker = traffic.StatementMaker(1)
    if BATCH > 1:
        batches = (N + 200 * BATCH) // BATCH
        bodies = [
            json.dumps([maker.statement() for _ in range(BATCH)]).encode() for _ in range(batches)
        ]
    else:
        bodies = [json.dumps(maker.statement()).encode() for _ in range(N + 200)]
    for body in bodies[:200]:  # warm: connections, caches, imports
        post(body, auth)
    profile = cProfile.Profile(time.process_time) if os.environ.get("PROFILE") else None
    if profile:
        profile.enable()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    wall, cpu, pg = time.perf_counter(), time.process_time(), backend_cpu(backend)
    for body in bodies[200:]:
        post(body, auth)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    pg = backend_cpu(backend) - pg
    if profile:
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(SORT).print_stats(TOP)
        print(out.getvalue())
    print(
        f"{N:,} statements, {BATCH} a request: {wall / N * 1000:.3f} ms wall,"
        f" {cpu / N * 1000:.3f} ms CPU each"
        f" here and {pg / N * 1000:.3f} ms in PostgreSQL's backend"
    )


if __name__ == "__main__":
    main()
