"""The events that may become subscribe messages, their templates (`WECHAT_TEMPLATES`), and
WeChat's rules for a template's values: each value is cut to fit, never sent invalid.

A template's keywords are named by their kind and number (`thing1`, `time3` ...); the kind
decides the rule. Operators choose templates whose keywords match the layout each event
fills (README, "Subscribe messages")."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from app.clock import BEIJING


class Event(StrEnum):
    """What a message tells of; the contract's events first."""

    ORDER_DISPATCHED = "order_dispatched"  # to the member
    ORDER_ACCEPTED = "order_accepted"  # to the resident
    ORDER_REJECTED = "order_rejected"  # to the resident
    ORDER_COMPLETED = "order_completed"  # to the resident
    BOOKING_DECIDED = "booking_decided"
    ACTIVITY_REMINDER = "activity_reminder"
    ANNOUNCEMENT = "announcement"
    # Beyond the contract: deadlines (app.orders.timeouts).
    ORDER_DUE_SOON = "order_due_soon"  # to the member, before the completion deadline
    ORDER_POOL_EXPIRED = "order_pool_expired"  # to staff: nobody grabbed it
    ORDER_OVERDUE = "order_overdue"  # to staff, then to the street's admins
    # The points mall (app.mall): to the user who redeemed.
    REDEMPTION_FULFILLED = "redemption_fulfilled"
    REDEMPTION_EXPIRED = "redemption_expired"
    # Activities (app.activities): to the first waiting, who took a freed place.
    ACTIVITY_PROMOTED = "activity_promoted"
    # 一键通 (app.devices): to staff and the care circle, and to staff of a silent device.
    DEVICE_PRESSED = "device_pressed"
    DEVICE_SILENT = "device_silent"
    # 意见建议 (app.suggestions): to its author.
    SUGGESTION_ANSWERED = "suggestion_answered"
    # 周六报到 (app.duties): to the members who have not reported this week.
    CHECKIN_REMINDER = "checkin_reminder"


LIMITS = {"thing": 20, "character_string": 32, "phrase": 5, "number": 32, "letter": 32}
LIMITS |= {"symbol": 5, "phone_number": 17, "car_number": 8, "name": 10, "amount": 10}
_KIND = re.compile(r"^([a-z_]+?)\d+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_NOT_CODE = re.compile(r"[^0-9A-Za-z_\-.@#]")
_NOT_PHRASE = re.compile(r"[^\u4e00-\u9fff]")
_NOT_NUMBER = re.compile(r"[^0-9.]")
_WHEN = {"time": "%Y年%m月%d日 %H:%M", "date": "%Y年%m月%d日"}


def parse_templates(raw: str | Mapping[str, str] | None) -> dict[str, str]:
    """`WECHAT_TEMPLATES`, a JSON object from event name to template id."""
    if not raw:
        return {}
    value = json.loads(raw) if isinstance(raw, str) else dict(raw)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()
    ):
        raise ValueError("WECHAT_TEMPLATES must be a JSON object of event name to template id")
    unknown = set(value) - set(Event)
    if unknown:
        raise ValueError(f"WECHAT_TEMPLATES names unknown events: {sorted(unknown)}")
    return value


def templates_of(config: Mapping[str, object]) -> dict[str, str]:
    """The templates in use. In demo mode (`WECHAT_FAKE=1`, outside tests) with none set,
    every event gets a demo template, so the console's outbox shows what would be sent."""
    configured = parse_templates(config.get("WECHAT_TEMPLATES"))  # type: ignore[arg-type]
    if configured or not config.get("WECHAT_FAKE") or config.get("TESTING"):
        return configured
    return {event.value: f"demo-{event.value}" for event in Event}


def fitted(values: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """The `data` of a subscribe message: each keyword's value made valid for its kind."""
    return {key: {"value": fit(key, value)} for key, value in values.items()}


def fit(key: str, value: object) -> str:
    found = _KIND.match(key)
    kind = found.group(1) if found else "thing"
    if kind in _WHEN and isinstance(value, datetime):
        return value.astimezone(BEIJING).strftime(_WHEN[kind])
    text = _CONTROL.sub(" ", str(value)).strip()
    if kind in {"character_string", "letter"}:
        return _NOT_CODE.sub("", text)[: LIMITS[kind]] or "-"
    if kind == "phrase":
        return _NOT_PHRASE.sub("", text)[: LIMITS["phrase"]] or "通知"
    if kind in {"number", "amount", "phone_number"}:
        return _NOT_NUMBER.sub("", text)[: LIMITS[kind]] or "0"
    return _cut(text, LIMITS.get(kind, 20)) or "-"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
