"""Analysis on worker processes: every core busy, one Analyzer per process, each file within its limits.

    pool = AnalysisPool(workers=2, limits=ExtractionLimits(...), timeout_seconds=60, memory_mb=1024)
    future = pool.submit(data, filename, user)      # concurrent.futures.Future[Outcome]
    outcome = future.result()                        # Outcome.report_json or Outcome.error

The analysis is CPU-bound Python; threads would share one core under the GIL. Each worker process builds its
Analyzer once (spaCy pipeline, cue matchers, classifier) when it starts, so a contract costs only its own analysis.
Files and results cross the process boundary over a pipe (results as report JSON). Worker processes are started
with ``spawn``: the service's threads are never forked.

Every file runs within limits, enforced from outside the analysis, so a hostile file costs only itself:

- **time**: a file still running after ``timeout_seconds`` has its worker process killed (SIGKILL) and gets the
  error ``analysis_timeout``; a fresh worker takes its place. Only that file is affected: each worker holds one
  file at a time and the pool knows which.
- **memory**: once its analyzer is loaded, a worker caps its own address space (``RLIMIT_AS``) at what it uses
  then plus ``memory_mb``; a file that needs more gets ``file_too_complex`` (the worker then restarts, clean).
- **crashes**: a worker that dies otherwise (a crash in a C library, the kernel's OOM killer) gives its file
  ``worker_crashed``; a fresh worker takes its place.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
from concurrent.futures import Future
from dataclasses import dataclass

from app.log_safety import describe_exception
from nlp.extract import ExtractionLimits
from rules.context import UserContext

logger = logging.getLogger(__name__)

CRASHED = ("worker_crashed", "The analysis process stopped while reading this file (it may be malformed or too "
                             "complex); nothing was kept.")
TOO_COMPLEX = ("file_too_complex", "This file needs more memory than one contract may use; it may be malformed, or "
                                   "not a contract.")


@dataclass(frozen=True)
class Outcome:
    """One file's analysis: the report as JSON, or an error (code, message)."""

    report_json: str | None = None
    error: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.report_json is not None


def timed_out(seconds: float) -> Outcome:
    return Outcome(error=("analysis_timeout", f"The analysis took longer than {seconds:g} s and was stopped; the "
                                              "file may be malformed or far longer than a contract."))


def analyse_bytes(analyzer, data: bytes, filename: str, user: UserContext,
                  reraise: tuple[type[BaseException], ...] = ()) -> Outcome:
    """Analyse one file with ``analyzer``; bad input and bugs become a named error, never an exception
    (except the ``reraise`` types: a caller's own time limit)."""
    from nlp.errors import InputError
    from rules.context import ContextError

    try:
        return Outcome(report_json=analyzer.analyze(data, filename, user).model_dump_json())
    except reraise:
        raise
    except InputError as error:
        return Outcome(error=(error.code, error.message))
    except ContextError as error:
        return Outcome(error=("bad_context", str(error)))
    except MemoryError:
        logger.error("analysis ran out of memory (limit reached)")
        return Outcome(error=TOO_COMPLEX)
    except RecursionError:
        logger.error("analysis exceeded the recursion limit")
        return Outcome(error=TOO_COMPLEX)
    except Exception as error:  # one bad file never sinks a batch; the log gets the type, not the text
        logger.error("analysis failed: %s\n%s", type(error).__name__, describe_exception(error))
        return Outcome(error=("internal_error", "This file could not be analysed; the error was logged."))


# ------------------------------------------------------------------------------------------ worker process

def _address_space_bytes() -> int:
    """This process's current virtual memory size (what RLIMIT_AS counts)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def cap_memory(extra_mb: int) -> int | None:
    """Cap this process's address space at its current size + ``extra_mb``; the cap in bytes (None: not capped)."""
    import resource

    if extra_mb <= 0:
        return None
    try:
        limit = _address_space_bytes() + extra_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
        return limit
    except (OSError, ValueError) as error:  # no /proc, or a hard limit below ours: run uncapped, say so
        logger.warning("could not cap the analysis worker's memory: %s", error)
        return None


