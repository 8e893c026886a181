"""JSON through orjson: several times faster than the standard library at dumping the long
lists the mini-program reads, and it writes bytes, which is what a response body is.
Chinese stays readable (UTF-8, never \\uXXXX); keys keep the order the schemas give them."""

from __future__ import annotations

import decimal
import json
from typing import Any

import orjson
from flask import Response, current_app
from flask.json.provider import JSONProvider

_OPTIONS = orjson.OPT_NON_STR_KEYS


def _default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dump_bytes(value: Any, *, indent: bool = False, sort_keys: bool = False) -> bytes:
    option = _OPTIONS | (orjson.OPT_INDENT_2 * indent) | (orjson.OPT_SORT_KEYS * sort_keys)
    try:
        return orjson.dumps(value, default=_default, option=option)
    except TypeError:
        # orjson stops at 64-bit integers (an echoed 10^30, say); the standard library does
        # not, and names the value it cannot write as plainly.
        text = json.dumps(
            value,
            default=_default,
            ensure_ascii=False,
            indent=2 if indent else None,
            sort_keys=sort_keys,
            separators=None if indent else (",", ":"),
        )
        return text.encode()


class OrjsonProvider(JSONProvider):
    def dumps(self, obj: Any, **kwargs: Any) -> str:
        indent, sort_keys = bool(kwargs.get("indent")), bool(kwargs.get("sort_keys"))
        return dump_bytes(obj, indent=indent, sort_keys=sort_keys).decode()

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return orjson.loads(s)

    def response(self, *args: Any, **kwargs: Any) -> Response:
        body = dump_bytes(self._prepare_response_obj(args, kwargs))
        return current_app.response_class(body, mimetype="application/json")
