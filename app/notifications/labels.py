"""The Chinese names of the notification domain's words."""

from app.notifications.models import Audience, DeliveryStatus
from app.notifications.templates import Event

DELIVERY_STATUS = {
    DeliveryStatus.PENDING: "待发送",
    DeliveryStatus.SENDING: "发送中",
    DeliveryStatus.SENT: "已发送",
    DeliveryStatus.NO_QUOTA: "未订阅（未发送）",
    DeliveryStatus.NO_OPENID: "无微信（未发送）",
    DeliveryStatus.REFUSED: "用户拒收",
    DeliveryStatus.DEAD: "发送失败",
}

EVENT = {
    Event.ORDER_DISPATCHED: "派单通知",
    Event.ORDER_ACCEPTED: "接单通知",
    Event.ORDER_REJECTED: "驳回通知",
    Event.ORDER_COMPLETED: "完成通知",
    Event.BOOKING_DECIDED: "预约结果",
    Event.ACTIVITY_REMINDER: "活动提醒",
    Event.ANNOUNCEMENT: "红喇叭",
    Event.ORDER_DUE_SOON: "即将超时提醒",
    Event.ORDER_POOL_EXPIRED: "抢单超时",
    Event.ORDER_OVERDUE: "超时督办",
    Event.REDEMPTION_FULFILLED: "兑换核销",
    Event.ACTIVITY_PROMOTED: "候补递补",
    Event.REDEMPTION_EXPIRED: "兑换过期",
    Event.DEVICE_PRESSED: "一键通求助",
    Event.DEVICE_SILENT: "一键通失联",
    Event.SUGGESTION_ANSWERED: "建议答复",
    Event.CHECKIN_REMINDER: "报到提醒",
}

AUDIENCE = {Audience.RESIDENTS: "居民", Audience.MEMBERS: "党员", Audience.ALL: "全体"}
