"""ADL's LRS conformance suite against Commonplace: `make conformance` (bench/conformance.sh).

Usage: conformance.py SUITE_DIR. Serves the app with granian on a free loopback port, on a
throw-away database (a SQLite file in a temporary folder, or the PostgreSQL database named by
DATABASE_URL), with a fresh client of scope `all`; runs the suite once with `-x 2.0.0` and once
with `-x 1.0.3`; reads each run's JSON log and prints passed/failed/total and the failing tests.

Exits 0 only when both runs are complete (passed + failed == total: tests under a failing
`before` hook never report) and nothing failed. The suite's own exit status is the failure count
modulo 256, so it is not trusted.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
VERSIONS = ("2.0.0", "1.0.3")
SHOW_FAILURES = 40
RUN_TIMEOUT = int(os.environ.get("CONFORMANCE_TIMEOUT", "1800"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def settings_env(workdir: Path) -> dict[str, str]:
    env = {
        "DJANGO_SETTINGS_MODULE": "commonplace.settings.base",
        "COMMONPLACE_SECRET_KEY": secrets.token_urlsafe(50),
        "COMMONPLACE_DEBUG": "0",
        "COMMONPLACE_DEMO": "0",
        "COMMONPLACE_HTTPS": "0",  # the suite speaks plain HTTP to the loopback port
        "COMMONPLACE_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "COMMONPLACE_SITE_URL": "http://127.0.0.1",
        "COMMONPLACE_VAR_DIR": str(workdir),
        "COMMONPLACE_MEDIA_ROOT": str(workdir / "media"),
        "COMMONPLACE_LOG_LEVEL": "WARNING",
    }
    if not os.environ.get("DATABASE_URL"):
        env["COMMONPLACE_SQLITE_PATH"] = str(workdir / "conformance.sqlite3")
    return env


def database_with_client() -> tuple[str, str]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from commonplace.lrs.services import lrs_client_create

    call_command("migrate", verbosity=0, interactive=False)
    key, secret = "conformance-" + secrets.token_hex(4), secrets.token_urlsafe(24)
    lrs_client_create(actor=None, name="conformance", scopes=["all"], key=key, secret=secret)
    connection.close()
    return key, secret


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port: int, log: Path, version: str) -> subprocess.Popen:
    """granian (WSGI) on `port`. A request that names no xAPI version is refused either way, but the
    refusal carries a version header: the deployment's COMMONPLACE_LRS_DEFAULT_VERSION, which
    each run sets to the version it tests (as a union whose clients speak that version would).
    """
    env = {**os.environ, "COMMONPLACE_LRS_DEFAULT_VERSION": version}
    granian = str(Path(sys.executable).parent / "granian")
    args = [granian, "--interface", "wsgi", "--working-dir", str(ROOT / "src")]
    args += ["--host", "127.0.0.1", "--port", str(port)]
    args += ["--workers", "2", "--blocking-threads", "4", "commonplace.wsgi:application"]
    proc = subprocess.Popen(args, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc
        except OSError:
            time.sleep(0.1)
    stop(proc)
    sys.exit("the server did not start:\n" + log.read_text())


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_suite(
    suite: Path, version: str, port: int, key: str, secret: str, out: Path
) -> Path | None:
    """One run of the suite; the path of the JSON log it wrote, or None."""
    args = ["node", "bin/console_runner.js", "-e", f"http://127.0.0.1:{port}/xapi", "-a"]
    args += ["-u", key, "-p", secret, "-x", version]
    started = time.monotonic()
    with out.open("wb") as output:
        try:
            subprocess.run(  # noqa: S603 (node and the suite's runner, our arguments)
                args, cwd=suite, stdout=output, stderr=subprocess.STDOUT, timeout=RUN_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            print(f"  {version}: stopped after {RUN_TIMEOUT} s")
    print(f"  {version}: ran in {time.monotonic() - started:,.0f} s (console output: {out})")
    text = ANSI.sub("", out.read_text(errors="replace"))
    found = re.findall(r"Full run log written to (\S+)", text)
    return Path(found[-1]) if found else None


def failures(node: dict[str, Any], path: tuple[str, ...] = ()) -> list[tuple[str, str, str]]:
    """(section, title, error) of each failed test that has no failed test under it."""
    children = node.get("tests") or []
    found = [f for child in children for f in failures(child, (*path, node.get("title") or ""))]
    if node.get("status") == "failed" and not found:
        section = " › ".join(p for p in path if p)
        found.append((section, node.get("title") or "", str(node.get("error") or "")))
    return found


def report(version: str, log: Path | None) -> bool:
    if log is None or not log.exists():
        print(f"\n{version}: no run log was written: INCOMPLETE")
        return False
    data = json.loads(log.read_text())
    summary = data["summary"]
    passed, failed, total = summary["passed"], summary["failed"], summary["total"]
    complete = passed + failed == total
    verdict = "complete" if complete else f"INCOMPLETE ({total - passed - failed} never reported)"
    print(f"\n{version}: passed {passed}, failed {failed}, total {total}: {verdict}")
    print(f"  run log: {log}")
    failed_tests = failures(data.get("log") or {})
    for section, title, error in failed_tests[:SHOW_FAILURES]:
        print(f"  ✗ {section} › {title}\n      {error[:200]}")
    if len(failed_tests) > SHOW_FAILURES:
        print(f"  … and {len(failed_tests) - SHOW_FAILURES} more (see the run log)")
    return complete and failed == 0


def main() -> None:
    suite = Path(sys.argv[1]).resolve()
    with tempfile.TemporaryDirectory(prefix="commonplace-conformance-") as tmp:
        workdir = Path(tmp)
        os.environ.update(settings_env(workdir))
        where = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite in " + tmp
        print(f"conformance: {suite}\n  database: {where}")
        key, secret = database_with_client()
        outputs = Path(tempfile.mkdtemp(prefix="conformance-output-"))
        logs = {}
        for version in VERSIONS:  # one server per run: its default version is the one tested
            port = free_port()
            server = serve(port, workdir / "server.log", version)
            try:
                logs[version] = run_suite(
                    suite, version, port, key, secret, outputs / f"{version}.txt"
                )
            finally:
                stop(server)
        server_log = (workdir / "server.log").read_text(errors="replace")
        verdicts = [report(v, logs[v]) for v in VERSIONS]  # both reports, even if the first fails
        ok = all(verdicts)
        if "Traceback" in server_log:
            print("\nthe server logged errors; the first of them:\n" + server_log[:3000])
    print("\nconformance: " + ("PASSED (both versions complete, no failures)" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
