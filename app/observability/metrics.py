"""Prometheus metrics at `/metrics`: requests and their latency per endpoint (the Flask
endpoint name, never the raw path, so ids do not multiply the series). Under gunicorn every
worker writes its counts to files in PROMETHEUS_MULTIPROC_DIR and a scrape sums them
(gunicorn.conf.py sets it up). Only addresses in METRICS_ALLOW may scrape."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from flask import Flask, current_app, request
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_flask_exporter import PrometheusMetrics
from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

from app.errors import Forbidden

# Seconds: the API answers in milliseconds, WeChat calls give up after 5 s.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
LABELS = ("method", "endpoint", "status")
SCRAPE_ENDPOINT = "prometheus_metrics"  # the exporter's name for its view


class Observer:
    """The exporter's default metrics count requests by method and status only; ours carry
    the endpoint as well, and one call feeds both series."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "http_requests_total", "HTTP requests answered", LABELS, registry=registry
        )
        self.latency = Histogram(
            "http_request_duration_seconds",
            "Time from the request's arrival at the app to its answer",
            LABELS,
            buckets=BUCKETS,
            registry=registry,
        )
        # The series of each (method, endpoint, status): labels() validates and locks.
        self._series: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def observe(self, method: str, endpoint: str, status: int, seconds: float) -> None:
        if endpoint == SCRAPE_ENDPOINT:
            return
        series = self._series.get((method, endpoint, status))
        if series is None:
            labels = (method, endpoint, str(status))
            series = self.requests.labels(*labels), self.latency.labels(*labels)
            self._series[method, endpoint, status] = series
        series[0].inc()
        series[1].observe(seconds)


def register_metrics(app: Flask) -> Observer | None:
    if not app.config["METRICS_ENABLED"]:
        return None
    registry = CollectorRegistry()  # one per app, so tests may build several apps
    _exporter_class()(
        app,
        path="/metrics",
        export_defaults=False,
        registry=registry,
        metrics_decorator=_only_allowed,
    )
    return Observer(registry)


def _exporter_class() -> type[PrometheusMetrics]:
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not directory:
        return PrometheusMetrics
    # gunicorn.conf.py makes it; a `flask` command run with the server's settings may come first.
    Path(directory).mkdir(parents=True, exist_ok=True)
    return GunicornInternalPrometheusMetrics


def _only_allowed(view: Callable) -> Callable:
    @wraps(view)
    def guarded(*args, **kwargs):
        if not _may_scrape():
            raise Forbidden("无权查看监控指标")
        return view(*args, **kwargs)

    return guarded


def _may_scrape() -> bool:
    """From an address of METRICS_ALLOW. A request relayed by a proxy that the app was not told
    to trust (PROXY_COUNT=0) would look local, so it is refused."""
    if "X-Forwarded-For" in request.headers and not current_app.config["PROXY_COUNT"]:
        return False
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        return False
    return any(address in network for network in current_app.config["METRICS_ALLOW"])