def _worker_main(conn, limits: ExtractionLimits, use_model: bool, memory_mb: int) -> None:
    """A worker process: load the analyzer, say ready, then analyse one file per message until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the service, which stops its workers
    from app.analyze import Analyzer

    analyzer = Analyzer.load(limits, use_model=use_model)
    analyse_bytes(analyzer, b"Warm-up. The Practice shall pay Physician a base salary of $1 per year.", "warm-up.txt",
                  UserContext())  # first-call costs (regex compiles, vocab growth) before the memory cap
    cap_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the service is gone: so are we
            return
        except MemoryError:  # the file alone is past the memory cap
            conn.send(Outcome(error=TOO_COMPLEX))
            return
        if message is None:
            return
        data, filename, user = message
        outcome = analyse_bytes(analyzer, data, filename, user)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            return
        if outcome.error == TOO_COMPLEX:
            return  # after a MemoryError a fresh process is the safe place for the next file


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, args: tuple) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, *args), daemon=True,
                                       name="contract-risk-analysis")
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        try:
            return self.conn.poll(timeout) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


#: How long a worker may take to load its analyzer.
START_TIMEOUT = 120.0


class AnalysisPool:
    """``workers`` analysis processes, each file run within the limits above; ``submit`` never raises."""

    kills_at_time_limit = True

    def __init__(self, workers: int, limits: ExtractionLimits | None = None, use_model: bool = True,
                 timeout_seconds: float = 60.0, memory_mb: int = 1024) -> None:
        self.workers = workers
        self.timeout_seconds = timeout_seconds
        self._args = (limits or ExtractionLimits(), use_model, memory_mb)
        self._context = multiprocessing.get_context("spawn")
        self._tasks: queue.Queue = queue.Queue()
        self._slots: list[_Worker | None] = [None] * workers
        self._started = [threading.Event() for _ in range(workers)]
        self._closed = False
        self.restarts = 0
        self.timeouts = 0
        self._threads = [threading.Thread(target=self._serve, args=(slot,), daemon=True, name=f"analysis-{slot}")
                         for slot in range(workers)]
        for thread in self._threads:
            thread.start()

    # -- the public side
    def warm_up(self) -> None:
        """Start every worker and load its analyzer now, not on the first upload (fails loudly if they cannot)."""
        for slot, started in enumerate(self._started):
            started.wait(START_TIMEOUT + 5)
            if self._slots[slot] is None:
                raise RuntimeError("the analysis worker processes could not start; see the log above")

    def submit(self, data: bytes, filename: str, user: UserContext) -> Future[Outcome]:
        future: Future[Outcome] = Future()
        if self._closed:
            future.set_result(Outcome(error=("service_stopping", "The service is stopping; try again shortly.")))
        else:
            self._tasks.put((future, data, filename, user))
        return future

    def pids(self) -> list[int]:
        """The worker processes' ids (health checks, tests)."""
        return [w.process.pid for w in list(self._slots) if w is not None and w.process.pid is not None]

    def shutdown(self) -> None:
        self._closed = True
        for _ in self._threads:
            self._tasks.put(None)
        for thread in self._threads:
            thread.join(10)
        for slot, worker in enumerate(self._slots):
            if worker is not None:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
                worker.process.join(5)
                worker.kill()
                self._slots[slot] = None

    # -- the dispatcher side: one thread per worker slot
    def _start(self) -> _Worker | None:
        worker = _Worker(self._context, self._args)
        if worker.wait_ready(START_TIMEOUT):
            return worker
        if not self._closed:
            logger.error("an analysis worker process failed to start (exit code %s)", worker.process.exitcode)
        worker.kill()
        return None

    def _replace(self, slot: int) -> None:
        """Kill the slot's worker and start its successor now (in this slot's thread), ready for the next file."""
        worker = self._slots[slot]
        if worker is not None:
            worker.kill()
        self.restarts += 1
        self._slots[slot] = None if self._closed else self._start()

    def _serve(self, slot: int) -> None:
        self._slots[slot] = self._start()  # each slot's own thread starts its worker: no two start one slot
        self._started[slot].set()
        while True:
            task = self._tasks.get()
            if task is None:
                return
            future, data, filename, user = task
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(self._run(slot, data, filename, user))
            except Exception as error:  # noqa: BLE001 - a pool fault is this file's named error, never a hang
                logger.error("analysis pool fault: %s\n%s", type(error).__name__, describe_exception(error))
                future.set_result(Outcome(error=("internal_error", f"{type(error).__name__} in the analysis pool")))

    def _run(self, slot: int, data: bytes, filename: str, user: UserContext) -> Outcome:
        worker = self._slots[slot]
        if worker is None or not worker.process.is_alive():  # died while idle, or its successor failed to start
            if worker is not None:
                self._replace(slot)
            else:
                self._slots[slot] = self._start()
            worker = self._slots[slot]
            if worker is None:
                return Outcome(error=CRASHED)
        try:
            worker.conn.send((data, filename, user))
        except OSError:
            pass  # it stopped reading (the file is past its memory cap, or it died): its answer or its end says which
        try:
            if not worker.conn.poll(self.timeout_seconds):
                logger.error("an analysis passed %g s; its worker process was killed", self.timeout_seconds)
                self.timeouts += 1
                self._replace(slot)
                return timed_out(self.timeout_seconds)
            outcome = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(5)
            logger.error("an analysis worker process died (exit code %s); its file is reported as worker_crashed",
                         worker.process.exitcode)
            self._replace(slot)
            return Outcome(error=CRASHED)
        if outcome.error == TOO_COMPLEX:
            self._replace(slot)
        return outcome


class InProcessAnalysis:
    """The same interface on threads of this process, sharing one Analyzer (tests, and ``pool="thread"``).

    Uses one core for the analysis itself (the GIL) but starts instantly and needs no second copy of the models.
    No limits are enforced: a thread cannot be stopped (the service's default is the process pool).
    """

    kills_at_time_limit = False

    def __init__(self, analyzer, workers: int) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.analyzer, self.workers = analyzer, workers
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="analyse")

    def warm_up(self) -> None:
        return None

    def submit(self, data: bytes, filename: str, user: UserContext) -> Future[Outcome]:
        return self._executor.submit(analyse_bytes, self.analyzer, data, filename, user)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
