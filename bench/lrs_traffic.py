"""Traffic for the LRS benchmark (bench/lrs.py): statements, rows, and the processes that send them.

Everything here runs in child processes started with the "spawn" method, so it imports nothing
from Django: load clients are minimal HTTP/1.1 keep-alive connections (`Connection`) with
prebuilt bodies, and raw writers are plain psycopg 3 connections.

Statements look like what cmi5 content and quizzes send: thousands of learners (accounts, some by
mbox), hundreds of activities (courses → modules → assignable units → questions), a dozen
verbs, registrations per learner and course, context activities, session extensions, results
with scores. `WORLD_SEED` makes the pools the same in every process, so the GET phase can
pick agents, activities, verbs and registrations that are stored.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

WORLD_SEED = 20261123
HOME = "https://learning.example.org"
AGENTS = 5000
COURSES = 20
MODULES_PER_COURSE = 4
AUS_PER_MODULE = 3
QUESTIONS_PER_AU = 2  # 20 × 4 × 3 × (1 + 2) = 720 activities, plus 80 modules and 20 courses
REGISTRATIONS = 20000
CMI5 = "https://w3id.org/xapi/cmi5"
ADL = "http://adlnet.gov/expapi/verbs"
VERBS = [
    (f"{ADL}/launched", "launched"),
    (f"{ADL}/initialized", "initialized"),
    (f"{ADL}/completed", "completed"),
    (f"{ADL}/passed", "passed"),
    (f"{ADL}/failed", "failed"),
    (f"{ADL}/terminated", "terminated"),
    (f"{ADL}/answered", "answered"),
    (f"{ADL}/attempted", "attempted"),
    (f"{ADL}/experienced", "experienced"),
    (f"{ADL}/progressed", "progressed"),
    (f"{ADL}/satisfied", "satisfied"),
    (f"{ADL}/abandoned", "abandoned"),
]
# Quiz traffic is mostly answers; the cmi5 lifecycle verbs come once per session.
VERB_WEIGHTS = [4, 4, 3, 3, 1, 4, 30, 3, 10, 8, 2, 1]


@dataclass(frozen=True)
class World:
    agents: list[dict[str, Any]]
    courses: list[str]
    modules: list[tuple[str, str]]  # (module, course)
    aus: list[tuple[str, str, str]]  # (au, module, course)
    questions: list[tuple[str, str, str, str]]  # (question, au, module, course)
    registrations: list[str]


def world() -> World:
    rnd = random.Random(WORLD_SEED)
    agents: list[dict[str, Any]] = []
    for n in range(AGENTS):
        agent: dict[str, Any] = {"objectType": "Agent", "name": f"Member {n:05d}"}
        if n % 10 == 0:
            agent["mbox"] = f"mailto:member{n:05d}@branch{n % 97:02d}.example.org"
        else:
            agent["account"] = {"homePage": HOME, "name": f"m{n:07d}"}
        agents.append(agent)
    courses = [f"{HOME}/a/c{c:02d}" for c in range(COURSES)]
    modules = [(f"{c}/m{m}", c) for c in courses for m in range(MODULES_PER_COURSE)]
    aus = [(f"{m}/u{a}", m, c) for m, c in modules for a in range(AUS_PER_MODULE)]
    questions = [(f"{a}/q{q}", a, m, c) for a, m, c in aus for q in range(QUESTIONS_PER_AU)]
    registrations = [
        str(uuid.UUID(int=rnd.getrandbits(128), version=4)) for _ in range(REGISTRATIONS)
    ]
    return World(agents, courses, modules, aus, questions, registrations)


def agent_key(agent: dict[str, Any]) -> str:
    """As commonplace.lrs.validation.agent_key (duplicated: children do not import Django)."""
    if "mbox" in agent:
        return f"mbox:{agent['mbox']}"
    account = agent["account"]
    return f"account:{account['homePage']}|{account['name']}"


class StatementMaker:
    """Random statements from one world; each process seeds its own generator."""

    def __init__(self, seed: int, the_world: World | None = None) -> None:
        self.rnd = random.Random(seed)
        self.w = the_world or world()
        self.now = datetime.now(UTC)

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rnd.getrandbits(128), version=4))

    def statement(self) -> dict[str, Any]:
        rnd = self.rnd
        verb_id, verb_name = rnd.choices(VERBS, weights=VERB_WEIGHTS)[0]
        agent_index = rnd.randrange(AGENTS)
        question, au, module, course = rnd.choice(self.w.questions)
        # A learner keeps the same registrations: four per learner (one per course taken).
        registration = self.w.registrations[(agent_index * 4 + rnd.randrange(4)) % REGISTRATIONS]
        when = self.now - timedelta(seconds=rnd.randrange(365 * 86400))
        is_answer = verb_name in {"answered", "attempted"}
        target = question if is_answer else au
        statement: dict[str, Any] = {
            "id": self._uuid(),
            "actor": self.w.agents[agent_index],
            "verb": {"id": verb_id, "display": {"en-GB": verb_name}},
            "object": self._activity(target, is_answer),
            "context": {
                "registration": registration,
                "contextActivities": {
                    "parent": [{"id": au if is_answer else module}],
                    "grouping": [
                        {"id": course},
                        {"id": module},
                    ],
                    "category": [{"id": f"{CMI5}/context/categories/cmi5"}],
                },
                "platform": "Commonplace",
                "language": "en-GB",
                "extensions": {f"{CMI5}/context/extensions/sessionid": self._uuid()},
            },
            "timestamp": when.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }
        if verb_name in {"answered", "passed", "failed", "completed", "attempted"}:
            statement["result"] = self._result(verb_name)
        return statement

    def _activity(self, activity_id: str, is_question: bool) -> dict[str, Any]:
        part = activity_id.rsplit("/", 3)
        definition: dict[str, Any] = {"name": {"en-GB": f"{part[-3]} {part[-1]}"}}
        if is_question:
            definition["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction"
            definition["description"] = {"en-GB": "Which of these is a protected activity?"}
            definition["interactionType"] = "choice"
            definition["correctResponsesPattern"] = ["b"]
            definition["choices"] = [
                {"id": c, "description": {"en-GB": f"Choice {c}", "cy-GB": f"Dewis {c}"}}
                for c in ("a", "b", "c", "d")
            ]
        else:
            definition["type"] = "https://w3id.org/xapi/cmi5/activitytype/block"
        return {"objectType": "Activity", "id": activity_id, "definition": definition}

    def _result(self, verb_name: str) -> dict[str, Any]:
        raw = self.rnd.randrange(11)
        success = verb_name != "failed" and raw >= 5
        result: dict[str, Any] = {
            "score": {"scaled": raw / 10, "raw": raw, "min": 0, "max": 10},
            "success": success,
            "completion": verb_name != "answered",
            "duration": f"PT{self.rnd.randrange(1, 30)}M{self.rnd.randrange(60)}S",
        }
        if verb_name == "answered":
            result["response"] = self.rnd.choice("abcd")
        return result


def basic_auth(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


# --- Rows for the raw storage rate ---------------------------------------------------------------
ROW_COLUMNS = (
    "statement_id, stored, timestamp, actor_key, verb_id, activity_id, registration, "
    "target_statement_id, is_voiding, voided, keys, client_id, version, data, object_agent_key"
)


def statement_row(statement: dict[str, Any], stored: datetime, client_id: int) -> tuple:
    """The lrs_statement row of a statement, as services.statements builds it (its `_row`):
    `keys` holds `x:` for every activity and `r:` for the authority; `data` the full statement.
    """
    authority = {"objectType": "Agent", "name": "bench", "account": {"homePage": HOME, "name": "b"}}
    obj = statement["object"]
    context = statement.get("context", {})
    keys = {"x:" + obj["id"], "r:" + agent_key(authority)}
    for group in context.get("contextActivities", {}).values():
        keys.update("x:" + a["id"] for a in group)
    full = {
        **statement,
        "stored": stored.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "authority": authority,
        "version": "2.0.0",
    }
    return (
        statement["id"],
        stored,
        statement["timestamp"],
        agent_key(statement["actor"]),
        statement["verb"]["id"],
        obj["id"],
        context.get("registration"),
        None,
        False,
        False,
        json.dumps(sorted(keys)),
        client_id,
        "2.0.0",
        json.dumps(full, separators=(",", ":")),
        "",
    )


def raw_writer(dsn: str, table: str, client_id: int, rows: int, seed: int, barrier, queue) -> None:
    """Insert `rows` statement rows with executemany, 100 a transaction; report (rows, seconds)."""
    import psycopg

    maker = StatementMaker(seed)
    now = datetime.now(UTC)
    data = [statement_row(maker.statement(), now, client_id) for _ in range(rows)]
    placeholders = ", ".join(["%s"] * 10 + ["%s::jsonb", "%s", "%s", "%s::jsonb", "%s"])
    sql = f"INSERT INTO {table} ({ROW_COLUMNS}) VALUES ({placeholders})"  # noqa: S608 (our table)
    with psycopg.connect(dsn) as conn:
        barrier.wait()
        started = time.perf_counter()
        for start in range(0, rows, 100):
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(sql, data[start : start + 100])
        queue.put((rows, time.perf_counter() - started))


# --- HTTP load clients ---------------------------------------------------------------------------
@dataclass
class Load:
    port: int
    auth: str
    kind: str  # "single", "batch", "get", "about"
    seconds: float
    requests: int = 0  # for "get": a fixed number of requests, not a duration
    paths: tuple[str, ...] = ()
    seed: int = 0
    version: str = "2.0.0"


def _bodies(load: Load) -> list[bytes]:
    maker = StatementMaker(load.seed)
    if load.kind == "single":
        return [json.dumps(maker.statement()).encode() for _ in range(3000)]
    if load.kind == "batch":
        return [json.dumps([maker.statement() for _ in range(100)]).encode() for _ in range(120)]
    return []


def _request(load: Load, n: int, bodies: list[bytes]) -> tuple[str, str, bytes | None, int]:
    """(method, path, body, statements in it) of the n-th request."""
    if load.kind == "get":
        return "GET", load.paths[n % len(load.paths)], None, 0
    if load.kind == "about":
        return "GET", "/xapi/about", None, 0
    body = bodies[n % len(bodies)]
    if n and n % len(bodies) == 0:  # ran out: fresh ids, so no request repeats a stored id
        bodies[:] = [_fresh_ids(b, n) for b in bodies]
        body = bodies[0]
    return "POST", "/xapi/statements", body, (1 if load.kind == "single" else 100)


def _fresh_ids(body: bytes, salt: int) -> bytes:
    statements = json.loads(body)
    for s in statements if isinstance(statements, list) else [statements]:
        digest = hashlib.md5(f"{s['id']}{salt}".encode()).digest()  # noqa: S324 (not security)
        s["id"] = str(uuid.UUID(bytes=digest, version=4))
    return json.dumps(statements).encode()


class Connection:
    """A minimal HTTP/1.1 keep-alive client: a request is one prebuilt `sendall`, a response is
    read up to its Content-Length (or its last chunk). `http.client` cost the load clients a
    fifth of the machine's CPU in the single-statement load; this costs them a third of that,
    which leaves the CPU to the server being measured."""

    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port = port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.head += f"Host: 127.0.0.1:{port}\r\n"
        self.sock: socket.socket | None = None
        self.buffer = b""

    def request(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=120)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.buffer = b""
        length = f"Content-Length: {len(body)}\r\n" if body is not None else ""
        self.sock.sendall(
            f"{method} {path} HTTP/1.1\r\n{self.head}{length}\r\n".encode() + (body or b"")
        )
        head = self._until(b"\r\n\r\n")
        status = int(head[9:12])
        lower = head.lower()
        if b"\r\ntransfer-encoding: chunked" in lower:
            return status, self._chunked()
        at = lower.find(b"\r\ncontent-length:")
        size = int(lower[at + 17 : lower.index(b"\r\n", at + 2)]) if at >= 0 else 0
        return status, self._exactly(size)

    def _fill(self) -> None:
        data = self.sock.recv(262144) if self.sock is not None else b""
        if not data:
            raise ConnectionResetError("the server closed the connection")
        self.buffer += data

    def _until(self, marker: bytes) -> bytes:
        while (at := self.buffer.find(marker)) < 0:
            self._fill()
        found, self.buffer = self.buffer[:at], self.buffer[at + len(marker) :]
        return found

    def _exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        found, self.buffer = self.buffer[:size], self.buffer[size:]
        return found

    def _chunked(self) -> bytes:
        parts = []
        while size := int(self._until(b"\r\n").split(b";")[0], 16):
            parts.append(self._exactly(size))
            self._exactly(2)
        self._until(b"\r\n")  # no trailers are sent: the empty line after the last chunk
        return b"".join(parts)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def load_client(load: Load, barrier, queue) -> None:
    """One client: a keep-alive connection sending requests until the time (or count) is up."""
    bodies = _bodies(load)
    conn = Connection(
        load.port,
        {
            "Authorization": load.auth,
            "X-Experience-API-Version": load.version,
            "Content-Type": "application/json",
            "X-Forwarded-Proto": "https",  # as the TLS-terminating proxy of the production notes
        },
    )
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    stored = 0
    reconnects = 0
    barrier.wait()
    started, cpu_started = time.perf_counter(), time.process_time()
    deadline = started + load.seconds
    n = 0
    while (n < load.requests) if load.requests else (time.perf_counter() < deadline):
        method, path, body, count = _request(load, n, bodies)
        sent = time.perf_counter()
        for attempt in (1, 2):
            try:
                status, _ = conn.request(method, path, body)
                break
            except (BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection (while all its threads were
                # busy): reconnect and send again. Statements carry their ids, so a repeat is
                # stored once.
                conn.close()
                reconnects += 1
                if attempt == 2:
                    raise
        latencies.append(time.perf_counter() - sent)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 200 and count:
            stored += count
        n += 1
    queue.put(
        {
            "latencies": latencies,
            "statuses": statuses,
            "stored": stored,
            "reconnects": reconnects,
            "seconds": time.perf_counter() - started,
            "cpu": time.process_time() - cpu_started,
        }
    )
    conn.close()
