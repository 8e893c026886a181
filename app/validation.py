"""Field builders for the contract's input rules, shared by every schema."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import marshmallow as ma
from flask import current_app
from marshmallow import fields, validate
from werkzeug.routing import IntegerConverter

# Ids are 32-bit integers: a larger one cannot exist, and PostgreSQL refuses to compare with it.
MAX_ID = 2**31 - 1
# The contract's ^1[3-9]\d{9}$ with ASCII digits only (Python's \d takes any Unicode digit).
# Written in the dialect OpenAPI documents (ECMA-262); the final "\n" that Python's $ would
# let through is refused by no_control, as every control character is.
PHONE_PATTERN = r"^1[3-9][0-9]{9}$"
MAX_PHOTOS = 9
# Control characters (C0, DEL, C1) and lone surrogates, which no database column can store.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def no_control(value: str, *, multiline: bool = False) -> None:
    if (_CONTROL_BUT_NEWLINE if multiline else _CONTROL).search(value):
        raise ma.ValidationError("不能包含控制字符")


class Text(fields.String):
    """Trimmed text of 1 to `max_length` characters without control characters (`multiline`:
    `\\n` is allowed)."""

    def __init__(self, max_length: int, *, multiline: bool = False, **kwargs) -> None:
        super().__init__(validate=validate.Length(min=1, max=max_length), **kwargs)
        self.multiline = multiline

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        no_control(value, multiline=self.multiline)  # before trimming: a trailing "\r" counts
        return value.strip()


# Schemas write `text(200, ...)`, like the other field builders here.
text = Text


def record_id(**kwargs) -> fields.Integer:
    return fields.Integer(strict=True, validate=validate.Range(min=1, max=MAX_ID), **kwargs)


def text_id(**kwargs) -> fields.Integer:
    """An id sent as text (a query string, a <select>): "12" is read as 12."""
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID, error="无效的编号"), **kwargs)


def phone(**kwargs) -> fields.String:
    return fields.String(
        validate=[validate.Regexp(PHONE_PATTERN, error="请填写正确的手机号码"), no_control],
        **kwargs,
    )


class StrictFloat(fields.Float):
    """A JSON number only: the text "31.2" is refused like any other wrong type."""

    def _validated(self, value):
        if isinstance(value, (str, bool)):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


def photo_hosts() -> set[str]:
    """The hosts whose photos orders accept and staff browsers load: PHOTO_HOSTS and the hosts
    of the platform's own uploads. Empty: any https address is accepted, and none is loaded."""
    return hosts_of(current_app.config)


def hosts_of(config: Mapping[str, Any]) -> set[str]:
    return set(config["PHOTO_HOSTS"]) | {urlsplit(base).netloc for base in upload_bases(config)}


def upload_bases(config: Mapping[str, Any]) -> list[str]:
    """Where the platform's own uploads are addressed (app.uploads.storage): PUBLIC_BASE_URL's
    /media/ and S3_PUBLIC_BASE_URL, each ending in "/"."""
    bases = []
    if base := config.get("PUBLIC_BASE_URL"):
        bases.append(base.rstrip("/") + "/media/")
    if base := config.get("S3_PUBLIC_BASE_URL"):
        bases.append(base.rstrip("/") + "/")
    return bases


def is_loadable_photo(url: str) -> bool:
    return urlsplit(url).netloc in photo_hosts()


def _allowed_photo_host(url: str) -> None:
    hosts = photo_hosts()
    if hosts and urlsplit(url).netloc not in hosts:
        raise ma.ValidationError("只接受本平台上传的图片地址")


def _https_unless_own_upload(url: str) -> None:
    """http only for the platform's own upload base when it is served over http (development
    and tests: production refuses to start with one)."""
    if urlsplit(url).scheme == "http" and not any(
        base.startswith("http://") and url.startswith(base)
        for base in upload_bases(current_app.config)
    ):
        raise ma.ValidationError("应为 https 开头的图片网址")


def photo_url(**kwargs) -> fields.Url:
    """One photo: an https address of at most 500 characters, on the platform's hosts."""
    return fields.Url(
        schemes={"https", "http"},
        validate=[
            validate.Length(max=500),
            no_control,
            _https_unless_own_upload,
            _allowed_photo_host,
        ],
        error_messages={"invalid": "应为 https 开头的图片网址"},
        **kwargs,
    )


def photo_list(**kwargs) -> fields.List:
    return fields.List(
        photo_url(), validate=validate.Length(max=MAX_PHOTOS, error="最多 9 张照片"), **kwargs
    )


class IdConverter(IntegerConverter):
    """`<int:…>` in routes: an id beyond 32 bits matches no route (404), never the database."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


# The days a period may name: far enough for any record, near enough that a day after the
# last one still exists (`date.max` has none).
PERIOD_DAYS = validate.Range(min=date(2000, 1, 1), max=date(2099, 12, 31), error="日期超出范围")


class PeriodArgsSchema(ma.Schema):
    """A period of Beijing days, `from` – `to` both included (CONTRACT §6), and optionally one
    community of the caller's scope."""

    start = fields.Date(
        data_key="from",
        required=True,
        validate=PERIOD_DAYS,
        metadata={"description": "开始日期（北京时间，含当天）"},
    )
    end = fields.Date(
        data_key="to",
        required=True,
        validate=PERIOD_DAYS,
        metadata={"description": "结束日期（北京时间，含当天）"},
    )
    community_id = text_id(metadata={"description": "只看其中一个社区（须在您的管辖范围内）"})

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if "start" in data and "end" in data and data["start"] > data["end"]:
            raise ma.ValidationError("开始日期不能晚于结束日期", "from")
