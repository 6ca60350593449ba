"""One JSON error shape for every 4xx/5xx: ``{"code", "message", "status", "file"}``.

Domain errors (``nlp.errors``, ``rules.context.ContextError``) know nothing of HTTP; this module maps them.
A 500 says "internal_error" and nothing else (the traceback goes to the log, without contract text: see
:func:`describe_exception`).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.log_safety import describe_exception  # noqa: F401  (re-exported: the handlers log with it)
from nlp.errors import FileTooLarge, InputError, UnsupportedFileType
from rules.context import ContextError

logger = logging.getLogger(__name__)


class ErrorOut(BaseModel):
    code: str
    message: str
    status: int
    file: str | None = None


class ApiError(Exception):
    """An error the API answers with ``status`` and a stable ``code``."""

    def __init__(self, status: int, code: str, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.file = status, code, message, file


#: What each error status means, for the OpenAPI reference (every one answers with :class:`ErrorOut`).
ERROR_DESCRIPTIONS = {
    400: "malformed request (e.g. a multipart body that cannot be parsed)",
    401: "an API key is needed (api_key_required)",
    403: "the API key is not valid (api_key_invalid)",
    404: "no such resource",
    413: "the file (file_too_large) or the whole request (request_too_large) is over the limit",
    415: "not a PDF, DOCX or text file (unsupported_file_type; sniffed from the bytes)",
    422: "invalid request, unreadable contract or context that cannot be understood",
    503: "the analysis did not finish in time (analysis_timeout)",
}


def error_responses(*statuses: int, **overrides: str) -> dict[int | str, dict]:
    """``responses=`` of a route: these error statuses, each with the one error shape.

    ``overrides`` replace a description: ``error_responses(404, s404="no such batch")``.
    """
    return {status: {"model": ErrorOut, "description": overrides.get(f"s{status}", ERROR_DESCRIPTIONS[status])}
            for status in statuses}


#: HTTP status by error code (errors cross the process boundary as codes); any other bad input is 422.
_STATUS_BY_CODE = {FileTooLarge.code: 413, UnsupportedFileType.code: 415, "internal_error": 500, "worker_crashed": 500,
                   "analysis_timeout": 503, "service_stopping": 503}


def status_for_code(code: str) -> int:
    return _STATUS_BY_CODE.get(code, 422)


#: Paths answered with HTML pages (the web forms); errors there are shown as a page, not JSON.
PAGE_PREFIX = "/ui/"


def error_response(status: int, code: str, message: str, file: str | None = None,
                   path: str = "") -> JSONResponse | HTMLResponse:
    if path.startswith(PAGE_PREFIX):
        from app.routes.pages import error_page

        return error_page(status, code, message)
    return JSONResponse(ErrorOut(code=code, message=message, status=status, file=file).model_dump(), status_code=status)


_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 413: "request_too_large", 415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests"}


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, error: ApiError) -> JSONResponse | HTMLResponse:
        return error_response(error.status, error.code, error.message, error.file, request.url.path)

    @app.exception_handler(InputError)
    async def _input(request: Request, error: InputError) -> JSONResponse | HTMLResponse:
        return error_response(status_for_code(error.code), error.code, error.message, path=request.url.path)

    @app.exception_handler(ContextError)
    async def _context(request: Request, error: ContextError) -> JSONResponse | HTMLResponse:
        return error_response(422, "bad_context", str(error), path=request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, error: RequestValidationError) -> JSONResponse | HTMLResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in error.errors()[:5])
        if request.url.path.startswith(PAGE_PREFIX) and any(tuple(e.get("loc", ()))[-1:] in (("file",), ("files",))
                                                            for e in error.errors()):
            problems = "Choose a contract file (PDF, DOCX or text) first."
        return error_response(422, "invalid_request", problems or "invalid request", path=request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        code = _STATUS_CODES.get(error.status_code, "http_error")
        return error_response(error.status_code, code, str(error.detail), path=request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse | HTMLResponse:
        logger.error("internal error on %s %s: %s\n%s", request.method, request.url.path, type(error).__name__,
                     describe_exception(error))
        return error_response(500, "internal_error", "Something went wrong on our side; the error was logged.",
                              path=request.url.path)
