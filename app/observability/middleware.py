"""The WSGI layer that observes every request: its id, its access line and its metrics.
It wraps Flask from outside rather than hooking into it: a request that never reaches a
view (a 414, an answer served by the ready-answer edge) is observed too, and the cost is a
function call instead of Flask's per-hook dispatch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from time import perf_counter
from typing import Any

from app.observability.metrics import Observer
from app.observability.request_log import HEADER, current_request_id, log_access, request_id_of

# Set by a layer that answers without Flask; Flask's requests name their own endpoint.
ENDPOINT_KEY = "app.endpoint"
UNMATCHED = "unmatched"  # 404 and 405 from routing: no endpoint

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class Observed:
    def __init__(self, wsgi_app: WSGIApp, observer: Observer | None) -> None:
        self.wsgi_app, self.observer = wsgi_app, observer

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = perf_counter()
        request_id = request_id_of(environ)
        token = current_request_id.set(request_id)
        seen: list[tuple[int, Any]] = []  # the status and Flask's request, once started

        def start(status: str, headers: list, exc_info=None):
            headers.append((HEADER, request_id))
            # Flask's request is still in the environ here; it is gone once Flask returns.
            seen[:] = [(int(status[:3]), environ.get("werkzeug.request"))]
            return start_response(status, headers, exc_info)

        try:
            body = self.wsgi_app(environ, start)
            if seen:
                self._finish(environ, *seen[-1], perf_counter() - started)
            return body
        finally:
            current_request_id.reset(token)

    def _finish(self, environ: dict, status: int, request, seconds: float) -> None:
        endpoint = environ.get(ENDPOINT_KEY) or getattr(request, "endpoint", None)
        path = request.path if request is not None else _decoded_path(environ)
        log_access(environ, path, endpoint, status, seconds)
        if self.observer is not None:
            self.observer.observe(environ["REQUEST_METHOD"], endpoint or UNMATCHED, status, seconds)


def _decoded_path(environ: dict) -> str:
    # WSGI hands the path over as latin-1 characters of its UTF-8 bytes.
    return environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace") or "/"
