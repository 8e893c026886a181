"""The Chinese names of the order domain's words, as residents, members and staff read them."""

from __future__ import annotations

from app.orders.models import OrderSource
from app.orders.models import OrderStatus as S
from app.orders.vocabulary import Action as A

# Keyed by the vocabulary's StrEnums, and looked up by the plain str that a column holds.
STATUS_LABELS: dict[str, str] = {
    S.SUBMITTED: "待审核",
    S.APPROVED: "待派单",
    S.DISPATCHED: "已派单",
    S.PUBLISHED: "待抢单",
    S.ACCEPTED: "已接单",
    S.IN_PROGRESS: "服务中",
    S.COMPLETED: "已完成",
    S.RATED: "已评价",
    S.REJECTED: "已驳回",
    S.CANCELLED: "已取消",
    S.CLOSED: "已办结",
}

ACTION_LABELS: dict[str, str] = {
    A.CREATE: "提交工单",
    A.APPROVE: "审核通过",
    A.REJECT: "驳回",
    A.CANCEL: "取消",
    A.DISPATCH: "派单",
    A.PUBLISH: "发布到抢单池",
    A.GRAB: "抢单",
    A.ACCEPT: "接单",
    A.START: "开始服务",
    A.COMPLETE: "完成服务",
    A.RATE: "评价",
    A.RECALL: "从抢单池撤回",
    A.REASSIGN: "改派",
    A.CLOSE: "办结",
    A.FOLLOW_UP: "回访",
    A.REOPEN: "重新办理",
    A.DISPATCH_TEAM: "派单给团队",
    A.TAKE: "团队接单",
    A.EXPIRE: "抢单超时退回",
    A.ESCALATE: "超时督办",
}

SOURCE_LABELS: dict[str, str] = {
    OrderSource.MINIPROGRAM: "小程序",
    OrderSource.DESK: "代点单",
    OrderSource.DEVICE: "一键通",
}

# What an order is (`Order.kind`): a request for a service, or a 微心愿 (app.wishes).
ORDER_KIND_LABELS: dict[str, str] = {"service": "服务工单", "wish": "微心愿"}

# The role in which someone acted on an order (app.orders.state.Actor's values).
ACTOR_LABELS = {"resident": "居民", "staff": "社区工作人员", "member": "党员", "system": "系统"}


def follow_up_outcome(reached: bool, satisfied: bool | None) -> str:
    """What a follow-up call found, as the timeline says it."""
    if not reached:
        return "未联系上"
    if satisfied is None:
        return "已联系"
    return "已联系，居民满意" if satisfied else "已联系，居民不满意"
