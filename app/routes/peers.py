"""The peer store: POST /v1/compare, GET /v1/peers/stats, DELETE /v1/peers/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from app.deps import analyse, read_upload, require_api_key, settings_of, user_context
from app.errors import ApiError, error_responses
from app.routes.common import is_stored_id
from app.routes.schemas import CompareOut, StatsOut
from app.store import peers
from app.store.db import transaction
from rules.context import normalise_setting
from rules.reference import normalise_specialty, normalise_state

router = APIRouter(prefix="/v1", tags=["peers"])


def cohort(specialty: str | None, state: str | None, setting: str | None) -> peers.Cohort:
    """Filters from the request, normalised like the stored context (422 when not understood)."""
    try:
        chosen = peers.Cohort(normalise_specialty(specialty) if specialty else None,
                              normalise_state(state) if state else None, normalise_setting(setting))
    except ValueError as error:
        raise ApiError(422, "bad_context", str(error)) from None
    if specialty and chosen.specialty is None:
        raise ApiError(422, "bad_context", f"unknown specialty {specialty!r}")
    if state and chosen.state is None:
        raise ApiError(422, "bad_context", f"unknown US state {state!r}")
    return chosen


@router.post("/compare", responses={
    200: {"model": CompareOut}, **error_responses(400, 404, 413, 415, 422, 503, s404="no such peer id (peer_not_found)")})
async def compare(
    request: Request,
    # Not ``UploadFile | None``: that documents the part as anyOf(file, null), which clients (and schemathesis)
    # do not send as a file; a plain optional file part is what this is.
    file: Annotated[UploadFile, File(description="A contract to compare; or give peer_id.")] = None,  # type: ignore[assignment]
    peer_id: Annotated[str | None, Form(description="A stored peer's id (from a batch with store=true).")] = None,
    specialty: Annotated[str | None, Form()] = None,
    state: Annotated[str | None, Form()] = None,
    setting: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    """Each term of the contract with its percentile among stored peers of the cohort (hidden below the minimum)."""
    settings = settings_of(request)
    chosen = cohort(specialty, state, setting)
    if file is not None:
        data = await read_upload(file, settings)
        report = await analyse(request, data, file.filename or "upload", user_context(specialty, state, setting))
        values = peers.first_values(report)
    elif peer_id:
        values = None
        if is_stored_id(peer_id):
            with request.app.state.sessions() as session:
                values = peers.get_peer_values(session, peer_id)
        if values is None:
            raise ApiError(404, "peer_not_found", f"No stored peer {peer_id}.")
    else:
        raise ApiError(422, "nothing_to_compare", "Upload a file or give a peer_id.")
    with request.app.state.sessions() as session:
        return JSONResponse(peers.compare(session, values, chosen, settings.min_cohort))


@router.get("/peers/stats", responses={200: {"model": StatsOut}, **error_responses(422)})
async def peer_stats(
    request: Request,
    specialty: Annotated[str | None, Query()] = None,
    state: Annotated[str | None, Query()] = None,
    setting: Annotated[str | None, Query()] = None,
) -> JSONResponse:
    """Per term, the distribution (n, min, p25, median, p75, max) over the stored peers of a cohort."""
    with request.app.state.sessions() as session:
        return JSONResponse(peers.stats(session, cohort(specialty, state, setting), settings_of(request).min_cohort))


@router.delete("/peers/{peer_id}", status_code=204,
               responses=error_responses(401, 403, 404, 422, s404="no such peer (peer_not_found)"))
async def delete_peer(request: Request, peer_id: str) -> Response:
    require_api_key(request)
    if not is_stored_id(peer_id):
        raise ApiError(404, "peer_not_found", f"No stored peer {peer_id}.")
    with transaction(request.app.state.sessions) as session:
        if not peers.delete_peer(session, peer_id):
            raise ApiError(404, "peer_not_found", f"No stored peer {peer_id}.")
    return Response(status_code=204)
