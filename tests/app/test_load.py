"""The service under load, live: benchmarks/load.py --quick against uvicorn in a subprocess (marked ``load``).

One run (module fixture): 4 clients, 36 actions (uploads, batches of 2-8 files answered at once or queued and
polled, bad files, statistics) against the real server with its default process pool and SQLite, every logger of
the server at DEBUG. Asserted: no errors, every batch file accounted for, the expected 4xx for the bad files, no
temporary file left, a clean shutdown, and no contract text and no traceback in the server's log. No timing is
asserted (the figures are printed: ``pytest -s``).

The same kind of live server then takes raw HTTP requests over the upload limit, declared (Content-Length) and
streamed (chunked, no length): 413 with the JSON error, long before the whole body is sent.
"""

from __future__ import annotations

import json
import select
import socket
import sys
import time
from pathlib import Path

import pytest

from tests.app.test_privacy import SAMPLE_FILES, leaked, sample_text
from tests.conftest import ROOT

pytestmark = pytest.mark.load

sys.path.insert(0, str(ROOT / "benchmarks"))
import load  # noqa: E402 - benchmarks/ is not a package


@pytest.fixture(scope="module")
def quick_run() -> dict:
    result = load.run(quick=True, log_level="debug")
    figures = {k: v for k, v in result.items() if k != "server_log"}
    print(json.dumps(figures, indent=2))
    return result


def test_the_quick_load_run_has_no_errors(quick_run):
    assert quick_run["errors"] == []
    assert quick_run["server_exit_code"] == 0


def test_every_action_ran_and_every_batch_file_is_accounted_for(quick_run):
    assert set(quick_run["actions"]) == {"analyze", "batch", "bad", "stats"}
    batches = quick_run["batches"]
    assert batches["posted"] >= 4 and batches["files"] == batches["accounted"] > 0
    assert sum(quick_run["expected_4xx"].values()) == quick_run["actions"]["bad"]
    assert {"POST /v1/analyze", "POST /v1/batch", "GET /v1/batch/{id}"} <= set(quick_run["routes"]), \
        "some batch was queued and polled"
    assert quick_run["contracts_analysed"] > 0 and quick_run["peak_rss_mb"] > 0


def test_the_server_left_no_temporary_files(quick_run):
    assert quick_run["temp_files_left"] == []


def test_the_servers_debug_log_holds_no_contract_text(quick_run):
    log = quick_run["server_log"]
    assert "DEBUG" in log and "POST /v1/analyze" in log, "the log was captured at DEBUG"
    assert "Traceback" not in log
    assert leaked(log, {path.stem: sample_text(path) for path in SAMPLE_FILES}) == {}


# --- the upload limit on a live server ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    """One worker, uploads up to 0.05 MB (so requests up to 20 x 0.05 MB = 1 MiB)."""
    server = load.Server(Path(tmp_path_factory.mktemp("limit")), workers=1,
                         extra_env={"CONTRACT_RISK_MAX_UPLOAD_MB": "0.05"})
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def _send_until_answered(port: int, head: bytes, chunks, timeout: float = 30.0) -> tuple[bytes, int]:
    """Send ``head`` then the chunks until the server answers; (the answer, body bytes sent)."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(head)
        deadline = time.monotonic() + timeout
        for chunk in chunks:
            readable, _, _ = select.select([connection], [], [], 0)
            if readable or time.monotonic() > deadline:
                break
            try:
                connection.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        answer = b""
        connection.settimeout(timeout)
        try:
            while b"\r\n\r\n" not in answer or len(answer) < answer.index(b"\r\n\r\n") + 4 + _length(answer):
                data = connection.recv(65536)
                if not data:
                    break
                answer += data
        except (ConnectionResetError, TimeoutError):
            pass
    return answer, sent


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def _json_413(answer: bytes) -> dict:
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413"), answer[:300]
    assert b"content-type: application/json" in head.lower()
    assert b"x-content-type-options: nosniff" in head.lower()
    return json.loads(body)


MB = 1 << 20
MULTIPART_HEAD = (b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
                  b"Content-Type: text/plain\r\n\r\n")


def test_a_declared_length_over_the_limit_is_refused_before_the_body(small_server):
    declared = 200 * MB
    head = (f"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
            f"Content-Length: {declared}\r\n\r\n").encode()
    answer, sent = _send_until_answered(small_server.port, head, (b"x" * 65536 for _ in range(declared // 65536)))
    error = _json_413(answer)
    assert (error["code"], error["status"]) == ("request_too_large", 413)
    assert sent < 32 * MB, f"{sent / MB:.0f} MiB sent before the answer"


def test_a_streamed_body_over_the_limit_is_refused_early(small_server):
    head = (b"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")

    def chunks():
        yield b"%x\r\n%s\r\n" % (len(MULTIPART_HEAD), MULTIPART_HEAD)
        piece = b"x" * 65536
        for _ in range(200 * MB // len(piece)):
            yield b"%x\r\n%s\r\n" % (len(piece), piece)

    answer, sent = _send_until_answered(small_server.port, head, chunks())
    error = _json_413(answer)
    assert (error["code"], error["status"]) == ("request_too_large", 413)
    assert sent < 32 * MB, f"{sent / MB:.0f} MiB sent before the answer"


def test_the_server_still_answers_after_refusing(small_server):
    body = MULTIPART_HEAD + b"Physician shall give ninety (90) days notice.\r\n--XyZ--\r\n"
    head = (f"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=XyZ\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    answer, _ = _send_until_answered(small_server.port, head + body, iter(()))
    assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
