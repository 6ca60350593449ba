"""ASGI middleware: request-body size limit (before the body is read) and security headers."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PAGE_PREFIX

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
     b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
]


class _TooLarge(Exception):
    pass


def _error_body(limit: int) -> bytes:
    message = f"The upload is larger than the limit of {limit / 1048576:.1f} MB."
    return json.dumps({"code": "request_too_large", "message": message, "status": 413, "file": None}).encode()


class BodySizeLimit:
    """Refuse a request whose body exceeds ``limit`` bytes: at once by Content-Length, or as it streams.

    A streamed body (no Content-Length, chunked) is counted as the app reads it; past the limit the read fails
    and no more of the body is read. The app may answer that failure itself (FastAPI turns any error while
    parsing a form into "400 There was an error parsing the body"): that answer is replaced by the 413.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, receive, send)
            return
        received = 0
        started = too_large = refused = False

        async def counting_receive() -> Message:
            nonlocal received, too_large
            if too_large:  # asked again after the refusal: read no more of the body
                raise _TooLarge
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    too_large = True
                    raise _TooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started, refused
            if too_large and not started:  # the app's answer to the body it could not read: the 413 instead
                if not refused:
                    refused = True
                    await self._refuse(scope, receive, send)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if not started and not refused:
                await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("path", "").startswith(PAGE_PREFIX):  # a web form: a readable page
            from app.routes.pages import error_page

            message = f"The upload is larger than the limit of {self.limit / 1048576:.1f} MB."
            await error_page(413, "request_too_large", message)(scope, receive, send)
            return
        body = _error_body(self.limit)
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                names = {name for name, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)
