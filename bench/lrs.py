"""The LRS benchmark: `make bench-lrs` (bench/lrs.sh gives this a fresh PostgreSQL database).

One run, on one machine:
1. migrates the database named by DATABASE_URL and creates an LRS client with scope `all`;
2. measures the storage ceiling: lrs_statement-shaped rows (~1 KB of JSONB, the same columns and
   indexes) written straight into a bare copy of the table with psycopg 3 `executemany`, 100 rows
   a transaction, by 1 and by 2 writers;
3. serves Commonplace as the README's production notes do (granian, WSGI, 2 workers of 2 threads,
   DEBUG off, a secret key, PostgreSQL, Redis when it answers) on a free loopback port;
4. sends 8 client processes of single-statement POSTs, then of batches of 100, near-empty; seeds
   the store to LRS_BENCH_SEED statements (default 1,000,000) through `statements_store`, in
   batches of 1,000 from parallel processes; and sends the POSTs again;
5. times GETs filtered by agent, verb, activity, registration and since (200 each, 8 clients);
6. reads the peak memory (VmHWM) of the server's main process and of each worker;
7. stops the server (bench/lrs.sh drops the database) and prints a table, with the CPU time
   each POST load cost per statement stored on each side (server, PostgreSQL, load clients, read
   from /proc) and the rate the machine's CPUs could reach at that cost.

Knobs (environment): LRS_BENCH_SEED, LRS_BENCH_SECONDS (per POST load, default 25),
LRS_BENCH_CLIENTS (default 8), LRS_BENCH_RAW_ROWS (rows per raw writer, default 100,000),
LRS_BENCH_SEED_PROCS (default: the number of CPUs), LRS_BENCH_SERVER (granian's layout,
default "--workers 2 --blocking-threads 2" as in the README); LRS_BENCH_EXPLAIN=1 prints the
query plans of one GET of each filter.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import lrs_traffic as traffic  # noqa: E402

SPAWN = mp.get_context("spawn")
SEED = int(os.environ.get("LRS_BENCH_SEED", "1000000"))
SECONDS = float(os.environ.get("LRS_BENCH_SECONDS", "25"))
CLIENTS = int(os.environ.get("LRS_BENCH_CLIENTS", "8"))
# The README's production notes: granian, a worker per CPU (two here) of 2 threads each.
SERVER_ARGS = os.environ.get("LRS_BENCH_SERVER", "--workers 2 --blocking-threads 2")
RAW_ROWS = int(os.environ.get("LRS_BENCH_RAW_ROWS", "100000"))
SEED_PROCS = int(os.environ.get("LRS_BENCH_SEED_PROCS", str(os.cpu_count() or 2)))
GETS_PER_FILTER = 200
KEY, SECRET = "bench-" + secrets.token_hex(4), secrets.token_urlsafe(24)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def answers(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=0.5).close()
    except OSError:
        return False
    return True


def production_env() -> dict[str, str]:
    """The settings of the README's production notes, for this process and the server."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("bench/lrs.py needs DATABASE_URL naming PostgreSQL (run it through bench/lrs.sh)")
    env = {
        "DJANGO_SETTINGS_MODULE": "commonplace.settings.base",
        "COMMONPLACE_SECRET_KEY": secrets.token_urlsafe(50),
        "COMMONPLACE_DEBUG": "0",
        "COMMONPLACE_DEMO": "0",
        "COMMONPLACE_ALLOWED_HOSTS": "127.0.0.1",
        "COMMONPLACE_SITE_URL": "https://learning.example.org",
        "COMMONPLACE_TASK_BACKEND": "database",
        "COMMONPLACE_LOG_LEVEL": "WARNING",
    }
    if answers("127.0.0.1", 6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    return env


# --- Set-up ---------------------------------------------------------------------------------------
def setup_database() -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from commonplace.lrs.services import lrs_client_create

    call_command("migrate", verbosity=0, interactive=False)
    client, _ = lrs_client_create(actor=None, name="bench", scopes=["all"], key=KEY, secret=SECRET)
    connection.close()
    return client.pk


def dsn() -> str:
    url = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    return urllib.parse.urlunsplit(("postgresql", url.netloc, url.path, "", ""))


def sql(statement: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(dsn(), autocommit=True) as conn, conn.cursor() as cur:
        cur.execute(statement)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


# --- 2. The raw storage rate --------------------------------------------------------------------
def raw_rate(client_id: int, writers: int) -> float:
    table = "bench_raw_statement"
    sql(f"DROP TABLE IF EXISTS {table}")
    sql(f"CREATE TABLE {table} (LIKE lrs_statement INCLUDING ALL)")
    barrier, queue = SPAWN.Barrier(writers), SPAWN.Queue()
    procs = [
        SPAWN.Process(
            target=traffic.raw_writer,
            args=(dsn(), table, client_id, RAW_ROWS, 1000 + i, barrier, queue),
        )
        for i in range(writers)
    ]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    sql(f"DROP TABLE {table}")
    return sum(r[0] for r in results) / max(r[1] for r in results)


# --- 3. The server ------------------------------------------------------------------------------
class Server:
    def __init__(self, env: dict[str, str]) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.errors = tempfile.NamedTemporaryFile(prefix="lrs-bench-server-", suffix=".log")  # noqa: SIM115
        granian = str(Path(sys.executable).parent / "granian")
        args = [granian, "--interface", "wsgi", "--working-dir", str(ROOT / "src")]
        args += ["--host", "127.0.0.1", "--port", str(self.port), *SERVER_ARGS.split()]
        args += ["commonplace.wsgi:application"]
        self.proc = subprocess.Popen(  # noqa: S603 (our own server)
            args, env={**os.environ, **env}, stdout=self.errors, stderr=subprocess.STDOUT
        )
        self.wait_ready()

    def wait_ready(self) -> None:
        import http.client

        for _ in range(300):
            if self.proc.poll() is not None:
                break
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/xapi/about", headers={"X-Forwarded-Proto": "https"})
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        sys.exit("the server did not answer /xapi/about:\n" + Path(self.errors.name).read_text())

    def peak_memory(self) -> list[tuple[str, int, int]]:
        """(role, pid, VmHWM in kB) of the master and each worker."""
        out = [("master", self.proc.pid, vm_hwm(self.proc.pid))]
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if f"\nPPid:\t{self.proc.pid}\n" in text:
                pid = int(status.parent.name)
                out.append(("worker", pid, vm_hwm(pid)))
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def vm_hwm(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


# --- 4, 5. Loads ---------------------------------------------------------------------------------
PG_BACKGROUND = ("walwriter", "checkpointer", "background writer", "autovacuum")


def cpu_used(server_pid: int) -> dict[int, tuple[str, float]]:
    """CPU seconds used so far by each process of the server (granian's main process and workers)
    and of PostgreSQL (this database's backends and the cluster's background writers), by
    process id, read from /proc."""
    database = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[int, tuple[str, float]] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)": state, ppid, ...
        seconds = (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        if server_pid in (int(proc.name), int(fields[1])):
            used[int(proc.name)] = ("server", seconds)
        elif cmdline.startswith("postgres: ") and (
            f" {database} " in cmdline or any(name in cmdline for name in PG_BACKGROUND)
        ):
            used[int(proc.name)] = ("postgresql", seconds)
    return used


def cpu_between(
    before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]
) -> dict[str, float]:
    """CPU seconds each side used between two `cpu_used` readings: processes alive at the second
    reading count what they used since the first (all of it when they started in between); the
    time of processes that ended in between (an autovacuum worker) is not seen."""
    sides = {"server": 0.0, "postgresql": 0.0}
    for pid, (side, seconds) in after.items():
        sides[side] += seconds - before.get(pid, (side, 0.0))[1]
    return sides


def run_load(loads: list[traffic.Load], server_pid: int | None = None) -> dict[str, Any]:
    """Runs the client processes; with `server_pid`, also the CPU each side used for the load."""
    barrier, queue = SPAWN.Barrier(len(loads)), SPAWN.Queue()
    procs = [SPAWN.Process(target=traffic.load_client, args=(ld, barrier, queue)) for ld in loads]
    cpu_before = cpu_used(server_pid) if server_pid else {}
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    cpu = cpu_between(cpu_before, cpu_used(server_pid)) if server_pid else {}
    cpu["clients"] = sum(r["cpu"] for r in results)
    latencies = sorted(x for r in results for x in r["latencies"])
    statuses: dict[int, int] = {}
    for r in results:
        for status, count in r["statuses"].items():
            statuses[status] = statuses.get(status, 0) + count
    seconds = max(r["seconds"] for r in results)
    return {
        "requests": len(latencies),
        "stored": sum(r["stored"] for r in results),
        "seconds": seconds,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "statuses": statuses,
        "cpu": cpu,
    }


def percentile(sorted_values: list[float], p: int) -> float:
    if not sorted_values:
        return float("nan")
    if len(sorted_values) < 2:
        return sorted_values[0] * 1000
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[p - 1] * 1000


def post_load(server: Server, kind: str) -> dict[str, Any]:
    auth = traffic.basic_auth(KEY, SECRET)
    seed = int(time.time() * 1000) % 1_000_000_000
    loads = [traffic.Load(server.port, auth, kind, SECONDS, seed=seed + i) for i in range(CLIENTS)]
    result = run_load(loads, server.proc.pid)
    result["rate"] = result["stored"] / result["seconds"]
    return result


def statements_endpoint_ready(port: int) -> bool:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps(traffic.StatementMaker(1).statement())
    headers = {
        "Authorization": traffic.basic_auth(KEY, SECRET),
        "X-Experience-API-Version": "2.0.0",
        "Content-Type": "application/json",
        "X-Forwarded-Proto": "https",
    }
    conn.request("POST", "/xapi/statements", body=body, headers=headers)
    response = conn.getresponse()
    text = response.read()[:300]
    if response.status != 200:
        log(f"POST /xapi/statements answered {response.status}: {text!r}")
    return response.status == 200


def get_paths(since_range: tuple[datetime, datetime]) -> dict[str, list[str]]:
    import random

    rnd, w = random.Random(7), traffic.world()
    activities = [a for a, _, _ in w.aus] + [q for q, _, _, _ in w.questions]
    start, end = since_range
    span = (end - start).total_seconds()

    def path(**params: str) -> str:
        return "/xapi/statements?" + urllib.parse.urlencode(params)

    def since() -> str:
        moment = start.timestamp() + rnd.random() * span
        return datetime.fromtimestamp(moment, UTC).isoformat().replace("+00:00", "Z")

    n = GETS_PER_FILTER
    return {
        "agent": [path(agent=json.dumps(rnd.choice(w.agents))) for _ in range(n)],
        "verb": [path(verb=rnd.choice(traffic.VERBS)[0]) for _ in range(n)],
        "activity": [path(activity=rnd.choice(activities)) for _ in range(n)],
        "registration": [path(registration=rnd.choice(w.registrations)) for _ in range(n)],
        "since": [path(since=since()) for _ in range(n)],
    }


def statements_returned(port: int, paths: list[str]) -> float:
    """The mean number of statements on the first page, over the first 20 of these GETs."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {
        "Authorization": traffic.basic_auth(KEY, SECRET),
        "X-Experience-API-Version": "2.0.0",
        "X-Forwarded-Proto": "https",
    }
    counts = []
    for path in paths[:20]:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        counts.append(len(json.loads(body)["statements"]) if response.status == 200 else 0)
    conn.close()
    return statistics.mean(counts)


def get_load(port: int, paths: list[str]) -> dict[str, Any]:
    auth = traffic.basic_auth(KEY, SECRET)
    share = len(paths) // CLIENTS
    loads = [
        traffic.Load(
            port, auth, "get", 0, requests=share, paths=tuple(paths[i * share : (i + 1) * share])
        )
        for i in range(CLIENTS)
    ]
    return run_load(loads)


def explain(name: str, path: str) -> None:
    """EXPLAIN ANALYZE of the queries the selector runs for this GET (LRS_BENCH_EXPLAIN=1)."""
    from django.conf import settings
    from django.db import connection

    from commonplace.lrs.selectors.statements import StatementQuery, statements_query

    params = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(path).query))
    value = params[name]
    query = StatementQuery(
        agent=json.loads(value) if name == "agent" else None,
        verb=value if name == "verb" else None,
        activity=value if name == "activity" else None,
        registration=value if name == "registration" else None,
        since=datetime.fromisoformat(value) if name == "since" else None,
    )
    captured: list[tuple[str, Any]] = []

    def capture(execute, sql_text, sql_params, many, context):
        captured.append((sql_text, sql_params))
        return execute(sql_text, sql_params, many, context)

    with connection.execute_wrapper(capture):
        statements_query(query, page_size=settings.LRS_PAGE_SIZE)
    with connection.cursor() as cursor:
        for sql_text, sql_params in captured:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql_text, sql_params)
            print(f"  plan of ?{name}=:")
            for (line,) in cursor.fetchall():
                print("    " + line)


# --- Seeding through the service ---------------------------------------------------------------
def seed_worker(client_id: int, count: int, seed: int, queue) -> None:
    import django

    django.setup()
    from commonplace.lrs.enums import XapiVersion
    from commonplace.lrs.models import LrsClient
    from commonplace.lrs.services.statements import statements_store

    client = LrsClient.objects.get(pk=client_id)
    maker = traffic.StatementMaker(seed)
    done = 0
    while done < count:
        batch = [maker.statement() for _ in range(min(1000, count - done))]
        statements_store(batch, client=client, version=XapiVersion.V2_0_0)
        done += len(batch)
        queue.put(len(batch))


def stored_count() -> int:
    return sql("SELECT count(*) FROM lrs_statement")[0][0]


def seed_to(client_id: int, target: int) -> tuple[float, float]:
    """Store statements until `target` are stored; returns (statements, seconds)."""
    missing = target - stored_count()
    if missing <= 0:
        return 0.0, 0.0
    queue = SPAWN.Queue()
    shares = [
        missing // SEED_PROCS + (1 if i < missing % SEED_PROCS else 0) for i in range(SEED_PROCS)
    ]
    base = int(time.time()) % 1_000_000 * 100
    procs = [
        SPAWN.Process(target=seed_worker, args=(client_id, share, base + i, queue))
        for i, share in enumerate(shares)
    ]
    started = time.perf_counter()
    for p in procs:
        p.start()
    done, last = 0, started
    while done < missing:
        done += queue.get(timeout=600)
        if time.perf_counter() - last > 15:
            last = time.perf_counter()
            log(f"  seeded {done:,} of {missing:,} ({done / (last - started):,.0f}/s)")
    for p in procs:
        p.join()
        if p.exitcode:
            sys.exit(f"a seeding process failed (exit {p.exitcode})")
    return float(missing), time.perf_counter() - started


# --- The table ----------------------------------------------------------------------------------
def report(figures: dict[str, Any]) -> None:
    raw1, raw2 = figures["raw1"], figures["raw2"]
    cpus, pg, fsync = os.cpu_count(), figures["pg"], figures["fsync"]
    print(f"\nLRS benchmark: {cpus} CPUs, PostgreSQL {pg} (fsync={fsync}), granian {SERVER_ARGS}")
    print(f"{CLIENTS} client processes, {SECONDS:.0f} s per POST load\n")
    print(f"{'storage ceiling: executemany, 100 rows/tx':<46}{'rows/s':>10}")
    print(f"{'  1 writer':<46}{raw1:>10,.0f}")
    print(f"{'  2 writers':<46}{raw2:>10,.0f}")
    end1, end2 = figures["raw1_end"], figures["raw2_end"]
    print(f"{'  again at the end: 1 writer, 2 writers':<46}{end1:>10,.0f}{end2:>10,.0f}\n")
    cols = ("stmts/s", "req p50", "req p95", "of raw1", "of raw2")
    print(f"{'POST':<30}" + "".join(f"{c:>10}" for c in cols) + "  errors")
    for label, r in figures["posts"]:
        cells = (f"{r['rate']:,.0f}", ms(r["p50"]), ms(r["p95"]))
        cells += (f"{r['rate'] / raw1:.1%}", f"{r['rate'] / raw2:.1%}")
        print(f"{label:<30}" + "".join(f"{c:>10}" for c in cells) + "  " + bad(r))
    print_cpu(figures["posts"], cpus or 1)
    if figures.get("seed") and figures["seed"][0]:
        n, s = figures["seed"]
        print(f"\nseeded through statements_store: {n:,.0f} in {s:,.0f} s ({n / s:,.0f}/s)")
    if figures.get("gets"):
        title = f"GET, {figures['stored']:,} stored"
        heads = ("req/s", "p50", "p95", "per page")
        print(f"\n{title:<30}" + "".join(f"{c:>10}" for c in heads) + "  errors")
        for label, r in figures["gets"]:
            cells = (f"{r['requests'] / r['seconds']:,.0f}", ms(r["p50"]), ms(r["p95"]))
            cells += (f"{r['returned']:.0f}",)
            print(f"{label:<30}" + "".join(f"{c:>10}" for c in cells) + "  " + bad(r))
    if figures.get("size"):
        table, indexes, data = figures["size"]
        per_row = (table + indexes) / figures["stored"]
        print(
            f"\nlrs_statement: table {table / 2**20:,.0f} MiB + indexes {indexes / 2**20:,.0f} MiB"
            f" = {per_row:,.0f} bytes a statement (data column {data:,} bytes)"
        )
    print("\npeak memory (VmHWM)")
    for role, pid, kb in figures["memory"]:
        print(f"  {role:<8} pid {pid:<8} {kb / 1024:8.1f} MiB")


def print_cpu(posts: list[tuple[str, dict[str, Any]]], cpus: int) -> None:
    """Where each POST load's CPU went, per statement stored: the machine's CPUs can store at
    most `cpus` seconds' worth a second, whatever the code above the storage does."""
    sides = ("server", "postgresql", "clients")
    print(f"\n{'CPU ms a statement':<30}" + "".join(f"{c:>11}" for c in (*sides, "total", "cap/s")))
    for label, r in posts:
        if not r["cpu"].get("server") or not r["stored"]:
            continue
        per = [r["cpu"][side] * 1000 / r["stored"] for side in sides]
        cells = [f"{v:.2f}" for v in per] + [f"{sum(per):.2f}", f"{cpus * 1000 / sum(per):,.0f}"]
        print(f"{label:<30}" + "".join(f"{c:>11}" for c in cells))


def ms(value: float) -> str:
    return f"{value:.1f} ms"


def bad(result: dict[str, Any]) -> str:
    """The statuses other than 200, with their counts."""
    others = {s: c for s, c in sorted(result["statuses"].items()) if s != 200}
    return ", ".join(f"{s}×{c}" for s, c in others.items()) or "-"


# --- Main ---------------------------------------------------------------------------------------
def measure_posts(server: Server, label: str, figures: dict[str, Any]) -> None:
    for kind, name in (("single", "single"), ("batch", "batch of 100")):
        log(f"POST {name}, {label}: {CLIENTS} clients for {SECONDS:.0f} s")
        result = post_load(server, kind)
        figures["posts"].append((f"{label}: {name}", result))
        rate, p50, p95 = result["rate"], ms(result["p50"]), ms(result["p95"])
        log(f"  {rate:,.0f} statements/s, p50 {p50}, p95 {p95}")


def measure_about(port: int, figures: dict[str, Any]) -> None:
    """Until the Statements resource exists: the HTTP stack alone, on GET /xapi/about."""
    auth = traffic.basic_auth(KEY, SECRET)
    loads = [traffic.Load(port, auth, "about", SECONDS) for _ in range(CLIENTS)]
    r = run_load(loads)
    r["rate"] = r["requests"] / r["seconds"]
    log(f"GET /xapi/about: {r['rate']:,.0f} requests/s, p50 {ms(r['p50'])}, p95 {ms(r['p95'])}")
    figures["posts"].append(("GET /xapi/about (req/s)", r))


def measure_statements(server: Server, client_id: int, figures: dict[str, Any]) -> None:
    port = server.port
    measure_posts(server, "near-empty", figures)
    log(f"seeding to {SEED:,} statements through statements_store ({SEED_PROCS} processes)")
    seed_started = datetime.now(UTC)
    figures["seed"] = seed_to(client_id, SEED)
    seed_ended = datetime.now(UTC)
    # The seeding is a burst no live store sees: vacuum it now, so the autovacuum it triggers
    # does not run through the GETs below (a live store is vacuumed as it grows).
    sql("VACUUM (ANALYZE) lrs_statement")
    figures["stored"] = stored_count()
    figures["size"] = sql(
        "SELECT pg_table_size('lrs_statement'), pg_indexes_size('lrs_statement'),"
        " avg(pg_column_size(data))::int FROM (SELECT data FROM lrs_statement LIMIT 10000) AS s"
    )[0]
    # The GETs first, so they read exactly the seeded store; then the POSTs again.
    figures["gets"] = []
    for name, paths in get_paths((seed_started, seed_ended)).items():
        log(f"GET ?{name}=…: {len(paths)} requests, {CLIENTS} clients")
        returned = statements_returned(port, paths)
        result = get_load(port, paths)
        result["returned"] = returned
        figures["gets"].append((name, result))
        log(f"  p50 {ms(result['p50'])}, p95 {ms(result['p95'])}")
        if os.environ.get("LRS_BENCH_EXPLAIN"):
            explain(name, paths[0])
    measure_posts(server, f"{figures['stored']:,} stored", figures)


def main() -> None:
    env = production_env()
    os.environ.update(env)
    started = time.perf_counter()
    log(f"migrating {os.environ['DATABASE_URL'].rsplit('/', 1)[-1]}")
    client_id = setup_database()
    figures: dict[str, Any] = {"posts": [], "memory": []}
    figures["pg"] = sql("SHOW server_version")[0][0]
    figures["fsync"] = sql("SHOW fsync")[0][0]
    log(f"storage ceiling: {RAW_ROWS:,} rows per writer")
    figures["raw1"] = raw_rate(client_id, 1)
    figures["raw2"] = raw_rate(client_id, 2)
    log(f"  1 writer {figures['raw1']:,.0f} rows/s, 2 writers {figures['raw2']:,.0f} rows/s")
    server = Server(env)
    log(f"granian {SERVER_ARGS} on 127.0.0.1:{server.port} (pid {server.proc.pid})")
    try:
        if statements_endpoint_ready(server.port):
            measure_statements(server, client_id, figures)
        else:
            log("the Statements resource is not there yet: measuring GET /xapi/about instead")
            measure_about(server.port, figures)
        figures["memory"] = server.peak_memory()
    finally:
        server.stop()
    log("storage ceiling again, to see how much the machine drifted during the run")
    figures["raw1_end"] = raw_rate(client_id, 1)
    figures["raw2_end"] = raw_rate(client_id, 2)
    report(figures)
    server_log = Path(server.errors.name).read_text()
    if "Traceback" in server_log:
        print("\nthe server logged errors; the first of them:\n" + server_log[:3000])
    print(f"\ntotal {time.perf_counter() - started:,.0f} s")


if __name__ == "__main__":
    main()
