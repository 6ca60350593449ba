"""Load test of the real service: uvicorn in a subprocess, concurrent uploads and batches, latency and memory.

    .venv/bin/python benchmarks/load.py                  # 8 clients for 60 s
    .venv/bin/python benchmarks/load.py --quick          # 4 clients, 36 actions (what tests/app/test_load.py runs)
    .venv/bin/python benchmarks/load.py --clients 16 --duration 120 --workers 2 --json

Starts the service as it runs in production (uvicorn, ``app.main:create_app``, the default analysis pool of worker
processes, one per core unless ``--workers``) on a free loopback port with SQLite in a temporary folder, waits for
``/readyz``, then N client threads (standard library ``http.client``, one keep-alive connection each) run a mix of
actions until the duration or the action budget is used up:

- ``analyze``: POST /v1/analyze with a sample contract (PDF or DOCX from sample_contracts/);
- ``batch``: POST /v1/batch with 2-8 files (some with one bad file, some with ``store=true``): up to 5 answer at once,
  larger ones answer 202 and are polled (GET /v1/batch/{id}) until done; every file must come back with a result, in
  order, ok for the contracts and the named error for the bad file;
- ``bad``: POST /v1/analyze with a bad file (tests/fixtures/bad_inputs): a 4xx with the JSON error is expected and
  counted apart from errors;
- ``stats``: GET /v1/peers/stats.

Every upload gets a unique trailer (after the PDF's ``%%EOF`` or the DOCX's zip), so the report cache never answers:
each one is a real analysis. Prints p50 / p95 / max latency per route, throughput, errors (anything but the expected
answer: a 5xx, a refused good file, a lost batch file, a broken connection), the expected 4xx, and the service's peak
RSS: the server process and all its children (the analysis workers), summed, sampled from /proc every 100 ms.

The server's log (every logger at ``--log-level``) is kept for the run and returned by :func:`run`
(``result["server_log"]``): tests/app/test_load.py checks that it holds no contract text. The server's temporary
folder (``TMPDIR``) is private to the run; :func:`run` reports what was left in it (``result["temp_files_left"]``).
"""

from __future__ import annotations

import argparse
import atexit
import http.client
import json
import os
import platform
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_contracts"
BAD_INPUTS = ROOT / "tests" / "fixtures" / "bad_inputs"

#: Bad files and the answer each must get (status, code).
BAD_FILES = {
    "png_renamed.pdf": (415, "unsupported_file_type"),
    "garbage.pdf": (422, "corrupt_file"),
    "truncated.pdf": (422, "truncated_file"),
    "empty.pdf": (422, "empty_file"),
    "encrypted.pdf": (422, "pdf_encrypted"),
}
#: Action mix (weights) of every client.
MIX = {"analyze": 6, "batch": 2, "bad": 1, "stats": 1}
#: With --quick, client i runs this schedule from position 2 x i (every kind of action, whatever the seed).
SCHEDULE = ["analyze", "batch", "analyze", "bad", "analyze", "batch", "stats", "analyze", "bad"]
SYNC_BATCH_FILES = 5  # the service's default batch_sync_max_files
BATCH_DEADLINE = 180.0  # seconds a queued batch may take before it counts as lost

CHILD = """
import sys, uvicorn
level = sys.argv[3].upper()
config = {
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"}},
    "root": {"level": level, "handlers": ["stderr"]},
    "loggers": {name: {"level": level, "handlers": [], "propagate": True}
                for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")},
}
uvicorn.run("app.main:create_app", factory=True, host=sys.argv[1], port=int(sys.argv[2]), log_config=config,
            log_level=level.lower(), timeout_graceful_shutdown=10)
"""


# ------------------------------------------------------------------------------------------------ the server

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return children


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants (VmRSS from /proc), summed; 0 when it is gone."""
    children, total, todo = _children_map(), 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, ()))
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            continue
    return total


class RssSampler(threading.Thread):
    """Samples the process tree's RSS every ``interval`` seconds; ``peak`` is the largest sum seen."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self._stop_event = pid, interval, 0, threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss_bytes(self.pid))
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


