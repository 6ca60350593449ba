"""Analysis on worker processes: every core busy, one Analyzer per process, a crashed worker a named error.

    pool = AnalysisPool(workers=2, limits=ExtractionLimits(...))
    future = pool.submit(data, filename, user)      # concurrent.futures.Future[Outcome]
    outcome = future.result()                        # Outcome.report_json or Outcome.error

The analysis is CPU-bound Python; threads would share one core under the GIL. Each worker process builds its
Analyzer once (spaCy pipeline, cue matchers, classifier) in the pool's initializer, so a contract costs only its
own analysis. Results cross the process boundary as report JSON (no pickled objects). Worker processes are
started with ``spawn``: the service's threads are never forked.

When a worker dies (killed, out of memory), the pool is rebuilt and every file that was in flight on it gets the
error ``worker_crashed``: nothing is silently lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from nlp.extract import ExtractionLimits
from rules.context import UserContext

logger = logging.getLogger(__name__)

#: In a worker process: the Analyzer its initializer built.
_ANALYZER = None


@dataclass(frozen=True)
class Outcome:
    """One file's analysis: the report as JSON, or an error (code, message)."""

    report_json: str | None = None
    error: tuple[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.report_json is not None


def analyse_bytes(analyzer, data: bytes, filename: str, user: UserContext) -> Outcome:
    """Analyse one file with ``analyzer``; bad input and bugs become a named error, never an exception."""
    from nlp.errors import InputError
    from rules.context import ContextError

    try:
        return Outcome(report_json=analyzer.analyze(data, filename, user).model_dump_json())
    except InputError as error:
        return Outcome(error=(error.code, error.message))
    except ContextError as error:
        return Outcome(error=("bad_context", str(error)))
    except Exception as error:  # one bad file never sinks a batch; the log gets the type, not the text
        logger.error("analysis failed: %s", type(error).__name__, exc_info=error)
        return Outcome(error=("internal_error", "This file could not be analysed; the error was logged."))


def _init_worker(limits: ExtractionLimits, use_model: bool) -> None:
    global _ANALYZER
    from app.analyze import Analyzer

    _ANALYZER = Analyzer.load(limits, use_model=use_model)


def _work(data: bytes, filename: str, user: UserContext) -> Outcome:
    return analyse_bytes(_ANALYZER, data, filename, user)


def _ready() -> bool:
    return _ANALYZER is not None


class AnalysisPool:
    """A process pool of analyzers; ``submit`` never raises for a broken pool, it answers with an error."""

    def __init__(self, workers: int, limits: ExtractionLimits | None = None, use_model: bool = True) -> None:
        self.workers = workers
        self._args = (limits or ExtractionLimits(), use_model)
        self._lock = threading.Lock()
        self.restarts = 0
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=self._args)

    def warm_up(self) -> None:
        """Start every worker and load its analyzer now, not on the first upload (fails loudly if they cannot)."""
        futures = [self._executor.submit(_ready) for _ in range(self.workers * 2)]
        try:
            for future in futures:
                future.result()
        except BrokenProcessPool as error:
            raise RuntimeError("the analysis worker processes could not start; see the log above") from error

    def submit(self, data: bytes, filename: str, user: UserContext) -> Future[Outcome]:
        with self._lock:
            try:
                executor = self._executor
                inner = executor.submit(_work, data, filename, user)
            except BrokenProcessPool:
                self._restart()
                executor = self._executor
                inner = executor.submit(_work, data, filename, user)
        outer: Future[Outcome] = Future()

        def settle(done: Future[Outcome]) -> None:
            try:
                outer.set_result(done.result())
            except BrokenProcessPool:
                logger.error("an analysis worker process died; its files are reported as worker_crashed")
                with self._lock:
                    if self._executor is executor:
                        self._restart()
                outer.set_result(Outcome(error=("worker_crashed", "The analysis process stopped while reading this "
                                                                  "file (it may be too complex); nothing was kept.")))
            except Exception as error:  # noqa: BLE001 - a pickling or pool error is this file's error
                outer.set_result(Outcome(error=("internal_error", f"{type(error).__name__} in the analysis pool")))

        inner.add_done_callback(settle)
        return outer

    def _restart(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._start()
        self.restarts += 1

    def pids(self) -> list[int]:
        """The worker processes' ids (health checks, tests)."""
        return [process.pid for process in list(getattr(self._executor, "_processes", {}).values())]

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class InProcessAnalysis:
    """The same interface on threads of this process, sharing one Analyzer (tests, and ``pool="thread"``).

    Uses one core for the analysis itself (the GIL) but starts instantly and needs no second copy of the models.
    """

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
