"""Public reads served as ready answers (app.cache): the serialised JSON of a read, built once
per stamp of its cache and sent with a strong ETag, so that an unchanged answer costs a
lookup, and a client that sends the ETag back as `If-None-Match` gets a bodiless 304.

The decorator goes right under the route, above `@blp.arguments`: a hit skips parsing,
the query and the schema. A key is the path and raw query string of a request whose answer
was a 200, so only queries that passed validation are ever kept."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Response, current_app, request

from app.cache import ReadyAnswer, answers
from miniprogram_api.blueprint import Blueprint

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


def ready_answer(cache: str, unless: Callable[[], bool] | None = None):
    """Serve the view's 200 answers from the cache `cache`, except for requests for which
    `unless()` is true (a search whose keys would be endless, say)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if unless is not None and unless():
                return view(*args, **kwargs)
            store, key = answers(), request.full_path
            answer = store.get(cache, key)
            if answer is None:
                stamp = store.stamp(cache)  # before the read: a change during it bumps past
                response = view(*args, **kwargs)
                if response.status_code != 200:
                    return response
                answer = store.put(cache, key, stamp, ReadyAnswer.of(response.get_data()))
            return send_ready(answer)

        return Blueprint.doc(**_DOC)(wrapped)

    return decorator


def send_ready(answer: ReadyAnswer) -> Response:
    if "If-None-Match" in request.headers and request.if_none_match.contains(answer.etag):
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(answer.body, mimetype="application/json")
    response.set_etag(answer.etag)
    response.headers["Cache-Control"] = "no-cache"  # keep it, but ask before using it
    return response
