"""The distributed path: batch files as Celery tasks, Redis (or RabbitMQ) as broker and result backend.

Selected with ``CONTRACT_RISK_JOB_BACKEND=celery``; the job API (``POST /v1/batch``, ``GET /v1/batch/{id}``)
is the same. The service sends one task per file; a worker analyses it and records the result (and, with
``store``, the peer) in the shared database, so progress is the same rows whatever ran the file.

Run a worker (on any machine that reaches the broker and the database; settings from the same
``CONTRACT_RISK_*`` variables)::

    celery -A app.celery_app:celery worker --concurrency 2 --queues contract-risk

Each worker process loads the analyzer once, in the parent before it forks its children. Tasks are
acknowledged after they finish (``acks_late``), so a file whose worker died is delivered again, and
recording is idempotent per (batch, index), so it is recorded once. Messages are JSON (the file bytes as
base64), never pickle.

The same per-file limits as the local pool: a soft time limit (``analysis_timeout_seconds``: the file gets
``analysis_timeout``) backed by a hard one that kills the child (recorded the same way, from the worker's main
process); each child caps its address space (``worker_memory_mb`` above its loaded size: ``file_too_complex``);
a file that has killed its worker ``MAX_ATTEMPTS`` times is recorded as ``worker_crashed`` instead of being
delivered again; a database that is briefly unreachable makes the task retry with backoff.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from typing import Any

from celery import Celery, signals

from app.settings import Settings, get_settings
from rules.context import UserContext

logger = logging.getLogger(__name__)
TASK = "contract_risk.analyze_file"

#: Seconds between the soft time limit (the task records analysis_timeout) and the hard one (the child is killed).
HARD_LIMIT_GRACE = 15.0

#: In a worker: what worker_init built (the analyzer, the database sessions).
_worker: dict[str, Any] = {}


def make_celery(settings: Settings) -> Celery:
    app = Celery("contract_risk", broker=settings.celery_broker_url, backend=settings.celery_result_backend)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_default_queue=settings.celery_queue, result_expires=3600,
        broker_connection_retry_on_startup=True, worker_hijack_root_logger=False,
        task_soft_time_limit=settings.analysis_timeout_seconds,
        task_time_limit=settings.analysis_timeout_seconds + HARD_LIMIT_GRACE,
    )
    from sqlalchemy.exc import OperationalError

    app.task(name=TASK, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)(analyze_file)
    return app


def user_to_json(user: UserContext) -> dict:
    return {"specialty": user.specialty, "state": user.state, "setting": user.setting,
            "signed": user.signed.isoformat() if user.signed else None, "wrvu_levels": list(user.wrvu_levels)}


def user_from_json(raw: dict) -> UserContext:
    return UserContext(raw.get("specialty"), raw.get("state"), raw.get("setting"),
                       dt.date.fromisoformat(raw["signed"]) if raw.get("signed") else None,
                       tuple(raw.get("wrvu_levels") or ()))


def send_file(celery: Celery, batch_id: str, index: int, filename: str, data: bytes, user: UserContext,
              store: bool) -> None:
    celery.send_task(TASK, args=[batch_id, index, filename, base64.b64encode(data).decode("ascii"),
                                 user_to_json(user), store],
                     task_id=f"{batch_id}-{index}")


def analyze_file(batch_id: str, index: int, filename: str, data_b64: str, user: dict, store: bool) -> str:
    """One batch file: analyse, then record the result in the shared database. Returns "ok" or the error code."""
    from celery.exceptions import SoftTimeLimitExceeded

    from app.jobs import MAX_ATTEMPTS, record_outcome, start_attempt
    from app.pool import CRASHED, Outcome, analyse_bytes, timed_out

    if "analyzer" not in _worker:
        _load_worker(get_settings())
    attempt = start_attempt(_sessions(), batch_id, index)
    if attempt is None:
        return "already recorded"
    if attempt > MAX_ATTEMPTS:  # delivered again after its worker died each time: this file kills workers
        outcome = Outcome(error=CRASHED)
    else:
        try:
            outcome = analyse_bytes(_worker["analyzer"], base64.b64decode(data_b64), filename, user_from_json(user),
                                    reraise=(SoftTimeLimitExceeded,))
        except SoftTimeLimitExceeded:
            outcome = timed_out(_worker["settings"].analysis_timeout_seconds)
    record_outcome(_sessions(), batch_id, index, filename, outcome, store)
    return "ok" if outcome.ok else outcome.error[0]


def _load_worker(settings: Settings) -> None:
    from app.analyze import Analyzer
    from app.store.db import make_engine, migrate
    from nlp.extract import ExtractionLimits

    engine = make_engine(settings.database_url)
    migrate(engine)  # a worker may start before any service has created the tables
    engine.dispose()
    _worker["analyzer"] = Analyzer.load(ExtractionLimits(max_bytes=settings.max_upload_bytes,
                                                         max_pages=settings.max_pages))
    _worker["settings"] = settings


def _sessions():
    """Database sessions of this (child) process: engines are never shared across a fork."""
    if "sessions" not in _worker:
        from app.store.db import make_engine, session_factory

        _worker["sessions"] = session_factory(make_engine(_worker["settings"].database_url))
    return _worker["sessions"]


@signals.worker_init.connect
def _on_worker_init(**_kwargs: Any) -> None:
    _load_worker(get_settings())  # in the parent, before the pool forks: children share the loaded models


@signals.worker_process_init.connect
def _on_child_init(**_kwargs: Any) -> None:
    from app.pool import cap_memory

    _worker.pop("sessions", None)  # never use a connection pool inherited across fork
    cap_memory(_worker["settings"].worker_memory_mb if "settings" in _worker else get_settings().worker_memory_mb)


@signals.task_failure.connect
def _on_task_failure(sender: Any = None, exception: BaseException | None = None, args: Any = None,
                     **_kwargs: Any) -> None:
    """A hard time limit killed the child: record the file's named error from the worker's main process."""
    from celery.exceptions import TimeLimitExceeded

    if getattr(sender, "name", None) != TASK or not isinstance(exception, TimeLimitExceeded) or not args:
        return
    from app.jobs import record_outcome
    from app.pool import timed_out

    batch_id, index, filename, _data, _user, store = args
    try:
        record_outcome(_sessions(), batch_id, index, filename, timed_out(_worker["settings"].analysis_timeout_seconds),
                       store)
    except Exception as error:  # noqa: BLE001 - the log says which file stays pending, not its text
        logger.error("could not record the timeout of batch %s file %s: %s", batch_id, index, type(error).__name__)


#: The worker's app (``celery -A app.celery_app:celery worker``), configured from the environment.
celery = make_celery(get_settings())
