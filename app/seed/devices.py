"""Demo 一键通 devices: one per demo community, with a known serial, registered by the
community's staff like any other (`app.devices.registration.new_device`). Their secrets
are random; `flask --app wsgi device press SERIAL` reads one from the database."""

from __future__ import annotations

from sqlalchemy import select

from app.devices.models import Device
from app.devices.registration import new_device
from app.extensions import db
from app.seed.tally import Tally

# community code -> (serial, resident name, phone, address)
DEVICES = {
    "demo-a": ("DEMO-A-0001", "王秀英", "13907910001", "民强街 12 号 3 栋 2 单元 101"),
    "demo-b": ("DEMO-B-0001", "李福根", "13907910002", "永叔路 88 号 5 栋 1 单元 302"),
}


def load_devices(tally: Tally, places: dict, people: dict) -> None:
    for code, (serial, name, phone, address) in DEVICES.items():
        community, staff = places["communities"].get(code), people["staff"].get(code)
        if community is None or staff is None:
            continue
        found = db.session.scalar(select(Device.id).where(Device.serial == serial))
        if found is None:
            resident = {"name": name, "phone": phone, "address": address}
            data = {"serial": serial, "community_id": community.id, "resident": resident}
            new_device(staff, data)
        tally.count(Device.__tablename__, created=found is None)
    tally.line(f"{len(DEVICES)} 台一键通设备（flask --app wsgi device press 编号 模拟按键）")
