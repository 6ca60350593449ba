"""The FastAPI service: ``create_app(settings)``; ``contract-risk serve`` runs it with uvicorn.

The lifespan builds the heavy parts once (the analysis pool, whose worker processes each load the spaCy
pipeline and classifier once, the database engine with migrations applied, the report cache, the batch
runner) and keeps them on ``app.state``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError

from app.analyze import Analyzer
from app.cache import ReportCache
from app.errors import error_response, install_handlers
from app.jobs import CeleryBatchRunner, LocalBatchRunner
from app.middleware import BodySizeLimit, SecurityHeaders
from app.pool import AnalysisPool, InProcessAnalysis
from app.routes import analyze, batch, docs, health, pages, peers
from app.settings import Settings, get_settings
from app.store.db import make_engine, migrate, session_factory, wait_for_database
from nlp.extract import ExtractionLimits

logger = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
#: A request may carry this many upload-size limits' worth of files (a batch).
REQUEST_FILES_FACTOR = 20


def make_analysis(settings: Settings, limits: ExtractionLimits, analyzer: Analyzer | None = None):
    """Worker processes (the default) or threads of this process sharing ``analyzer``."""
    if settings.pool == "thread":
        shared = replace(analyzer, limits=limits) if analyzer else Analyzer.load(limits)
        return InProcessAnalysis(shared, settings.workers)
    return AnalysisPool(settings.workers, limits, timeout_seconds=settings.analysis_timeout_seconds,
                        memory_mb=settings.worker_memory_mb)


def make_runner(settings: Settings, analysis, sessions, cache: ReportCache):
    if settings.job_backend == "celery":
        from app.celery_app import make_celery

        return CeleryBatchRunner(make_celery(settings), sessions, settings.min_cohort, cache)
    return LocalBatchRunner(analysis, sessions, settings.min_cohort, cache)


async def _database_unavailable(request: Request, error: Exception) -> Response:
    """The database went away while serving: a named 503, not a 500 (the log gets the type, not the query)."""
    logger.error("database unavailable: %s", type(error).__name__)
    return error_response(503, "database_unavailable", "The peer database is not reachable right now; try again "
                          "shortly. Analysing a single contract does not need it.", path=request.url.path)


def create_app(settings: Settings | None = None, analyzer: Analyzer | None = None) -> FastAPI:
    """The app; ``analyzer`` lets a caller that already built one (tests, an embedding process) share it."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        limits = ExtractionLimits(max_bytes=settings.max_upload_bytes, max_pages=settings.max_pages)
        app.state.engine = make_engine(settings.database_url)
        wait_for_database(app.state.engine, settings.database_wait_seconds)
        migrate(app.state.engine)
        app.state.sessions = session_factory(app.state.engine)
        app.state.analysis = make_analysis(settings, limits, analyzer)
        await asyncio.get_running_loop().run_in_executor(None, app.state.analysis.warm_up)
        app.state.cache = ReportCache(settings.cache_entries, int(settings.cache_mb * 1024 * 1024))
        app.state.runner = make_runner(settings, app.state.analysis, app.state.sessions, app.state.cache)
        interrupted = app.state.runner.recover()
        if interrupted:
            logger.warning("%d batches from a previous run were interrupted and marked failed", interrupted)
        app.state.ready = True
        yield
        app.state.ready = False
        app.state.runner.shutdown()
        app.state.analysis.shutdown()
        app.state.engine.dispose()

    app = FastAPI(
        title="contract-risk",
        version="1",
        description="Reads a physician employment contract and reports, clause by clause, where the money and "
                    "the traps are. Not legal advice.",
        lifespan=lifespan,
        docs_url=None,  # app/routes/docs.py serves /docs from local files
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.ready = False
    install_handlers(app)
    app.add_exception_handler(OperationalError, _database_unavailable)
    for router in (analyze.router, batch.router, peers.router, health.router, pages.router, docs.router):
        app.include_router(router)
    app.mount("/static/docs", StaticFiles(directory=docs.SWAGGER_STATIC), name="swagger-ui")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodySizeLimit, limit=settings.max_upload_bytes * REQUEST_FILES_FACTOR)
    app.add_middleware(SecurityHeaders)
    return app
