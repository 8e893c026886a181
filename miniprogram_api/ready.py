"""Public reads served as ready answers (app.cache): the serialised JSON of a read, built once
per stamp of its cache and sent with a strong ETag, so that an unchanged answer costs a
lookup, and a client that sends the ETag back as `If-None-Match` gets a bodiless 304.

The decorator goes right under the route, above `@blp.arguments`: a hit skips parsing,
the query and the schema. A key is the path and raw query string of a request whose answer
was a 200, so only queries that passed validation are ever kept. Most hits never reach the
view: the edge in front of Flask (app.cache.edge) sends them."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, current_app, request

from app.cache import AnswerStore, ReadyAnswer, answers
from app.cache.edge import edge_key, ready_response
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import caller_id

_DOC = {
    "parameters": [
        {
            "in": "header",
            "name": "If-None-Match",
            "schema": {"type": "string"},
            "description": "上次答复的 ETag；内容未变时答复 304，不带正文",
        }
    ],
    "responses": {"304": {"description": "内容未变（与 If-None-Match 相同的 ETag）"}},
}


def ready_answer(cache: str):
    """Serve the view's 200 answers from the cache `cache`. For public reads only: a kept
    answer is exposed to the edge (app.cache.edge), which sends it to anyone without
    calling the view."""

    def keep(store: AnswerStore, key: str, stamp: str, body: bytes) -> ReadyAnswer:
        return store.put(cache, key, stamp, ReadyAnswer.of(body))

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            key = edge_key(request.environ)
            answer = _kept(cache, key, lambda: view(*args, **kwargs), keep)
            if isinstance(answer, Response):
                return answer
            # Again on a hit here: the edge's index may have let it go for newer answers.
            answers().expose(cache, key, request.endpoint or "")
            return send_ready(answer)

        return Blueprint.doc(**_DOC)(wrapped)

    return decorator


def own_answer(cache: str):
    """Keep the view's 200 answers per caller in the cache `cache`: a caller's next same
    request, while nothing it is built from changed, costs the token check and a lookup.
    The decorator goes right under `auth_required`. Sent like any answer for one user:
    `Cache-Control: no-store` (app.http_policy), no ETag."""

    def keep(store: AnswerStore, key: str, stamp: str, body: bytes) -> bytes:
        return store.put(cache, key, stamp, body)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            key = f"{caller_id()}:{edge_key(request.environ)}"
            body = _kept(cache, key, lambda: view(*args, **kwargs), keep)
            if isinstance(body, Response):
                return body
            return current_app.response_class(body, mimetype="application/json")

        return wrapped

    return decorator


def _kept(cache: str, key: str, build: Callable[[], Response], keep: Callable) -> Any:
    """What `cache` keeps for `key`; else the view's answer built, and kept by `keep` if
    it is a 200 (anything else is returned as it is, a Response)."""
    store = answers()
    value = store.get(cache, key)
    if value is None:
        stamp = store.stamp(cache)  # before the read: a change during it bumps past
        response = build()
        if response.status_code != 200:
            return response
        value = keep(store, key, stamp, response.get_data())
    return value


def send_ready(answer: ReadyAnswer) -> Response:
    status, headers, body = ready_response(answer, request.environ)
    return current_app.response_class(body, status, headers)
