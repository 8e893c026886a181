"""一键通 (CONTRACT §6.6): what a device sends, signed instead of a bearer token, and the
devices staff register and keep."""

from __future__ import annotations

from functools import wraps

from flask import request

from app.accounts.models import STAFF_ROLES
from app.api import errors
from app.devices import queries
from app.devices.access import managed_device
from app.devices.schemas import (
    CarersSchema,
    DeviceInSchema,
    DeviceListArgsSchema,
    DevicePageSchema,
    DeviceSchema,
    HeartbeatSchema,
    KeyedDeviceSchema,
    PressedSchema,
)
from app.devices.services import calls, registry
from app.devices.signed import SignedCall
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("devices", __name__, description="一键通：设备按键、心跳与登记")

_SIGNED_HEADERS = [
    {
        "in": "header",
        "name": name,
        "required": True,
        "schema": {"type": "string"},
        "description": text,
    }
    for name, text in (
        ("X-Device-Serial", "设备编号"),
        ("X-Timestamp", "Unix 秒；与服务器相差不超过 300 秒"),
        ("X-Nonce", "8–64 个字符，每台设备不得重复使用"),
        (
            "X-Signature",
            'HMAC-SHA256(secret, "{timestamp}\\n{nonce}\\n{原始请求体}") 的小写十六进制',
        ),
    )
]


def _signed_body(example: dict) -> dict:
    return {
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": {"type": "object"}, "example": example}},
        },
        "parameters": _SIGNED_HEADERS,
    }


def device_in_reach(view):
    """404 for a device outside the caller's communities before the body is read, so that
    NOT_FOUND wins over VALIDATION_ERROR as the contract orders them."""

    @wraps(view)
    def wrapped(*args, device_id, **kwargs):
        managed_device(current_user(), device_id)
        return view(*args, device_id=device_id, **kwargs)

    return wrapped


def _signed_call() -> SignedCall:
    return SignedCall.from_headers(request.headers, request.get_data(cache=True))


@blp.post("/devices/press")
@errors(401, 413, 422)
@blp.doc(**_signed_body({"button": "help"}))
@blp.response(201, PressedSchema)
@blp.alt_response(200, schema=PressedSchema, description="上一次按键的工单仍未办结：返回该工单")
def press():
    """设备按键求助：生成一张紧急工单（无需登录，按签名认证）"""
    pressed = calls.press(_signed_call())
    return {"order_id": pressed.order_id}, 201 if pressed.created else 200


@blp.post("/devices/heartbeat")
@errors(401, 413, 422)
@blp.doc(**_signed_body({"battery": 87, "signal": -71}))
@blp.response(200, HeartbeatSchema)
def heartbeat():
    """设备心跳：电量（%）与信号（dBm），签名同按键"""
    return calls.heartbeat(_signed_call())


@blp.post("/staff/devices")
@errors(404, 409)
@auth_required(*STAFF_ROLES)
@blp.arguments(DeviceInSchema)
@blp.response(201, KeyedDeviceSchema)
def register_device(data):
    """登记一键通设备并绑定住户；密钥只在此返回一次"""
    return registry.register_device(current_user(), data)


@blp.get("/staff/devices")
@errors(404, 422)
@auth_required(*STAFF_ROLES)
@blp.arguments(DeviceListArgsSchema, location="query")
@blp.response(200, DevicePageSchema)
def list_devices(args):
    """本社区的一键通设备（新的在前），可按 silent（失联）筛选"""
    return queries.device_page(current_user(), args)


@blp.post("/staff/devices/<int:device_id>/secret")
@auth_required(*STAFF_ROLES)
@blp.response(200, KeyedDeviceSchema)
def rotate_secret(device_id):
    """更换设备密钥：旧密钥立即失效，新密钥只在此返回一次"""
    return registry.rotate_secret(current_user(), device_id)


@blp.put("/staff/devices/<int:device_id>/carers")
@errors(422)
@auth_required(*STAFF_ROLES)
@device_in_reach
@blp.arguments(CarersSchema)
@blp.response(200, DeviceSchema)
def set_carers(data, device_id):
    """设置关爱圈：每次按键都通知的本社区党员或工作人员"""
    return registry.set_carers(current_user(), device_id, data["carer_ids"])
