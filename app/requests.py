"""The platform's request class. Its query and form values answer a lookup of a missing name
without an exception: werkzeug's MultiDict.get looks up by raising BadRequestKeyError (an
HTTP error, costly to build) and catching it, and a schema asks for every field it has,
sent or not. That was a fifth of the time of a search near a point."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Request, current_app, request
from werkzeug.datastructures import ImmutableMultiDict


class Values(ImmutableMultiDict):
    def get(self, key: Any, default: Any = None, type: Any = None) -> Any:  # type: ignore[override]
        if key not in self:  # dict membership: no exception
            return default
        return super().get(key, default, type)


class PlatformRequest(Request):
    parameter_storage_class = Values


def body_limit(setting: str) -> Callable[[Callable], Callable]:
    """A view whose body may be larger than MAX_CONTENT_LENGTH: up to the bytes of `setting`
    (werkzeug answers 413 beyond them, before reading on). The console sets it before its
    CSRF check reads the form (`widen_body_limit`)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            request.max_content_length = current_app.config[setting]
            return view(*args, **kwargs)

        wrapped.body_limit = setting  # type: ignore[attr-defined]
        return wrapped

    return decorator


def widen_body_limit() -> None:
    """In a before-request hook: the limit of the matched view, when it has one of its own
    (`wraps` carries the mark through the decorators above it)."""
    view = current_app.view_functions.get(request.endpoint or "")
    setting = getattr(view, "body_limit", None)
    if setting:
        request.max_content_length = current_app.config[setting]