class Server:
    """``uvicorn app.main:create_app`` in a subprocess on a free loopback port, SQLite and TMPDIR in ``folder``."""

    def __init__(self, folder: Path, workers: int | None = None, log_level: str = "info",
                 extra_env: dict[str, str] | None = None) -> None:
        self.folder, self.port = folder, free_port()
        self.tmpdir = folder / "tmp"
        self.tmpdir.mkdir()
        self.log_path = folder / "server.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("CONTRACT_RISK_")}
        env.update({"CONTRACT_RISK_DATABASE_URL": f"sqlite:///{folder / 'load.sqlite3'}",
                    "CONTRACT_RISK_LOG_LEVEL": log_level, "TMPDIR": str(self.tmpdir), "PYTHONUNBUFFERED": "1"})
        if workers:
            env["CONTRACT_RISK_WORKERS"] = str(workers)
        env.update(extra_env or {})
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen([sys.executable, "-c", CHILD, "127.0.0.1", str(self.port), log_level],
                                        cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        atexit.register(self._kill)  # never outlive the run that started it (Ctrl-C, a failed test)

    def _kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Seconds until /readyz answered 200; raises RuntimeError (with the log's tail) otherwise."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{self.log()[-3000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/readyz")
                if connection.getresponse().status == 200:
                    connection.close()
                    return time.monotonic() - started
                connection.close()
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the server was not ready within {timeout:g} s:\n{self.log()[-3000:]}")

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGINT (uvicorn's graceful shutdown: the lifespan stops the pool), SIGKILL past ``timeout``."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        return self.process.returncode

    def log(self) -> str:
        if not self._log.closed:
            self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")


# ------------------------------------------------------------------------------------------------ the clients

def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: (body, content type)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, data in files:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def unique(data: bytes, nonce: str) -> bytes:
    """The file with a trailer that changes its hash but not its reading (the report cache must miss)."""
    return data + f"\n%load-test {nonce}\n".encode()


@dataclass
class Tally:
    """What the clients saw, under one lock."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    expected_4xx: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    contracts_analysed: int = 0
    batches: int = 0
    batch_files: int = 0
    batch_files_accounted: int = 0
    batch_file_errors: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def time(self, route: str, seconds: float) -> None:
        with self.lock:
            self.latencies[route].append(seconds)

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)


class Client:
    """One keep-alive connection; ``call`` reconnects once when the server closed it."""

    def __init__(self, port: int, tally: Tally) -> None:
        self.port, self.tally, self.connection = port, tally, None

    def call(self, method: str, path: str, route: str, body: bytes | None = None,
             content_type: str | None = None) -> tuple[int, dict, bytes]:
        headers = {"content-type": content_type} if content_type else {}
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            self.tally.time(route, time.perf_counter() - started)
            if response.getheader("connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, {k.lower(): v for k, v in response.getheaders()}, data
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


class Workload:
    def __init__(self, port: int, tally: Tally) -> None:
        self.port, self.tally = port, tally
        self.samples = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.pdf")) + sorted(SAMPLES.glob("*.docx"))]
        self.bad = [(name, (BAD_INPUTS / name).read_bytes(), expected) for name, expected in BAD_FILES.items()]
        self.uploaded_texts: list[str] = []

    # -- actions -------------------------------------------------------------------------------------------

    def analyze(self, client: Client, rng: random.Random) -> None:
        name, data = rng.choice(self.samples)
        body, content_type = multipart([], [("file", name, unique(data, uuid.uuid4().hex))])
        status, _, answer = client.call("POST", "/v1/analyze", "POST /v1/analyze", body, content_type)
        if status != 200:
            self.tally.error(f"POST /v1/analyze {name}: {status} {answer[:200]!r}")
            return
        report = json.loads(answer)
        if report.get("document", {}).get("filename") != name:
            self.tally.error(f"POST /v1/analyze {name}: the report is about {report.get('document')!r}")
            return
        with self.tally.lock:
            self.tally.contracts_analysed += 1

    def bad_input(self, client: Client, rng: random.Random) -> None:
        name, data, (expected_status, expected_code) = rng.choice(self.bad)
        body, content_type = multipart([], [("file", name, data)])
        status, headers, answer = client.call("POST", "/v1/analyze", "POST /v1/analyze (bad file)", body, content_type)
        try:
            error = json.loads(answer)
        except ValueError:
            error = {}
        if (status, error.get("code")) != (expected_status, expected_code) or set(error) != {"code", "message", "status", "file"}:
            self.tally.error(f"bad file {name}: {status} {answer[:200]!r}, expected {expected_status} {expected_code}")
            return
        with self.tally.lock:
            self.tally.expected_4xx[f"{status} {expected_code}"] += 1

    def batch(self, client: Client, rng: random.Random) -> None:
        size = rng.randint(2, 8)
        chosen = [rng.choice(self.samples) for _ in range(size)]
        files = [(f"{i:02d}-{name}", unique(data, uuid.uuid4().hex), None) for i, (name, data) in enumerate(chosen)]
        if rng.random() < 0.3:  # one bad file: that file's named error, the others still analysed
            name, data, (_, code) = rng.choice(self.bad)
            files[rng.randrange(size)] = (f"bad-{name}", data, code)
        store = rng.random() < 0.3
        body, content_type = multipart([("store", "true" if store else "false")],
                                       [("files", name, data) for name, data, _ in files])
        status, headers, answer = client.call("POST", "/v1/batch", "POST /v1/batch", body, content_type)
        with self.tally.lock:
            self.tally.batches += 1
            self.tally.batch_files += len(files)
        if status not in (200, 202):
            self.tally.error(f"POST /v1/batch ({len(files)} files): {status} {answer[:200]!r}")
            return
        found = json.loads(answer)
        if status == 202:
            location = headers.get("location", "")
            deadline = time.monotonic() + BATCH_DEADLINE
            while found.get("status") not in ("done", "failed"):
                if time.monotonic() > deadline:
                    self.tally.error(f"batch {found.get('batch_id')}: not done after {BATCH_DEADLINE:g} s ({found.get('progress')})")
                    return
                time.sleep(0.25)
                poll_status, _, polled = client.call("GET", location, "GET /v1/batch/{id}")
                if poll_status != 200:
                    self.tally.error(f"GET {location}: {poll_status} {polled[:200]!r}")
                    return
                found = json.loads(polled)
        self._account(found, files, store)

    def _account(self, found: dict, files: list[tuple[str, bytes, str | None]], store: bool) -> None:
        """Every file has its result, in order: ok for a contract, its named error for the bad file."""
        results = found.get("results", [])
        if found.get("status") != "done" or found.get("progress") != {"done": len(files), "total": len(files)}:
            self.tally.error(f"batch {found.get('batch_id')}: {found.get('status')} {found.get('progress')} {found.get('error')}")
        accounted = 0
        for (name, _, bad_code), result in zip(files, results, strict=False):
            if result.get("filename") != name:
                self.tally.error(f"batch {found.get('batch_id')}: result for {result.get('filename')!r} where {name!r} was sent")
            elif bad_code is None and (result.get("status") != "ok" or (store and not result.get("peer_id"))):
                self.tally.error(f"batch {found.get('batch_id')}: {name}: {result.get('status')} {result.get('error')}")
            elif bad_code is not None and (result.get("status"), (result.get("error") or {}).get("code")) != ("error", bad_code):
                self.tally.error(f"batch {found.get('batch_id')}: {name}: {result.get('error')}, expected {bad_code}")
            else:
                accounted += 1
                if bad_code is not None:
                    with self.tally.lock:
                        self.tally.batch_file_errors[bad_code] += 1
        if len(results) != len(files):
            self.tally.error(f"batch {found.get('batch_id')}: {len(results)} results for {len(files)} files")
        with self.tally.lock:
            self.tally.batch_files_accounted += accounted
            self.tally.contracts_analysed += sum(1 for _, _, bad in files if bad is None)

    def stats(self, client: Client, rng: random.Random) -> None:
        status, _, answer = client.call("GET", "/v1/peers/stats", "GET /v1/peers/stats")
        if status != 200:
            self.tally.error(f"GET /v1/peers/stats: {status} {answer[:200]!r}")


def run(quick: bool = False, clients: int | None = None, duration: float | None = None, actions: int | None = None,
        workers: int | None = None, log_level: str = "info", seed: int = 7) -> dict:
    """Start the server, run the clients, stop the server; the figures (see the module docstring)."""
    clients = clients or (4 if quick else 8)
    if quick:
        actions = actions or 36
    duration = duration or (600.0 if quick else 60.0)  # --quick is bounded by its action count
    with tempfile.TemporaryDirectory(prefix="contract-risk-load-") as folder:
        server = Server(Path(folder), workers=workers, log_level=log_level)
        tally = Tally()
        try:
            startup = server.wait_ready()
            sampler = RssSampler(server.process.pid)
            sampler.start()
            idle_rss = tree_rss_bytes(server.process.pid)
            workload = Workload(server.port, tally)
            budget = {"left": actions if actions is not None else float("inf")}
            budget_lock = threading.Lock()
            deadline = time.monotonic() + duration

            def take() -> bool:
                with budget_lock:
                    if budget["left"] <= 0 or time.monotonic() >= deadline:
                        return False
                    budget["left"] -= 1
                    return True

            def client_loop(index: int) -> None:
                rng = random.Random(seed * 1000 + index)
                client = Client(server.port, tally)
                names, weights = zip(*MIX.items(), strict=True)
                position = 2 * index
                try:
                    while take():
                        if quick:
                            action, position = SCHEDULE[position % len(SCHEDULE)], position + 1
                        else:
                            action = rng.choices(names, weights)[0]
                        with tally.lock:
                            tally.actions[action] += 1
                        try:
                            {"analyze": workload.analyze, "batch": workload.batch, "bad": workload.bad_input,
                             "stats": workload.stats}[action](client, rng)
                        except Exception as error:  # noqa: BLE001 - a broken connection is an error of the run
                            tally.error(f"{action}: {type(error).__name__}: {error}")
                finally:
                    client.close()

            started = time.monotonic()
            threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
            peak = sampler.stop()
        finally:
            exit_code = server.stop()
        log = server.log()
        temp_left = sorted(str(p.relative_to(server.tmpdir)) for p in server.tmpdir.rglob("*"))
    requests = sum(len(v) for v in tally.latencies.values())
    return {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "clients": clients, "workers": workers or os.cpu_count(), "seconds": round(elapsed, 2),
        "startup_seconds": round(startup, 2), "actions": dict(tally.actions), "requests": requests,
        "requests_per_second": round(requests / elapsed, 2), "contracts_analysed": tally.contracts_analysed,
        "contracts_per_second": round(tally.contracts_analysed / elapsed, 2),
        "routes": {route: summary(times) for route, times in sorted(tally.latencies.items())},
        "errors": tally.errors, "expected_4xx": dict(tally.expected_4xx),
        "batches": {"posted": tally.batches, "files": tally.batch_files, "accounted": tally.batch_files_accounted,
                    "file_errors": dict(tally.batch_file_errors)},
        "idle_rss_mb": round(idle_rss / 2**20, 1), "peak_rss_mb": round(peak / 2**20, 1),
        "server_exit_code": exit_code, "temp_files_left": temp_left, "server_log": log,
    }


def summary(times: list[float]) -> dict:
    ordered = sorted(times)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]

    return {"n": len(ordered), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(at(0.95) * 1000, 1), "max_ms": round(ordered[-1] * 1000, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="4 clients, 36 actions (the CI form)")
    parser.add_argument("--clients", type=int, help="concurrent clients (default 8; 4 with --quick)")
    parser.add_argument("--duration", type=float, help="seconds of load (default 60)")
    parser.add_argument("--actions", type=int, help="stop after this many actions (default: no limit; 36 with --quick)")
    parser.add_argument("--workers", type=int, help="analysis worker processes (default: the service's, one per core)")
    parser.add_argument("--log-level", default="info", help="the server's log level, every logger (default info)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = run(args.quick, args.clients, args.duration, args.actions, args.workers, args.log_level, args.seed)
    log = result.pop("server_log")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"machine: {result['machine']}; server: uvicorn, {result['workers']} analysis workers, SQLite; "
              f"ready in {result['startup_seconds']} s")
        print(f"{result['clients']} clients, {result['seconds']} s, actions {result['actions']}\n")
        print(f"{'route':<32} {'n':>5} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
        for route, figures in result["routes"].items():
            print(f"{route:<32} {figures['n']:>5} {figures['p50_ms']:>9.1f} {figures['p95_ms']:>9.1f} {figures['max_ms']:>9.1f}")
        batches = result["batches"]
        print(f"\nthroughput: {result['requests_per_second']} requests/s, {result['contracts_per_second']} contracts/s "
              f"({result['contracts_analysed']} analysed)")
        print(f"batches: {batches['posted']} posted, {batches['accounted']} of {batches['files']} files accounted for "
              f"(bad files' named errors: {batches['file_errors']})")
        print(f"expected 4xx (bad files): {sum(result['expected_4xx'].values())} {result['expected_4xx']}")
        print(f"errors: {len(result['errors'])}")
        for error in result["errors"][:20]:
            print(f"  - {error}")
        print(f"service RSS (server + workers): idle {result['idle_rss_mb']} MB, peak {result['peak_rss_mb']} MB")
        print(f"temporary files left: {len(result['temp_files_left'])}; server exit code {result['server_exit_code']}")
    if result["errors"] or "Traceback" in log:
        if "Traceback" in log:
            print("the server logged a traceback:\n" + log[log.index("Traceback"):][:3000], file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
