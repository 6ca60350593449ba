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

#: In a worker: what worker_init built (the analyzer, the database sessions).
_worker: dict[str, Any] = {}


def make_celery(settings: Settings) -> Celery:
    app = Celery("contract_risk", broker=settings.celery_broker_url, backend=settings.celery_result_backend)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_default_queue=settings.celery_queue, result_expires=3600,
        broker_connection_retry_on_startup=True, worker_hijack_root_logger=False,
    )
    app.task(name=TASK)(analyze_file)
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
    from app.jobs import record_outcome
    from app.pool import analyse_bytes

    if "analyzer" not in _worker:
        _load_worker(get_settings())
    outcome = analyse_bytes(_worker["analyzer"], base64.b64decode(data_b64), filename, user_from_json(user))
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


#: The worker's app (``celery -A app.celery_app:celery worker``), configured from the environment.
celery = make_celery(get_settings())
