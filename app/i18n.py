"""Chinese messages for marshmallow's built-in validation errors.

Users see validation messages, so every default message is replaced once, at start-up,
instead of passing `error_messages=` to each of hundreds of fields."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

_FIELD_MESSAGES: dict[type[fields.Field], dict[str, str]] = {
    fields.Field: {
        "required": "此项为必填",
        "null": "此项不能为空",
        "validator_failed": "取值无效",
    },
    fields.String: {"invalid": "应为文本", "invalid_utf8": "不是合法的 UTF-8 文本"},
    fields.Number: {"invalid": "应为数字", "too_large": "数值过大"},
    fields.Integer: {"invalid": "应为整数"},
    fields.Float: {"special": "不接受 NaN 或无穷大"},
    fields.Boolean: {"invalid": "应为 true 或 false"},
    fields.List: {"invalid": "应为列表"},
    fields.Dict: {"invalid": "应为对象"},
    fields.Nested: {"type": "应为对象"},
    fields.Url: {"invalid": "不是合法的网址"},
    fields.Email: {"invalid": "不是合法的邮箱地址"},
    fields.DateTime: {"invalid": "不是合法的时间", "format": "时间格式不正确"},
    fields.Date: {"invalid": "不是合法的日期"},
}

_VALIDATOR_MESSAGES: dict[type[validate.Validator], dict[str, str]] = {
    validate.Length: {
        "message_min": "长度不能少于 {min}",
        "message_max": "长度不能超过 {max}",
        "message_all": "长度应在 {min} 到 {max} 之间",
        "message_equal": "长度应为 {equal}",
    },
    # Range.__init__ formats these once more (for the bounds' inclusivity): double braces.
    validate.Range: {
        "message_min": "不能小于 {{min}}",
        "message_max": "不能大于 {{max}}",
        "message_all": "应在 {{min}} 到 {{max}} 之间",
    },
    validate.OneOf: {"default_message": "应为以下取值之一：{choices}"},
    validate.Regexp: {"default_message": "格式不正确"},
    validate.URL: {"default_message": "不是合法的网址"},
}


def install_chinese_messages() -> None:
    for field_class, messages in _FIELD_MESSAGES.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **messages}
    for validator_class, messages in _VALIDATOR_MESSAGES.items():
        for attribute, message in messages.items():
            if hasattr(validator_class, attribute):
                setattr(validator_class, attribute, message)
    Schema._default_error_messages = {"type": "应为 JSON 对象", "unknown": "不认识的字段"}
