"""The Chinese names of the points ledger's words."""

from __future__ import annotations

from app.points.models import PointsReason

REASON_LABELS = {
    PointsReason.ORDER_COMPLETED: "完成工单",
    PointsReason.REDEMPTION: "积分兑换",
    PointsReason.REDEMPTION_REFUND: "兑换退回",
    PointsReason.ADJUSTMENT: "人工调整",
    PointsReason.ACTIVITY_ATTENDED: "参加活动",
}
