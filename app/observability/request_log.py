"""Every request gets an id: the proxy's `X-Request-ID` when it is a sane token, else a new
one. It is sent back in the same header, stamped on every log record of the request (through
a context variable, so records written after Flask's context is gone carry it too), and ends
the request's access line (method, path, status, duration, client address)."""

from __future__ import annotations

import logging
import os
import re
from contextvars import ContextVar

HEADER = "X-Request-ID"
# nginx's $request_id is 32 hex digits, a UUID 36 characters; nothing that could forge a log
# line or a JSON field gets through.
SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
NO_REQUEST = "-"
# Probes and scrapes come every few seconds: their lines are debug, not info.
QUIET_ENDPOINTS = frozenset({"health.healthz", "health.readyz", "prometheus_metrics"})

current_request_id: ContextVar[str] = ContextVar("request_id", default=NO_REQUEST)
access_log = logging.getLogger("app.access")


def request_id_of(environ: dict) -> str:
    incoming = environ.get("HTTP_X_REQUEST_ID")
    if incoming and SANE_ID.fullmatch(incoming):
        return incoming
    return os.urandom(16).hex()  # as random as uuid4().hex, a quarter of the cost


def log_access(environ: dict, path: str, endpoint: str | None, status: int, seconds: float) -> None:
    level = logging.DEBUG if endpoint in QUIET_ENDPOINTS else logging.INFO
    if not access_log.isEnabledFor(level):
        return
    fields = {
        "method": environ["REQUEST_METHOD"],
        "path": path,
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "remote_addr": environ.get("REMOTE_ADDR"),
    }
    access_log.log(
        level,
        "%(method)s %(path)s %(status)s %(duration_ms)sms %(remote_addr)s",
        fields,
        extra=fields,
    )
