"""Jinja filters for console pages: Beijing time, status labels, masked phones."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.console import bp
from app.orders.state import STATUS_LABELS

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


@bp.app_template_filter("cn_time")
def cn_time(value: datetime | None) -> str:
    """"11月26日 14:05" in Beijing time; the year too when it is not this year's."""
    if value is None:
        return ""
    local = value.astimezone(BEIJING)
    now = datetime.now(BEIJING)
    prefix = "" if local.year == now.year else f"{local.year}年"
    return f"{prefix}{local.month}月{local.day}日 {local:%H:%M}"


@bp.app_template_filter("status_label")
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)
