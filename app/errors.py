"""Domain errors, and the one place that turns every error into the contract's envelope:
`{"error": {"code": "UPPER_SNAKE_CASE", "message": "中文说明", "details": {...}}}`."""
from __future__ import annotations

import logging

from flask import jsonify
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


class DomainError(Exception):
    status = 400
    code = "BAD_REQUEST"
    message = "请求有误"

    def __init__(self, message: str | None = None, details: dict | None = None,
                 headers: dict | None = None) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message
        self.details = details or {}
        self.headers = headers or {}


class Unauthorized(DomainError):
    status, code, message = 401, "UNAUTHORIZED", "请先登录"


class InvalidCredentials(DomainError):
    status, code, message = 401, "INVALID_CREDENTIALS", "用户名或密码错误"


class WechatCodeInvalid(DomainError):
    status, code, message = 401, "WECHAT_CODE_INVALID", "微信登录凭证无效或已过期，请重新进入小程序"


class Forbidden(DomainError):
    status, code, message = 403, "FORBIDDEN", "没有权限进行此操作"


class NotFound(DomainError):
    status, code, message = 404, "NOT_FOUND", "找不到该内容"


class Conflict(DomainError):
    status, code, message = 409, "CONFLICT", "当前状态下不能进行此操作"


class OrderStateConflict(Conflict):
    code, message = "ORDER_STATE_CONFLICT", "工单当前状态不允许此操作"


class OrderAlreadyTaken(Conflict):
    code, message = "ORDER_ALREADY_TAKEN", "该工单已被其他党员接走"


class ValidationError(DomainError):
    status, code, message = 422, "VALIDATION_ERROR", "提交的内容有误，请检查后重试"


class IdempotencyKeyReused(DomainError):
    status, code, message = 422, "IDEMPOTENCY_KEY_REUSED", "同一个幂等键不能用于不同的请求内容"


class RateLimited(DomainError):
    status, code, message = 429, "RATE_LIMITED", "操作太频繁，请稍后再试"


class WechatUnavailable(DomainError):
    status, code, message = 503, "WECHAT_UNAVAILABLE", "微信服务暂时不可用，请稍后再试"


# Messages for HTTP errors raised outside our services (routing, webargs, Flask-Limiter).
_HTTP_ERRORS = {
    400: ("VALIDATION_ERROR", "请求格式有误"),
    401: ("UNAUTHORIZED", "请先登录"),
    403: ("FORBIDDEN", "没有权限进行此操作"),
    404: ("NOT_FOUND", "找不到该内容"),
    405: ("METHOD_NOT_ALLOWED", "不支持该请求方法"),
    413: ("PAYLOAD_TOO_LARGE", "提交的内容过大"),
    415: ("UNSUPPORTED_MEDIA_TYPE", "请以 JSON 格式提交"),
    422: ("VALIDATION_ERROR", "提交的内容有误，请检查后重试"),
    429: ("RATE_LIMITED", "操作太频繁，请稍后再试"),
}


def envelope(code: str, message: str, details: dict | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or {}}}


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


def http_error_response(error: HTTPException):
    status = error.code or 500
    code, message = _HTTP_ERRORS.get(status, ("INTERNAL_ERROR", "服务器内部错误，请稍后再试"))
    details: dict = {}
    headers: dict = {}
    data = getattr(error, "data", None) or {}
    if "messages" in data:
        details = _validation_details(data["messages"])
    if status == 400:  # webargs: body is not valid JSON
        status, details = 422, {"json": ["请求体不是合法的 JSON"]}
    if status == 429:
        headers["Retry-After"] = str(_retry_after(error))
    if status == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    if status >= 500:
        log.exception("unhandled server error", exc_info=error)
    return jsonify(envelope(code, message, details)), status, headers


def _retry_after(error: HTTPException) -> int:
    """Seconds until the breached window resets, as Flask-Limiter counts it (its reset time is
    in whole seconds, so one more is added); else the length of the window; else a minute."""
    import math
    import time

    from app.extensions import limiter  # here: app.extensions imports this module

    try:
        breached = limiter.current_limit
        if breached is not None:
            return max(1, math.ceil(breached.reset_at - time.time()) + 1)
    except Exception:  # noqa: BLE001 - outside a limited request there is no current limit
        pass
    limit = getattr(error, "limit", None)
    if limit is not None:
        try:
            return max(1, int(limit.limit.get_expiry()))
        except Exception:  # noqa: BLE001 - any shape of limit still gets a sane header
            pass
    return 60


def domain_error_response(error: DomainError):
    return jsonify(envelope(error.code, error.message, error.details)), error.status, error.headers


def unhandled_error_response(error: Exception):
    log.exception("unhandled error", exc_info=error)
    return jsonify(envelope("INTERNAL_ERROR", "服务器内部错误，请稍后再试")), 500


class RegistrationExists(Conflict):
    code, message = "REGISTRATION_EXISTS", "您已提交过报到申请，请勿重复提交"


class RegistrationStateConflict(Conflict):
    code, message = "REGISTRATION_STATE_CONFLICT", "该报到申请已处理，不能重复操作"
