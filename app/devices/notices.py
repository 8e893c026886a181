"""What a device tells whom: a press, the community's staff and the household's carers at
once; a silence, the community's staff once. Written in the call's or the job's
transaction (`app.notifications.outbox`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from app.notifications.outbox import post
from app.notifications.templates import Event
from app.orders.deadline_notices import community_staff
from app.orders.notices import ORDER_PAGE


def pressed(device, order_id: int, carer_ids: Iterable[int], at: datetime) -> int:
    body = f"{device.resident_name}（{device.address}）按下了一键通，请立即联系并上门。"
    return post(
        [*community_staff(device.community_id), *carer_ids],
        Event.DEVICE_PRESSED,
        key=f"device:{device.id}:order:{order_id}",
        title="一键通紧急求助",
        body=f"{body}工单 #{order_id}，电话 {device.resident_phone}。",
        page=ORDER_PAGE.format(id=order_id),
        community_id=device.community_id,
        at=at,
        fields=_fields(device, at),
    )


def silent(device, hours: float, since: datetime) -> int:
    return post(
        community_staff(device.community_id),
        Event.DEVICE_SILENT,
        key=f"device:{device.id}:silent:{since.isoformat()}",
        title="一键通设备失联",
        body=(
            f"{device.resident_name}（{device.address}）家的一键通（{device.serial}）"
            f"已超过 {hours:g} 小时没有心跳，请上门查看设备和老人情况。"
        ),
        community_id=device.community_id,
        at=since,
        fields=_fields(device, since),
    )


def _fields(device, at: datetime) -> dict:
    return {
        "thing1": device.resident_name,
        "thing2": device.address,
        "time3": at,
        "character_string4": device.serial,
    }
