"""Every request gets an id: the proxy's `X-Request-ID` when it is a sane token, else a new
one. It is sent back in the same header, stamped on every log record of the request, and
ends the request's access line (method, path, status, duration, client address)."""

from __future__ import annotations

import logging
import re
import uuid
from time import perf_counter

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits, a UUID 36 characters; nothing that could forge a log
# line or a JSON field gets through.
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Probes and scrapes come every few seconds: their lines are debug, not info.
QUIET_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "prometheus_metrics"})

access_log = logging.getLogger("app.access")


def register_request_log(app: Flask) -> None:
    # create_app registers this before any other hook, so that a request which a later hook
    # refuses (414, 429) still has its id and start time.
    app.before_request(_start)
    app.after_request(_finish)


def _start() -> None:
    g.request_started = perf_counter()
    incoming = request.headers.get(HEADER, "")
    g.request_id = incoming if SANE_ID.fullmatch(incoming) else uuid.uuid4().hex


def _finish(response: Response) -> Response:
    response.headers[HEADER] = g.request_id
    duration_ms = round((perf_counter() - g.request_started) * 1000, 1)
    level = logging.DEBUG if request.endpoint in QUIET_ENDPOINTS else logging.INFO
    if access_log.isEnabledFor(level):
        fields = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": duration_ms,
            "remote_addr": request.remote_addr,
        }
        access_log.log(
            level,
            "%(method)s %(path)s %(status)s %(duration_ms)sms %(remote_addr)s",
            fields,
            extra=fields,
        )
    return response
