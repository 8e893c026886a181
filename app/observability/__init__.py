"""What an operator watches: logs with a request id (JSON in production), one access line per
request, and Prometheus metrics of every endpoint (see docs/deploy.md)."""

from __future__ import annotations

from flask import Flask

from app.observability.logs import configure_logging, stamp_request_ids
from app.observability.metrics import register_metrics
from app.observability.request_log import register_request_log


def register_observability(app: Flask) -> None:
    stamp_request_ids()
    if not app.testing:  # pytest captures the output itself
        configure_logging(app.config["LOG_FORMAT"], app.config["LOG_LEVEL"])
    register_request_log(app)
    register_metrics(app)
