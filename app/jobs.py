"""Batches of contracts: every file gets a result or a named error, recorded in the database as it finishes.

Two runners with one interface (``submit``, ``run_or_queue``, ``status``, ``recover``), chosen by the
``job_backend`` setting:

- :class:`LocalBatchRunner` (the embedded default): a coordinator thread feeds the files to the analysis pool
  (``app.pool``: worker processes, all cores) with at most ``2 x workers`` files in flight, so memory stays
  bounded however large the batch, and records each result the moment it is done.
- :class:`CeleryBatchRunner` (``app.celery_app``): one Celery task per file on workers anywhere; each worker
  records its own result in the same database.

Per file the result holds the summary and the terms (their words redacted), never the contract text. With
``store`` the analysed contract becomes a peer in the same transaction that records its result, so a failure
never leaves a peer without its result or half a peer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.cache import ReportCache, cache_key
from app.log_safety import describe_exception
from app.pool import Outcome
from app.store import peers
from app.store.db import transaction
from app.store.tables import Batch, BatchFile
from rules.context import UserContext
from rules.report import Report

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted: the service stopped before this batch finished; upload the files again"
#: Batches whose coordinator runs at the same time (more wait, "queued"); each keeps every worker busy.
CONCURRENT_BATCHES = 2
#: A file in flight when its worker process died is tried this many more times.
RETRIES_AFTER_CRASH = 1


@dataclass(frozen=True)
class Upload:
    """One uploaded file, held in memory only; ``refused`` = (code, message) when it was turned away at upload."""

    filename: str
    data: bytes
    refused: tuple[str, str] | None = None


def _redact_words(text: str) -> str:
    from nlp.redact import redact

    return redact(text).text


def file_result(filename: str, report: Report | None, error: tuple[str, str] | None, peer_id: str | None) -> dict:
    """What a batch says about one file (no contract text; term words redacted)."""
    if report is None:
        code, message = error or ("internal_error", "not analysed")
        return {"filename": filename, "status": "error", "error": {"code": code, "message": message},
                "summary": None, "terms": [], "peer_id": None}
    return {
        "filename": filename,
        "status": "ok",
        "error": None,
        "summary": report.summary.model_dump(),
        "terms": [{"name": t.name, "value": t.value, "unit": t.unit, "text": _redact_words(t.text), "page": t.page}
                  for t in report.terms],
        "peer_id": peer_id,
    }


def batch_peers(results: Sequence[dict], min_cohort: int) -> dict:
    """What normal looks like in this batch: per term, the distribution over its analysed contracts."""
    per_contract = []
    for result in results:
        if result["status"] == "ok":
            values: dict[str, float | str] = {}
            for term in result["terms"]:
                values.setdefault(term["name"], term["value"])
            per_contract.append(values)
    return {"contracts": len(per_contract), "min_cohort": min_cohort,
            "terms": peers.distributions(per_contract, min_cohort) if len(per_contract) >= min_cohort else {}}


# ------------------------------------------------------------------------------------------- the store side
#
# A batch's files are rows of batch_files from the start: "pending" (its name and how often a worker took it up)
# until its result replaces it. So a batch always knows every file it was given, and whatever stops it (a restart,
# a worker that keeps dying on one file) ends each file with a result or a named error, never silence.

PENDING = "pending"
#: A file is taken up at most this many times (a worker that dies on it hands it back); then it is an error.
MAX_ATTEMPTS = 3


def _pending(filename: str, attempts: int = 0) -> str:
    return json.dumps({"filename": filename, "status": PENDING, "attempts": attempts})


def create_batch(sessions: sessionmaker[Session], filenames: Sequence[str], store: bool, backend: str) -> str:
    """A new batch with one pending row per file, in one transaction."""
    batch_id = str(uuid.uuid4())
    with transaction(sessions) as session:
        session.add(Batch(id=batch_id, status="queued", total=len(filenames), done=0, store=store, backend=backend))
        session.flush()
        session.add_all([BatchFile(batch_id=batch_id, index=index, result_json=_pending(name))
                         for index, name in enumerate(filenames)])
    return batch_id


class _AlreadyRecorded(Exception):
    """Raised inside a transaction to roll it back: another process recorded this file first."""


def record_outcome(sessions: sessionmaker[Session], batch_id: str, index: int, filename: str,
                   outcome: Outcome, store: bool) -> bool:
    """Record one file's result (and its peer, with ``store``) in one transaction; False when already recorded.

    Idempotent by (batch, index): a task delivered twice (a Celery worker lost mid-task) is recorded once. The
    pending row is replaced only if it is still the row this call read (a compare-and-set in SQL), and the
    counter is advanced in SQL, so workers in several processes never lose or double an update.
    """
    report = Report.model_validate_json(outcome.report_json) if outcome.ok else None
    try:
        with transaction(sessions) as session:
            row = session.execute(select(BatchFile.id, BatchFile.result_json)
                                  .where(BatchFile.batch_id == batch_id, BatchFile.index == index)).first()
            if row is not None and json.loads(row.result_json).get("status") != PENDING:
                return False
            peer_id = peers.add_peer(session, report) if report is not None and store else None
            result = json.dumps(file_result(filename, report, outcome.error, peer_id))
            if row is None:  # a batch created before pending rows existed
                session.add(BatchFile(batch_id=batch_id, index=index, result_json=result))
                session.flush()
            else:
                swapped = session.execute(update(BatchFile)
                                          .where(BatchFile.id == row.id, BatchFile.result_json == row.result_json)
                                          .values(result_json=result))
                if swapped.rowcount != 1:
                    raise _AlreadyRecorded
            session.execute(update(Batch).where(Batch.id == batch_id).values(done=Batch.done + 1))
            live = (Batch.id == batch_id, Batch.status != "failed")  # a failed batch stays failed as it is closed
            session.execute(update(Batch).where(*live).values(status="running"))
            session.execute(update(Batch).where(*live, Batch.done >= Batch.total).values(status="done"))
    except _AlreadyRecorded:
        return False
    return True


def start_attempt(sessions: sessionmaker[Session], batch_id: str, index: int) -> int | None:
    """Count one more take-up of a pending file; its number, or None when the file is already recorded."""
    with transaction(sessions) as session:
        row = session.execute(select(BatchFile.id, BatchFile.result_json)
                              .where(BatchFile.batch_id == batch_id, BatchFile.index == index)).first()
        if row is None:
            return 1
        pending = json.loads(row.result_json)
        if pending.get("status") != PENDING:
            return None
        attempts = int(pending.get("attempts", 0)) + 1
        session.execute(update(BatchFile).where(BatchFile.id == row.id, BatchFile.result_json == row.result_json)
                        .values(result_json=_pending(pending["filename"], attempts)))
        return attempts


def fail_batch(sessions: sessionmaker[Session], batch_id: str, error: str) -> None:
    with transaction(sessions) as session:
        batch = session.get(Batch, batch_id)
        if batch is not None and batch.status != "done":
            batch.status, batch.error = "failed", error[:200]


def end_pending_files(sessions: sessionmaker[Session], batch_id: str, code: str, message: str) -> int:
    """Give every file of the batch still pending the error (code, message); how many there were."""
    with sessions() as session:
        rows = session.execute(select(BatchFile.index, BatchFile.result_json)
                               .where(BatchFile.batch_id == batch_id)).all()
    ended = 0
    for row in rows:
        pending = json.loads(row.result_json)
        if pending.get("status") == PENDING:
            failed = Outcome(error=(code, message))
            ended += record_outcome(sessions, batch_id, row.index, pending["filename"], failed, store=False)
    return ended


def batch_status(sessions: sessionmaker[Session], batch_id: str, min_cohort: int) -> dict | None:
    with sessions() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            return None
        rows = session.scalars(select(BatchFile).where(BatchFile.batch_id == batch_id).order_by(BatchFile.index)).all()
        results = [result for result in (json.loads(row.result_json) for row in rows) if result["status"] != PENDING]
        return {
            "batch_id": batch.id,
            "status": batch.status,
            "progress": {"done": batch.done, "total": batch.total},
            "error": batch.error,
            "stored": batch.store,
            "results": results,
            "peers": batch_peers(results, min_cohort),
        }


# ------------------------------------------------------------------------------------------------ runners

class _Runner:
    """What both runners share: status, waiting for a small batch, cache lookups."""

    backend = "local"

    def __init__(self, sessions: sessionmaker[Session], min_cohort: int, cache: ReportCache | None) -> None:
        self.sessions, self.min_cohort, self.cache = sessions, min_cohort, cache

    def status(self, batch_id: str) -> dict | None:
        return batch_status(self.sessions, batch_id, self.min_cohort)

    def submit(self, uploads: Sequence[Upload], user: UserContext, store: bool) -> str:
        raise NotImplementedError

    def _finished(self, batch_id: str) -> bool:
        found = self.status(batch_id)
        return found is None or found["status"] in ("done", "failed")

    async def run_or_queue(
        self, uploads: Sequence[Upload], user: UserContext, store: bool, wait_seconds: float
    ) -> tuple[str, bool]:
        """Queue the batch and wait up to ``wait_seconds`` for it; returns (batch id, finished in time).

        A batch that takes longer keeps running and is polled by its id.
        """
        batch_id = self.submit(uploads, user, store)
        deadline = time.monotonic() + wait_seconds
        delay = 0.02
        while not self._finished(batch_id):
            if time.monotonic() >= deadline:
                return batch_id, False
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, 0.25)
        return batch_id, True

    def _cached(self, upload: Upload, user: UserContext) -> Outcome | None:
        if self.cache is None or upload.refused is not None:
            return None
        found = self.cache.get(cache_key(upload.data, user), upload.filename)
        return Outcome(report_json=found) if found is not None else None

    def recover(self) -> int:
        """Batches this backend left queued or running in a previous process end as a named error.

        Every file of theirs that had no result yet gets the error ``interrupted`` (its bytes lived only in the
        stopped process's memory: uploads are not stored), so the batch still accounts for every file.
        """
        with self.sessions() as session:
            stale = session.scalars(select(Batch.id).where(Batch.status.in_(("queued", "running")),
                                                           Batch.backend == self.backend)).all()
        for batch_id in stale:
            fail_batch(self.sessions, batch_id, INTERRUPTED)
            end_pending_files(self.sessions, batch_id, "interrupted", INTERRUPTED)
        return len(stale)

    def shutdown(self) -> None:
        return None


class LocalBatchRunner(_Runner):
    """Batches on this machine's analysis pool, fed with bounded files in flight, recorded as they finish."""

    backend = "local"

    def __init__(self, analysis, sessions: sessionmaker[Session], min_cohort: int,
                 cache: ReportCache | None = None) -> None:
        super().__init__(sessions, min_cohort, cache)
        self.analysis = analysis
        self.in_flight = max(2, 2 * analysis.workers)
        self._coordinators = ThreadPoolExecutor(max_workers=CONCURRENT_BATCHES, thread_name_prefix="batch")

    def submit(self, uploads: Sequence[Upload], user: UserContext, store: bool) -> str:
        batch_id = create_batch(self.sessions, [u.filename for u in uploads], store, self.backend)
        self._coordinators.submit(self._process, batch_id, list(uploads), user, store)
        return batch_id

    def _process(self, batch_id: str, uploads: list[Upload], user: UserContext, store: bool) -> None:
        try:
            self._feed(batch_id, uploads, user, store)
        except Exception as error:  # the store failed: say so on the batch (results so far are kept)
            logger.error("batch %s failed: %s\n%s", batch_id, type(error).__name__, describe_exception(error))
            message = f"{type(error).__name__}: the batch stopped; results so far are kept"
            fail_batch(self.sessions, batch_id, message)
            end_pending_files(self.sessions, batch_id, "batch_stopped", message)

    def _feed(self, batch_id: str, uploads: list[Upload], user: UserContext, store: bool) -> None:
        """Keep at most ``in_flight`` files on the pool; record each as it finishes.

        A file whose worker process died (``worker_crashed``: every file in flight on a broken pool gets it) is
        tried once more on the rebuilt pool, so one hostile file costs only itself.
        """
        running: dict[Future[Outcome], tuple[int, Upload, str | None, int]] = {}
        position = 0
        while position < len(uploads) or running:
            while position < len(uploads) and len(running) < self.in_flight:
                upload, index = uploads[position], position
                uploads[position] = Upload(upload.filename, b"")  # held only while in flight from here on
                position += 1
                known = Outcome(error=upload.refused) if upload.refused is not None else self._cached(upload, user)
                if known is not None:
                    record_outcome(self.sessions, batch_id, index, upload.filename, known, store)
                    continue
                key = cache_key(upload.data, user) if self.cache is not None else None
                running[self.analysis.submit(upload.data, upload.filename, user)] = (index, upload, key, 1)
            if not running:
                continue
            finished, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in finished:
                index, upload, key, attempt = running.pop(future)
                outcome = future.result()
                if outcome.error is not None and outcome.error[0] == "worker_crashed" and attempt < RETRIES_AFTER_CRASH + 1:
                    running[self.analysis.submit(upload.data, upload.filename, user)] = (index, upload, key, attempt + 1)
                    continue
                if outcome.ok and key is not None:
                    self.cache.put(key, upload.filename, outcome.report_json)
                record_outcome(self.sessions, batch_id, index, upload.filename, outcome, store)

    def shutdown(self) -> None:
        self._coordinators.shutdown(wait=False, cancel_futures=True)


class CeleryBatchRunner(_Runner):
    """Batches as Celery tasks (one per file) on workers that record their own results in the shared database."""

    backend = "celery"

    def __init__(self, celery, sessions: sessionmaker[Session], min_cohort: int,
                 cache: ReportCache | None = None) -> None:
        super().__init__(sessions, min_cohort, cache)
        self.celery = celery

    def submit(self, uploads: Sequence[Upload], user: UserContext, store: bool) -> str:
        from app.celery_app import send_file

        batch_id = create_batch(self.sessions, [u.filename for u in uploads], store, self.backend)
        for index, upload in enumerate(uploads):
            known = Outcome(error=upload.refused) if upload.refused is not None else self._cached(upload, user)
            if known is not None:
                record_outcome(self.sessions, batch_id, index, upload.filename, known, store)
            else:
                send_file(self.celery, batch_id, index, upload.filename, upload.data, user, store)
        return batch_id

    def recover(self) -> int:
        return 0  # queued files live in the broker and run whenever a worker is up

