"""What an operator watches: logs with a request id (JSON in production), one access line per
request, and Prometheus metrics of every endpoint (see docs/deploy.md). `Observed` is the
WSGI layer that records them; create_app puts it around the app."""

from __future__ import annotations

from flask import Flask

from app.observability.logs import configure_logging, stamp_request_ids
from app.observability.metrics import Observer, register_metrics
from app.observability.middleware import ENDPOINT_KEY, Observed

__all__ = ["ENDPOINT_KEY", "Observed", "register_observability"]


def register_observability(app: Flask) -> Observer | None:
    """Logging and the /metrics view; returns what counts requests, if metrics are on."""
    stamp_request_ids()
    if not app.testing:  # pytest captures the output itself
        configure_logging(app.config["LOG_FORMAT"], app.config["LOG_LEVEL"])
    return register_metrics(app)
