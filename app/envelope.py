"""The one place that turns every error into the contract's envelope:
`{"error": {"code": "UPPER_SNAKE_CASE", "message": "中文说明", "details": {...}}}`.

Domain errors carry their own status, code and message (`app.errors`); HTTP errors raised
outside the services (routing, webargs, Flask-Limiter, Werkzeug) get theirs from the table
below; anything else is logged and answered as a bare 500."""

from __future__ import annotations

import logging
import math
import time

from flask import Response, current_app, jsonify
from werkzeug.exceptions import HTTPException

from app.errors import DomainError
from app.json_provider import dump_bytes

log = logging.getLogger(__name__)

ErrorResponse = tuple[Response, int, dict[str, str]]

_HTTP_ERRORS = {
    400: ("VALIDATION_ERROR", "请求格式有误"),
    401: ("UNAUTHORIZED", "请先登录"),
    403: ("FORBIDDEN", "没有权限进行此操作"),
    404: ("NOT_FOUND", "找不到该内容"),
    405: ("METHOD_NOT_ALLOWED", "不支持该请求方法"),
    413: ("PAYLOAD_TOO_LARGE", "提交的内容过大"),
    414: ("URI_TOO_LONG", "请求地址过长"),
    415: ("UNSUPPORTED_MEDIA_TYPE", "请以 JSON 格式提交"),
    422: ("VALIDATION_ERROR", "提交的内容有误，请检查后重试"),
    429: ("RATE_LIMITED", "操作太频繁，请稍后再试"),
}
_INTERNAL = ("INTERNAL_ERROR", "服务器内部错误，请稍后再试")


def envelope(code: str, message: str, details: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def http_error_body(status: int) -> bytes:
    """The envelope of an HTTP error, for a WSGI layer that answers without Flask."""
    return dump_bytes(envelope(*_HTTP_ERRORS.get(status, _INTERNAL)))


def domain_error_response(error: DomainError) -> ErrorResponse:
    return (
        jsonify(envelope(error.code, error.message, error.details)),
        error.status,
        error.headers,
    )


def http_error_response(error: HTTPException) -> ErrorResponse:
    status = error.code or 500
    code, message = _HTTP_ERRORS.get(status, _INTERNAL)
    details: dict = {}
    headers: dict[str, str] = {}
    data = getattr(error, "data", None) or {}
    if "messages" in data:
        details = _validation_details(data["messages"])
    if status == 400:  # webargs: body is not valid JSON
        status, details = 422, {"json": ["请求体不是合法的 JSON"]}
    if status == 429:
        headers["Retry-After"] = str(_retry_after(error))
    valid_methods = getattr(error, "valid_methods", None)
    if status == 405 and valid_methods:
        headers["Allow"] = ", ".join(valid_methods)
    if status >= 500:
        log.exception("unhandled server error", exc_info=error)
    return jsonify(envelope(code, message, details)), status, headers


def unhandled_error_response(error: Exception) -> ErrorResponse:
    log.exception("unhandled error", exc_info=error)
    return jsonify(envelope(*_INTERNAL)), 500, {}


def _validation_details(messages: dict) -> dict:
    """webargs nests messages by location ({"json": {...}, "query": {...}}); the contract
    wants the offending fields as keys, so the locations are merged."""
    details: dict = {}
    for location, fields in messages.items():
        if isinstance(fields, dict):
            details.update(fields)
        else:
            details[location] = fields
    return details


def _retry_after(error: HTTPException) -> int:
    """Seconds until the breached window resets, as Flask-Limiter counts it (its reset time is
    in whole seconds, so one more is added); else the length of the window; else a minute."""
    for limiter in current_app.extensions.get("limiter", ()):
        try:
            breached = limiter.current_limit
        except Exception:  # noqa: BLE001 - outside a limited request there is no current limit
            continue
        if breached is not None:
            return max(1, math.ceil(breached.reset_at - time.time()) + 1)
    limit = getattr(error, "limit", None)
    if limit is not None:
        try:
            return max(1, int(limit.limit.get_expiry()))
        except Exception:  # noqa: BLE001 - any shape of limit still gets a sane header
            pass
    return 60
