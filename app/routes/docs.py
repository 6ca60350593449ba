"""GET /docs: the OpenAPI reference (Swagger UI) from files shipped with the package, not a CDN.

The machines that run this service may have no internet, and the pages' Content-Security-Policy allows
scripts from this origin only, so the page loads Swagger UI from ``/static/docs`` (the ``fastapi-offline``
package's copy) and starts it from ``/static/docs-init.js`` instead of an inline script.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)
SWAGGER_STATIC = Path(fastapi_offline.__file__).resolve().parent / "static"

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>contract-risk API</title>
  <link rel="icon" href="/static/docs/favicon.png">
  <link rel="stylesheet" href="/static/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui" data-openapi-url="/openapi.json"></div>
  <script src="/static/docs/swagger-ui-bundle.js"></script>
  <script src="/static/docs-init.js"></script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
async def swagger_ui() -> HTMLResponse:
    return HTMLResponse(PAGE)
