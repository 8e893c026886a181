"""The Chinese names of the activities' words."""

from __future__ import annotations

from app.activities.models import SignupStatus

SIGNUP_STATUS = {
    SignupStatus.SIGNED_UP: "已报名",
    SignupStatus.WAITLISTED: "候补中",
    SignupStatus.CANCELLED: "已取消",
    SignupStatus.CHECKED_IN: "已签到",
    SignupStatus.NO_SHOW: "未到场",
}
AUDIENCE = {"residents": "居民", "members": "党员", "all": "所有人"}
# The tags staff pick from (others may be typed in).
TAGS = ("邻里节", "四点半课堂", "道德讲堂", "志愿服务", "党组织活动", "文体活动", "健康义诊")
TABS = {"upcoming": "即将开始", "ongoing": "进行中", "ended": "已结束"}
