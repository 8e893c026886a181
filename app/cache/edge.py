"""The edge of the ready answers: a WSGI layer in front of Flask that sends a public answer
straight from the store (a bodiless 304 when the client's ETag matches) while the stamp it
was built under holds. Only answers that a view exposed are sent there, to requests
without a token; anything else, and any answer gone stale, goes on to Flask, whose view
builds and exposes it again. The view answers through `ready_response` too, so a request
gets the same status, headers and body whichever of the two answered it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from werkzeug.http import parse_etags

from app.cache.store import AnswerStore, ReadyAnswer
from app.observability import ENDPOINT_KEY

NOT_MODIFIED, OK = "304 Not Modified", "200 OK"
# Keep it, but ask before using it: the ETag makes asking cheap.
REVALIDATE = ("Cache-Control", "no-cache")


def edge_key(environ: dict) -> str:
    """The request an answer is kept for: its path and raw query string."""
    return f"{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"


def ready_response(answer: ReadyAnswer, environ: dict) -> tuple[str, list, bytes]:
    """Status line, headers and body of `answer` for the request `environ`."""
    etag = ("ETag", f'"{answer.etag}"')
    matches = environ.get("HTTP_IF_NONE_MATCH")
    if matches and parse_etags(matches).contains(answer.etag):
        return NOT_MODIFIED, [etag, REVALIDATE], b""
    length = ("Content-Length", str(len(answer.body)))
    return OK, [("Content-Type", "application/json"), length, etag, REVALIDATE], answer.body


class ReadyEdge:
    def __init__(self, wsgi_app: Callable, store: AnswerStore) -> None:
        self.wsgi_app, self.store = wsgi_app, store

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD") == "GET" and "HTTP_AUTHORIZATION" not in environ:
            found = self.store.public(edge_key(environ))
            if found is not None:
                environ[ENDPOINT_KEY], answer = found
                status, headers, body = ready_response(answer, environ)
                start_response(status, headers)
                return [body]
        return self.wsgi_app(environ, start_response)
