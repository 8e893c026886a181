"""The liaison venue's 报到码: a payload signed with SECRET_KEY (its own salt) naming the venue
and the Beijing week it is good for, so a photo of an old code is refused. Printed codes are
printed again each week, or the console's page shown on a screen."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import segno
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from app.clock import beijing_today
from app.errors import ValidationError

SALT = "duties.checkin-code"


def week_start(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def week_stamp(now: datetime) -> str:
    """The Beijing ISO week of `now`, as "2026-W48"."""
    year, week, _ = beijing_today(now).isocalendar()
    return f"{year}-W{week:02d}"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue(venue_id: int, now: datetime) -> str:
    return _serializer().dumps({"v": venue_id, "w": week_stamp(now)})


def venue_id_of(code: str, now: datetime) -> int:
    """The venue a code was issued for; 422 on the code for one forged or of another week."""
    try:
        payload = _serializer().loads(code)
    except BadSignature:
        raise _refused("报到码无效，请扫描报到点张贴的二维码") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("v"), int):
        raise _refused("报到码无效，请扫描报到点张贴的二维码")
    if payload.get("w") != week_stamp(now):
        raise _refused("报到码已过期，请扫描报到点本周的二维码")
    return payload["v"]


def _refused(message: str) -> ValidationError:
    return ValidationError(message, details={"code": [message]})


def png(code: str) -> bytes:
    out = io.BytesIO()
    segno.make(code, error="m").save(out, kind="png", scale=8, border=2)
    return out.getvalue()
