"""POST /v1/batch and GET /v1/batch/{id}: many contracts, every one accounted for; peers' distribution."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from app.deps import read_upload, require_api_key, settings_of, user_context
from app.errors import ApiError, error_responses
from app.jobs import Upload
from app.routes.common import is_stored_id
from app.routes.schemas import BatchOut

router = APIRouter(prefix="/v1", tags=["batch"])


@router.post("/batch", responses={
    200: {"model": BatchOut, "description": "all files analysed"},
    202: {"model": BatchOut, "description": "queued (a large batch, or a small one past the time limit): poll /v1/batch/{id}"},
    **error_responses(400, 401, 403, 413, 422,
                      s413="the whole request is over the limit (a file over the limit is that file's error)")})
async def create_batch(
    request: Request,
    files: Annotated[list[UploadFile], File(description="Contracts (PDF, DOCX, TXT); each gets a result or a named error.")],
    store: Annotated[bool, Form(description="Keep each contract's redacted terms as a peer (needs an API key when keys are set).")] = False,
    specialty: Annotated[str | None, Form()] = None,
    state: Annotated[str | None, Form()] = None,
    setting: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    settings = settings_of(request)
    if store:
        require_api_key(request)
    if not files:
        raise ApiError(422, "no_files", "Upload at least one file.")
    if len(files) > settings.batch_max_files:
        raise ApiError(422, "too_many_files", f"A batch holds at most {settings.batch_max_files} files.")
    user = user_context(specialty, state, setting)
    uploads = []
    for upload in files:
        try:
            data = await read_upload(upload, settings)
        except ApiError as error:  # an oversized file is that file's error, not the batch's
            uploads.append(Upload(upload.filename or "upload", b"", (error.code, error.message)))
            continue
        uploads.append(Upload(upload.filename or "upload", data))
    runner = request.app.state.runner
    wait = settings.analysis_timeout_seconds if len(uploads) <= settings.batch_sync_max_files else 0.0
    batch_id, finished = await runner.run_or_queue(uploads, user, store, wait)
    if finished:
        return JSONResponse(runner.status(batch_id))
    return JSONResponse(runner.status(batch_id), status_code=202, headers={"location": f"/v1/batch/{batch_id}"})


@router.get("/batch/{batch_id}", responses={
    200: {"model": BatchOut, "description": "progress and results so far",
          "content": {"text/csv": {"schema": {"type": "string"}}}},
    **error_responses(404, 422, s404="no such batch (batch_not_found)")})
async def get_batch(request: Request, batch_id: str, format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Response:
    """Progress and results of a batch; ``?format=csv`` gives one row per contract."""
    found = request.app.state.runner.status(batch_id) if is_stored_id(batch_id) else None
    if found is None:
        raise ApiError(404, "batch_not_found", f"No batch {batch_id}.")
    if format == "csv":
        from app.render.batch_csv import batch_csv

        return Response(batch_csv(found["results"]), media_type="text/csv; charset=utf-8",
                        headers={"content-disposition": f'attachment; filename="batch-{batch_id}.csv"'})
    return JSONResponse(found)
