"""Faults: the database down at start or lost while serving, the service killed mid-batch and started again.

Each ends in a named error or a resumed job; nothing is silently dropped. (A worker process killed mid-batch is
in tests/app/test_workers.py; per-file time and memory limits too.)
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, SAMPLES

PDFS = sorted(SAMPLES.glob("*.pdf"))
UNREACHABLE_DATABASES = [
    pytest.param("postgresql://nobody@127.0.0.1:1/none", id="postgresql-port-closed"),
    pytest.param("sqlite:////proc/no-such-dir/contract-risk.sqlite3", id="sqlite-path-unwritable"),
]


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTRACT_RISK_")}
    env.update({f"CONTRACT_RISK_{k.upper()}": v for k, v in values.items()})
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("url", UNREACHABLE_DATABASES)
def test_serve_with_the_database_unreachable_exits_with_a_named_error(url):
    run = subprocess.run([sys.executable, "-m", "app.cli", "serve", "--port", str(_free_port())], cwd=ROOT,
                         env=_env(database_url=url, database_wait_seconds="0.5"), capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1, run.stderr
    assert "error: database_unavailable: cannot reach the database" in run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert "nobody" not in run.stderr or "@" not in run.stderr, "credentials are not echoed"


def test_a_database_lost_while_serving_is_a_named_503(client, monkeypatch):
    from sqlalchemy.exc import OperationalError

    def gone(*_args, **_kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(client.app.state, "sessions", gone)
    response = client.get("/v1/peers/stats")
    assert response.status_code == 503
    assert response.json()["code"] == "database_unavailable"
    pdf = PDFS[0]
    analysed = client.post("/v1/analyze", files=[("file", (pdf.name, pdf.read_bytes(), "application/pdf"))])
    assert analysed.status_code == 200, "analysing one contract does not need the database"


def _start_service(port: int, database_url: str, log: Path) -> subprocess.Popen:
    with log.open("ab") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], cwd=ROOT,
                                   env=_env(database_url=database_url, workers="2", pool="process", cache_entries="0",
                                            batch_sync_max_files="1"),
                                   stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise AssertionError("the service did not become ready")


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped by its parent, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


@pytest.mark.slow
def test_a_service_killed_mid_batch_accounts_for_every_file_after_restart(tmp_path):
    """SIGKILL the service while a batch runs: its workers exit, and the next start closes the batch with a
    result or the named error 'interrupted' for every file (uploads live only in memory: they are not resumed)."""
    url = f"sqlite:///{tmp_path / 'faults.sqlite3'}"
    port = _free_port()
    log = tmp_path / "service.log"
    service = _start_service(port, url, log)
    files = [("files", (f"{i:02d}-{PDFS[i % len(PDFS)].name}", PDFS[i % len(PDFS)].read_bytes(), "application/pdf"))
             for i in range(30)]
    try:
        response = httpx.post(f"http://127.0.0.1:{port}/v1/batch", files=files, timeout=60)
        assert response.status_code == 202, response.text
        location = response.headers["location"]
        deadline = time.monotonic() + 120
        while httpx.get(f"http://127.0.0.1:{port}{location}", timeout=10).json()["progress"]["done"] < 2:
            assert time.monotonic() < deadline
            time.sleep(0.1)
        workers = _children(service.pid)
        service.send_signal(signal.SIGKILL)
        service.wait(30)
    finally:
        if service.poll() is None:
            service.kill()
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "analysis workers outlived the killed service"
        time.sleep(0.2)

    restarted = _start_service(port, url, log)
    try:
        found = httpx.get(f"http://127.0.0.1:{port}{location}", timeout=10).json()
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(60)
    assert found["status"] == "failed" and found["error"].startswith("interrupted")
    assert found["progress"] == {"done": 30, "total": 30}
    assert [r["filename"] for r in found["results"]] == [name for _, (name, _, _) in files], "every file, in order"
    statuses = {(r["status"], (r["error"] or {}).get("code")) for r in found["results"]}
    assert statuses <= {("ok", None), ("error", "interrupted")}
    assert ("ok", None) in statuses and ("error", "interrupted") in statuses
