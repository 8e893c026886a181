"""flask-smorest Api whose errors use the contract's envelope."""

import marshmallow as ma
from flask_smorest import Api as SmorestApi

from app.envelope import http_error_response


class ErrorDetailSchema(ma.Schema):
    code = ma.fields.String(metadata={"description": "UPPER_SNAKE_CASE 错误码"})
    message = ma.fields.String(metadata={"description": "中文说明"})
    details = ma.fields.Dict(metadata={"description": "出错的字段等"})


class ErrorSchema(ma.Schema):
    error = ma.fields.Nested(ErrorDetailSchema)


class Api(SmorestApi):
    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        return http_error_response(error)
