"""flask-smorest Api whose errors use the contract's envelope, and whose OpenAPI document
names every error an operation can answer, so that a generated client knows them all.

Every operation documents 414 (a URL over MAX_URL_LENGTH); one with a path parameter 404,
one with a body 413 (over MAX_BODY_BYTES) and 422. `miniprogram_api.security.auth_required`
adds 401 and, with roles, 403; a view adds what is its own with `errors(409, ...)`."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import marshmallow as ma
from apispec import BasePlugin
from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint

from app.envelope import http_error_response

# status -> when it is answered (the code of the envelope is in each description)
ERROR_DESCRIPTIONS = {
    401: "UNAUTHORIZED：未登录或登录凭证无效",
    403: "FORBIDDEN：当前角色不能调用此接口",
    404: "NOT_FOUND：对象不存在，或不在调用者的权限范围内",
    409: "当前状态不允许此操作（如 ORDER_STATE_CONFLICT、ORDER_ALREADY_TAKEN）",
    413: "PAYLOAD_TOO_LARGE：请求体超过上限",
    414: "URI_TOO_LONG：请求地址过长",
    429: "RATE_LIMITED：操作太频繁，见 Retry-After",
    503: "WECHAT_UNAVAILABLE：微信服务暂时不可用",
}


class ErrorDetailSchema(ma.Schema):
    code = ma.fields.String(metadata={"description": "UPPER_SNAKE_CASE 错误码"})
    message = ma.fields.String(metadata={"description": "中文说明"})
    details = ma.fields.Dict(metadata={"description": "出错的字段等"})


class ErrorSchema(ma.Schema):
    error = ma.fields.Nested(ErrorDetailSchema)


def _component(status: int) -> str:
    return HTTPStatus(status).name


def errors(*statuses: int) -> Any:
    """A view decorator: the operation may answer these errors too (documented)."""
    return Blueprint.doc(responses={str(s): _component(s) for s in statuses})


class ErrorResponsesPlugin(BasePlugin):
    """Adds the errors every operation of its shape can answer."""

    def operation_helper(
        self, path: str | None = None, operations: dict | None = None, **kwargs: Any
    ) -> None:
        for operation in (operations or {}).values():
            responses = operation.setdefault("responses", {})
            statuses = [414]
            if path and "{" in path:
                statuses.append(404)
            if "requestBody" in operation:
                statuses.append(413)
            for status in statuses:
                responses.setdefault(str(status), _component(status))


class Api(SmorestApi):
    ERROR_SCHEMA = ErrorSchema
    # No catch-all "default" answer: each operation lists the statuses it really answers.
    DEFAULT_ERROR_RESPONSE_NAME = None

    def __init__(self, app: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("spec_kwargs", {}).setdefault("extra_plugins", [ErrorResponsesPlugin()])
        super().__init__(app, **kwargs)

    def init_app(self, app: Any, *args: Any, **kwargs: Any) -> None:
        super().init_app(app, *args, **kwargs)
        for status, description in ERROR_DESCRIPTIONS.items():
            self.spec.components.response(
                _component(status),
                {"description": description, "content": {"application/json": {"schema": "Error"}}},
            )

    def handle_http_exception(self, error):
        return http_error_response(error)
