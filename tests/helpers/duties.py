"""周六报到, building leads and the wall in tests: a liaison venue in each community, the
week's code, places near and far from it, Saturdays, and the wall's bodies."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.duties import codes
from app.duties.models import CheckIn, LiaisonVenue
from app.extensions import db
from app.geo.nearby import EARTH_RADIUS_M
from app.venues.models import Venue

CENTER = (28.6829, 115.8937)  # 南昌 东湖区, GCJ-02
# Saturday 28 November 2026, 09:30 in Beijing.
SATURDAY = datetime(2026, 11, 28, 1, 30, tzinfo=UTC)
PHOTO = "https://img.example.cn/wall/me.jpg"


def east_of(point: tuple[float, float], meters: float) -> tuple[float, float]:
    dlng = math.degrees(meters / (EARTH_RADIUS_M * math.cos(math.radians(point[0]))))
    return point[0], point[1] + dlng


def venue(community, name: str | None = None, point: tuple[float, float] = CENTER) -> Venue:
    obj = Venue(
        community_id=community.id,
        name=name or f"{community.code} 党群服务中心",
        type="service_center",
        address="东湖区八一大道 1 号",
        latitude=point[0],
        longitude=point[1],
    )
    db.session.add(obj)
    db.session.flush()
    return obj


def liaison(community, **kwargs) -> Venue:
    """A venue of the community, made its liaison venue. Commits."""
    obj = venue(community, **kwargs)
    db.session.add(LiaisonVenue(community_id=community.id, venue_id=obj.id))
    db.session.commit()
    return obj


def code_of(venue_obj: Venue, now: datetime | None = None) -> str:
    return codes.issue(venue_obj.id, now or datetime.now(UTC))


def report_body(venue_obj: Venue, meters: float = 50, code: str | None = None) -> dict:
    lat, lng = east_of((venue_obj.latitude, venue_obj.longitude), meters)
    return {"code": code or code_of(venue_obj), "latitude": lat, "longitude": lng}


def count_checkins(*where) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(CheckIn).where(*where))


def last_week(now: datetime) -> datetime:
    return now - timedelta(days=7)


def wall_body(**changes) -> dict:
    body = {"photo_url": PHOTO, "commitment": "每周六回社区报到，为邻居办实事", "consent": True}
    return body | changes
