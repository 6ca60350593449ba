"""The web page for people who don't use curl: upload, read the report, compare with peers."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from app.deps import analyse, read_upload, require_api_key, settings_of, user_context
from app.errors import ApiError
from app.jobs import Upload
from app.render.common import TERM_LABELS, format_value
from app.render.html import TEMPLATES, render_html
from app.render.plots import distribution_plot
from app.routes.common import is_stored_id
from app.routes.peers import cohort
from app.store import peers
from nlp.errors import InputError
from rules.context import ContextError
from rules.reference import US_STATES, benchmarks

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def _page(name: str, status: int = 200, **values: object) -> HTMLResponse:
    choices = {"specialties": sorted(((k, v.name) for k, v in benchmarks().specialties.items()), key=lambda kv: kv[1]),
               "states": sorted(US_STATES.items(), key=lambda kv: kv[1])}
    return HTMLResponse(_env().get_template(name).render(**choices, **values), status_code=status)


def error_page(status: int, code: str, message: str) -> HTMLResponse:
    """The readable error page of the web forms (the API answers the same errors as JSON)."""
    return _page("error.html", status, message=message, code=code)


def _error_page(error: Exception) -> HTMLResponse:
    if isinstance(error, ApiError):
        return error_page(error.status, error.code, error.message)
    if isinstance(error, InputError):
        return _page("error.html", 422, message=error.message, code=error.code)
    return _page("error.html", 422, message=str(error), code="bad_context")


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> HTMLResponse:
    settings = settings_of(request)
    return _page("index.html", min_cohort=settings.min_cohort, store_allowed=not settings.api_keys)


@router.post("/ui/analyze", response_class=HTMLResponse)
async def ui_analyze(
    request: Request,
    file: Annotated[UploadFile, File()],
    specialty: Annotated[str | None, Form()] = None,
    state: Annotated[str | None, Form()] = None,
    setting: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    settings = settings_of(request)
    try:
        user = user_context(specialty, state, setting)
        data = await read_upload(file, settings)
        report = await analyse(request, data, file.filename or "upload", user)
        chosen = cohort(specialty, state, setting)
    except (ApiError, InputError, ContextError) as error:
        return _error_page(error)
    with request.app.state.sessions() as session:
        compared = peers.compare(session, peers.first_values(report), chosen, settings.min_cohort)
    rows = [{"name": r["name"], "distribution": r.get("distribution"), "value": r["value"]} for r in compared["terms"]]
    plot = distribution_plot(rows)
    section = plot or (f"<p>{compared['contracts']} stored peer contracts match your filters; comparisons need at least "
                       f"{settings.min_cohort} stating the same term.</p>")
    return HTMLResponse(render_html(report, peers_section=section, nav=True))


@router.post("/ui/batch", response_class=HTMLResponse)
async def ui_batch(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    store: Annotated[bool, Form()] = False,
    specialty: Annotated[str | None, Form()] = None,
    state: Annotated[str | None, Form()] = None,
    setting: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    settings = settings_of(request)
    try:
        if store:
            require_api_key(request)
        user = user_context(specialty, state, setting)
        if len(files) > settings.batch_max_files:
            raise ApiError(422, "too_many_files", f"A batch holds at most {settings.batch_max_files} files.")
        uploads = []
        for upload in files:
            try:
                uploads.append(Upload(upload.filename or "upload", await read_upload(upload, settings)))
            except ApiError as error:
                uploads.append(Upload(upload.filename or "upload", b"", (error.code, error.message)))
    except (ApiError, ContextError) as error:
        return _error_page(error)
    runner = request.app.state.runner
    wait = settings.analysis_timeout_seconds if len(uploads) <= settings.batch_sync_max_files else 0.0
    batch_id, finished = await runner.run_or_queue(uploads, user, store, wait)
    if finished:
        return _batch_page(runner.status(batch_id), settings.min_cohort)
    return RedirectResponse(f"/ui/batch/{batch_id}", status_code=303)


@router.get("/ui/batch/{batch_id}", response_class=HTMLResponse)
async def ui_batch_progress(request: Request, batch_id: str) -> HTMLResponse:
    """A queued batch: a progress page that reloads itself until the results are in."""
    found = request.app.state.runner.status(batch_id) if is_stored_id(batch_id) else None
    if found is None:
        return _error_page(ApiError(404, "batch_not_found", "No such batch: it may have been started on another server."))
    if found["status"] in ("queued", "running"):
        return _page("batch_progress.html", batch_id=batch_id, done=found["progress"]["done"],
                     total=found["progress"]["total"])
    return _batch_page(found, settings_of(request).min_cohort)


def _batch_page(found: dict, min_cohort: int) -> HTMLResponse:
    results = found["results"]
    points: dict[str, list[float]] = {}
    for result in results:
        seen: set[str] = set()
        for term in result["terms"]:
            if term["name"] not in seen and isinstance(term["value"], (int, float)):
                points.setdefault(term["name"], []).append(float(term["value"]))
                seen.add(term["name"])
    distributions = {n: d for n, d in found["peers"]["terms"].items() if "median" in d}
    rows = [{"name": n, "distribution": d, "points": points.get(n, [])} for n, d in distributions.items()]
    table = [{"label": TERM_LABELS.get(n, (n, ""))[0], "n": d["n"],
              **{k: format_value(n, float(d[k])) for k in ("min", "p25", "median", "p75", "max")}}
             for n, d in distributions.items()]
    return _page("batch.html", batch_id=found["batch_id"], results=results, total=found["progress"]["total"],
                 ok=sum(1 for r in results if r["status"] == "ok"), plot=distribution_plot(rows), table=table,
                 min_cohort=min_cohort, failed=found["error"])
