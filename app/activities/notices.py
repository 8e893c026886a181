"""What the activities tell: a new activity announced to its audience (红喇叭), the first
waiting told they took a freed place, and the reminder before the start. Each is written in
its use case's transaction; an outbox key is told to a user once."""

from __future__ import annotations

from collections.abc import Iterable

from app.accounts.models import User
from app.activities.models import Activity
from app.announcements.services import write_announcement
from app.clock import BEIJING
from app.notifications.models import Announcement
from app.notifications.outbox import post
from app.notifications.templates import Event

ACTIVITY_PAGE = "pages/activities/detail?id={id}"
ANNOUNCEMENT_TITLE = 20


def when(activity: Activity) -> str:
    return activity.start_at.astimezone(BEIJING).strftime("%m月%d日 %H:%M")


def where(activity: Activity) -> str:
    return activity.venue.name if activity.venue else activity.address or ""


def announce(actor: User, activity: Activity, weeks: int) -> Announcement:
    """The new activity (a weekly series once) to its audience in its community."""
    repeat = f"，每周一次共 {weeks} 次" if weeks > 1 else ""
    body = (
        f"{activity.title}：{when(activity)}起{repeat}，地点：{where(activity)}。"
        f"名额 {activity.capacity} 人，欢迎报名。\n{activity.description}"
    )
    data = {
        "community_id": activity.community_id,
        "title": f"新活动：{activity.title}"[:ANNOUNCEMENT_TITLE],
        "body": body[:2000],
        "audience": activity.audience,
    }
    return write_announcement(actor, data)


def tell_promoted(activity: Activity, user_ids: Iterable[int]) -> None:
    post(
        user_ids,
        Event.ACTIVITY_PROMOTED,
        key=f"activity:{activity.id}:promoted",
        title="候补成功，已为您保留名额",
        body=f"您候补的活动“{activity.title}”（{when(activity)}，{where(activity)}）有人取消，"
        "您已报名成功，请按时到场签到。",
        page=ACTIVITY_PAGE.format(id=activity.id),
        community_id=activity.community_id,
        fields=_fields(activity),
    )


def remind(activity: Activity, user_ids: Iterable[int]) -> int:
    return post(
        user_ids,
        Event.ACTIVITY_REMINDER,
        key=f"activity:{activity.id}:reminder",
        title="活动即将开始",
        body=f"您报名的活动“{activity.title}”将于{when(activity)}开始，地点：{where(activity)}。"
        "请按时到场扫码签到。",
        page=ACTIVITY_PAGE.format(id=activity.id),
        community_id=activity.community_id,
        fields=_fields(activity),
    )


def _fields(activity: Activity) -> dict:
    return {"thing1": activity.title, "time2": activity.start_at, "thing3": where(activity)}
