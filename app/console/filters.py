"""Jinja filters for console pages: Beijing time, status labels, masked phones."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.catalog.labels import KIND_LABELS
from app.clock import BEIJING
from app.console.blueprint import bp
from app.orders.labels import SOURCE_LABELS, STATUS_LABELS
from app.validation import is_loadable_photo


@bp.app_template_filter("cn_time")
def cn_time(value: datetime | None) -> str:
    """ "11月26日 14:05" in Beijing time; the year too when it is not this year's."""
    if value is None:
        return ""
    local = value.astimezone(BEIJING)
    now = datetime.now(BEIJING)
    prefix = "" if local.year == now.year else f"{local.year}年"
    return f"{prefix}{local.month}月{local.day}日 {local:%H:%M}"


@bp.app_template_filter("cn_clock")
def cn_clock(value: datetime) -> str:
    """ "14:05" in Beijing time."""
    return f"{value.astimezone(BEIJING):%H:%M}"


@bp.app_template_filter("cn_date")
def cn_date(value: datetime) -> str:
    """The Beijing day of an instant, "2026-11-26"."""
    return value.astimezone(BEIJING).date().isoformat()


@bp.app_template_filter("status_label")
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


@bp.app_template_filter("source_label")
def source_label(source: str) -> str:
    return SOURCE_LABELS.get(source, source)


@bp.app_template_filter("percent")
def percent(value: float | None) -> str:
    """0.874 -> "87%"; nothing to count -> "—"."""
    return "—" if value is None else f"{round(value * 100)}%"


@bp.app_template_filter("cn_duration")
def cn_duration(value: timedelta) -> str:
    """How long, in the two largest units: "3天2小时", "5小时10分钟", "8分钟"."""
    minutes = max(int(value.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{minutes}分钟" if minutes else f"{hours}小时"
    return f"{minutes}分钟"


@bp.app_template_filter("kind_label")
def kind_label(kind: str) -> str:
    """公共服务, 社会服务 or 志愿服务: the kind of a catalog category."""
    return KIND_LABELS.get(kind, kind)


@bp.app_template_filter("loadable_photo")
def loadable_photo(url: str) -> bool:
    """Whether staff browsers load this photo (its host is allowed), or only link to it."""
    return is_loadable_photo(url)
