"""Demo activities: a month of them in demo-a and demo-b, from the day the demo is loaded —
a 邻里节, the weekly 四点半课堂, a 道德讲堂, a 主题党日 and volunteer days. Each is found by
its community and title (each week of a series has its own), so a second run writes nothing.
They are written through the model, without announcements, so the demo's inboxes stay quiet."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select

from app.activities.models import Activity
from app.clock import BEIJING, beijing_today, utcnow
from app.extensions import db
from app.mall.codes import new_code
from app.seed.tally import Tally
from app.venues.models import Venue, VenueType

COMMUNITIES = ("demo-a", "demo-b")
# (title, day from today, start, hours, capacity, points, tags, audience, weeks, description)
ACTIVITIES = [
    ("邻里节·百家宴", 9, time(10), 3, 60, 10, ["邻里节"], "all", 1,
     "每月一次的邻里节：各家带一道拿手菜，邻里同桌共享，结识楼上楼下的新朋友。"),
    ("四点半课堂", 1, time(16, 30), 1.5, 20, 5, ["四点半课堂", "志愿服务"], "residents", 4,
     "放学后的作业辅导与阅读陪伴，由在职党员和大学生志愿者轮流值守。"),
    ("道德讲堂：好家风伴我成长", 5, time(15), 2, 40, 5, ["道德讲堂"], "all", 1,
     "身边好人讲述家风故事，诵读经典，分享感悟。"),
    ("主题党日：重温入党誓词", 12, time(9), 2, 30, 20, ["党组织活动"], "members", 1,
     "报到党员参加一次党组织活动（1+X）：重温入党誓词，学习近期精神。"),
    ("志愿服务：清洁家园", 3, time(8, 30), 2, 25, 10, ["志愿服务"], "members", 2,
     "清理楼道杂物与小区绿化带垃圾，工具由社区提供。"),
]  # fmt: skip


def load_activities(tally: Tally, places: dict, people: dict) -> None:
    today = beijing_today(utcnow())
    for code in COMMUNITIES:
        community, staff = places["communities"][code], people["staff"][code]
        venue = _centre(community.id)
        for title, day, start, hours, capacity, points, tags, audience, weeks, about in ACTIVITIES:
            for week in range(weeks):
                begins = datetime.combine(today + timedelta(days=day + 7 * week), start, BEIJING)
                tally.get_or_create(
                    Activity,
                    {"community_id": community.id, "title": _titled(title, week, weeks)},
                    description=about,
                    venue_id=venue.id if venue else None,
                    address=venue.address if venue else community.address,
                    latitude=venue.latitude if venue else None,
                    longitude=venue.longitude if venue else None,
                    start_at=begins,
                    end_at=begins + timedelta(hours=hours),
                    capacity=capacity,
                    points=points,
                    tags=list(tags),
                    audience=audience,
                    series_id=f"demo-{code}-{day}" if weeks > 1 else None,
                    checkin_code=new_code(),
                    created_by_id=staff.id,
                )
    tally.line(f"{len(COMMUNITIES)} 个社区一个月的活动")


def _titled(title: str, week: int, weeks: int) -> str:
    return f"{title}（第 {week + 1} 期）" if weeks > 1 else title


def _centre(community_id: int) -> Venue | None:
    """The community's 邻里中心 or 党群服务中心, where its activities take place."""
    return _first(community_id, VenueType.NEIGHBORHOOD) or _first(
        community_id, VenueType.SERVICE_CENTER
    )


def _first(community_id: int, kind: VenueType) -> Venue | None:
    return db.session.scalar(
        select(Venue)
        .where(Venue.community_id == community_id, Venue.type == kind)
        .order_by(Venue.id)
        .limit(1)
    )
