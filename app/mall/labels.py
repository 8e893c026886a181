"""The Chinese names of the points mall's words."""

from __future__ import annotations

from app.mall.models import RedemptionStatus

REDEMPTION_STATUS = {
    RedemptionStatus.PENDING: "待核销",
    RedemptionStatus.FULFILLED: "已核销",
    RedemptionStatus.CANCELLED: "已取消",
    RedemptionStatus.EXPIRED: "已过期",
}
