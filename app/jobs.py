"""Batches of contracts: every file gets a result or a named error; progress is kept in the database.

Small batches run while the request waits; larger ones run on the runner's worker threads and are
polled with ``GET /v1/batch/{id}``. Per file the result holds the summary and the terms (their words
redacted), never the contract text. With ``store`` each analysed contract becomes a peer in its own
transaction, so a failure never leaves half a peer.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import uuid
from collections.abc import Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.analyze import Analyzer
from app.store import peers
from app.store.db import transaction
from app.store.tables import Batch
from nlp.errors import InputError
from rules.context import ContextError, UserContext
from rules.report import Report

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted: the service stopped before this batch finished; upload the files again"


@dataclass(frozen=True)
class Upload:
    """One uploaded file, held in memory only; ``refused`` = (code, message) when it was turned away at upload."""

    filename: str
    data: bytes
    refused: tuple[str, str] | None = None


def _redact_words(text: str) -> str:
    from nlp.redact import redact

    return redact(text).text


def file_result(upload: Upload, report: Report | None, error: tuple[str, str] | None, peer_id: str | None) -> dict:
    """What a batch says about one file (no contract text; term words redacted)."""
    if report is None:
        code, message = error or ("internal_error", "not analysed")
        return {"filename": upload.filename, "status": "error", "error": {"code": code, "message": message},
                "summary": None, "terms": [], "peer_id": None}
    return {
        "filename": upload.filename,
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


class BatchRunner:
    """Runs batches; owns no contract bytes once a file is analysed."""

    def __init__(self, analyzer: Analyzer, sessions: sessionmaker[Session], executor: Executor, min_cohort: int) -> None:
        self.analyzer, self.sessions, self.executor, self.min_cohort = analyzer, sessions, executor, min_cohort
        self._lock = threading.Lock()
        self._running: dict[str, Future] = {}

    def recover(self) -> int:
        """Batches left queued or running by a previous process end as a named error (nothing silently lost)."""
        with transaction(self.sessions) as session:
            stale = session.scalars(select(Batch).where(Batch.status.in_(("queued", "running")))).all()
            for batch in stale:
                batch.status, batch.error = "failed", INTERRUPTED
            return len(stale)

    def _create(self, total: int, store: bool, status: str) -> str:
        batch_id = str(uuid.uuid4())
        with transaction(self.sessions) as session:
            session.add(Batch(id=batch_id, status=status, total=total, done=0, store=store, results_json="[]"))
        return batch_id

    def _analyse_one(self, upload: Upload, user: UserContext, store: bool) -> dict:
        if upload.refused is not None:
            return file_result(upload, None, upload.refused, None)
        try:
            report = self.analyzer.analyze(upload.data, upload.filename, user)
        except (InputError, ContextError) as error:
            code = getattr(error, "code", "bad_context")
            return file_result(upload, None, (code, getattr(error, "message", str(error))), None)
        except Exception as error:  # one bad file never sinks the batch
            logger.error("batch file failed: %s", type(error).__name__, exc_info=error)
            return file_result(upload, None, ("internal_error", "This file could not be analysed; the error was logged."), None)
        peer_id = None
        if store:
            with transaction(self.sessions) as session:
                peer_id = peers.add_peer(session, report)
        return file_result(upload, report, None, peer_id)

    def _record(self, batch_id: str, result: dict, final: bool) -> None:
        with self._lock, transaction(self.sessions) as session:
            batch = session.get(Batch, batch_id)
            results = json.loads(batch.results_json)
            results.append(result)
            batch.results_json = json.dumps(results)
            batch.done = len(results)
            batch.status = "done" if final else "running"

    def submit(self, uploads: Sequence[Upload], user: UserContext, store: bool) -> str:
        """Queue the batch on the worker threads; returns its id at once."""
        batch_id = self._create(len(uploads), store, "queued")
        future = self.executor.submit(self._process, batch_id, list(uploads), user, store)
        self._running[batch_id] = future
        future.add_done_callback(lambda _done: self._running.pop(batch_id, None))
        return batch_id

    async def run_or_queue(
        self, uploads: Sequence[Upload], user: UserContext, store: bool, wait_seconds: float
    ) -> tuple[str, bool]:
        """Queue the batch and wait up to ``wait_seconds`` for it; returns (batch id, finished in time).

        A batch that takes longer keeps running on the worker threads and is polled by its id.
        """
        batch_id = self.submit(uploads, user, store)
        future = self._running.get(batch_id)
        if future is not None and wait_seconds > 0:
            try:
                await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), timeout=wait_seconds)
            except TimeoutError:
                pass
        return batch_id, future is None or future.done()

    def _process(self, batch_id: str, uploads: list[Upload], user: UserContext, store: bool) -> None:
        try:
            for index, upload in enumerate(uploads):
                result = self._analyse_one(upload, user, store)
                uploads[index] = Upload(upload.filename, b"")  # drop the bytes as soon as they are analysed
                self._record(batch_id, result, final=index == len(uploads) - 1)
        except Exception as error:  # the store failed: say so on the batch
            logger.error("batch %s failed: %s", batch_id, type(error).__name__, exc_info=error)
            with transaction(self.sessions) as session:
                batch = session.get(Batch, batch_id)
                batch.status, batch.error = "failed", f"{type(error).__name__}: the batch stopped; results so far are kept"

    def status(self, batch_id: str) -> dict | None:
        with self.sessions() as session:
            batch = session.get(Batch, batch_id)
            if batch is None:
                return None
            results = json.loads(batch.results_json)
            return {
                "batch_id": batch.id,
                "status": batch.status,
                "progress": {"done": batch.done, "total": batch.total},
                "error": batch.error,
                "stored": batch.store,
                "results": results,
                "peers": batch_peers(results, self.min_cohort),
            }
