import shutil
import socket
import subprocess
import tempfile
import time

import pytest


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3) as s:
            s.sendall(b"PING\r\n")
            return s.recv(7).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture(scope="session")
def redis_url():
    """The machine's Redis on 127.0.0.1:6379 when it answers; otherwise a throw-away one."""
    if _answers(6379):
        yield "redis://127.0.0.1:6379/9"
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("no Redis answers and redis-server is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    workdir = tempfile.mkdtemp(prefix="redis-")
    proc = subprocess.Popen(  # noqa: S603 - Debian's redis-server
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            workdir,
        ],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        if _answers(port):
            break
        time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)
