"""POST /v1/analyze: one contract in, report v1 out (JSON, or Markdown, HTML or PDF by ?format=)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from app.deps import analyse_json, read_upload, settings_of, user_context
from app.errors import error_responses
from app.render import RENDERERS
from app.routes.common import check_wrvu_levels, content_disposition
from rules.report import Report

router = APIRouter(prefix="/v1", tags=["analyze"])
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@router.post("/analyze", response_model=Report, responses={
    200: {"content": {"text/markdown": {}, "text/html": {}, "application/pdf": {}}},
    **error_responses(400, 413, 415, 422, 503)})
async def analyze_contract(
    request: Request,
    file: Annotated[UploadFile, File(description="The contract: PDF, DOCX or plain text.")],
    specialty: Annotated[str | None, Form()] = None,
    state: Annotated[str | None, Form(description="US state you will practise in")] = None,
    setting: Annotated[str | None, Form(description="employed, private_group or academic")] = None,
    signed: Annotated[str | None, Form(description="date the contract is signed, YYYY-MM-DD")] = None,
    wrvu: Annotated[str | None, Form(description="wRVU levels for the pay projection, e.g. 4500,6000")] = None,
    format: Annotated[Literal["json", "md", "html", "pdf"], Query()] = "json",
) -> Response | Report:
    """Analyse one contract. Nothing is stored: the file is read into memory and dropped after the reply."""
    check_wrvu_levels(wrvu)
    user = user_context(specialty, state, setting, signed, wrvu)
    data = await read_upload(file, settings_of(request))
    report_json = await analyse_json(request, data, file.filename or "upload", user)
    if format == "json":
        return Response(report_json, media_type="application/json")
    report = Report.model_validate_json(report_json)
    if format == "pdf":
        from app.render.pdf import render_pdf

        body = render_pdf(report)
    else:
        body = RENDERERS[format](report).encode("utf-8")
    stem = (file.filename or "contract").rsplit(".", 1)[0]
    return Response(body, media_type=MEDIA[format],
                    headers={"content-disposition": content_disposition("inline", f"{stem}.report.{format}")})
