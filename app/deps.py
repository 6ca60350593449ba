"""Shared pieces of the routes: state access, bounded upload reading, analysis on the pool (cached), API keys."""

from __future__ import annotations

import asyncio
import datetime as dt
import hmac

from fastapi import Request, UploadFile

from app.cache import cache_key
from app.errors import ApiError, status_for_code
from app.settings import Settings
from rules.context import ContextError, UserContext, check_user_context
from rules.report import Report

CHUNK = 1 << 20
#: An upload waits at most this many analysis time limits (its own plus files queued ahead of it).
QUEUE_WAIT_FACTOR = 3


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


async def read_upload(upload: UploadFile, settings: Settings) -> bytes:
    """The file's bytes, refusing it (413) as soon as it passes the size limit."""
    chunks, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > settings.max_upload_bytes:
            raise ApiError(413, "file_too_large",
                           f"The file is larger than the limit of {settings.max_upload_mb:g} MB.", upload.filename)
        chunks.append(chunk)
    return b"".join(chunks)


def user_context(specialty: str | None, state: str | None, setting: str | None,
                 signed: str | None = None, wrvu: str | None = None) -> UserContext:
    """The reader's context from form fields, checked (422 bad_context when not understood)."""
    try:
        date = dt.date.fromisoformat(signed) if signed else None
        levels = tuple(int(float(x)) for x in wrvu.replace(" ", "").split(",") if x) if wrvu else ()
        return check_user_context(UserContext(specialty or None, state or None, setting or None, date, levels))
    except (ValueError, ContextError) as error:
        raise ApiError(422, "bad_context", str(error)) from None


async def analyse_json(request: Request, data: bytes, filename: str, user: UserContext) -> str:
    """The report as JSON: from the cache, or analysed on the pool (the event loop stays free), within the time limit."""
    state = request.app.state
    key = cache_key(data, user)
    cached = state.cache.get(key, filename)
    if cached is not None:
        return cached
    future = state.analysis.submit(data, filename, user)
    # A process pool stops the analysis itself at the time limit (analysis_timeout); then this wait only adds
    # room for files queued ahead of it. Threads cannot be stopped: there the wait is the limit.
    limit = state.settings.analysis_timeout_seconds
    waited = limit * QUEUE_WAIT_FACTOR if getattr(state.analysis, "kills_at_time_limit", False) else limit
    try:
        outcome = await asyncio.wait_for(asyncio.wrap_future(future), timeout=waited)
    except TimeoutError:
        future.cancel()
        raise ApiError(503, "analysis_timeout", f"The analysis did not finish within {waited:g} s; try again later.",
                       filename) from None
    if outcome.error is not None:
        code, message = outcome.error
        raise ApiError(status_for_code(code), code, message, filename)
    state.cache.put(key, filename, outcome.report_json)
    return outcome.report_json


async def analyse(request: Request, data: bytes, filename: str, user: UserContext) -> Report:
    return Report.model_validate_json(await analyse_json(request, data, filename, user))


def require_api_key(request: Request) -> None:
    """When API keys are configured, peer-store writes and deletes need one in ``X-API-Key``."""
    keys = request.app.state.settings.api_keys
    if not keys:
        return
    given = request.headers.get("x-api-key")
    if not given:
        raise ApiError(401, "api_key_required", "This action changes the peer store and needs an API key (X-API-Key).")
    if not any(hmac.compare_digest(given, key) for key in keys):
        raise ApiError(403, "api_key_invalid", "The API key is not valid.")
