"""GET /healthz (the process answers) and GET /readyz (analyzer loaded and database reachable)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from app.routes.schemas import HealthOut, ReadyOut
from app.store.db import ping

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut)
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={200: {"model": ReadyOut}, 503: {"model": ReadyOut, "description": "not ready"}})
async def readyz(request: Request) -> JSONResponse:
    state = request.app.state
    checks = {"analyzer": bool(getattr(state, "ready", False)),
              "database": bool(getattr(state, "engine", None)) and ping(state.engine)}
    ready = all(checks.values())
    return JSONResponse({"status": "ready" if ready else "not_ready", "checks": checks}, status_code=200 if ready else 503)
