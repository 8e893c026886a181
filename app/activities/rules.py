"""What an activity must be when staff publish or change it, where it takes place, and when
and where its check-in is open. Each refusal of the input is a 422 naming its field."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app

from app.activities.models import Activity
from app.errors import ValidationError
from app.extensions import db
from app.geo.nearby import distance_m
from app.venues.models import Venue

CHECKIN_OPENS = timedelta(minutes=30)  # before the start; it closes at the end
MAX_WEEKS = 12


def weekly(start: datetime, end: datetime, weeks: int) -> list[tuple[datetime, datetime]]:
    """The activity's times and the same times in each of the following weeks."""
    return [(start + timedelta(weeks=k), end + timedelta(weeks=k)) for k in range(weeks)]


def check_times(start: datetime, end: datetime, now: datetime) -> None:
    if end <= start:
        raise ValidationError(details={"end": ["结束时间应晚于开始时间"]})
    if start <= now:
        raise ValidationError(details={"start": ["开始时间应晚于现在"]})


def place(community_id: int, data: dict) -> dict:
    """The activity's venue (one of its community's) or free address, and the point that
    location check-in measures from: the venue's, else the one given."""
    venue_id = data.get("venue_id")
    if venue_id is None:
        if not data.get("address"):
            raise ValidationError(details={"address": ["请选择场所或填写活动地点"]})
        return {
            "venue_id": None,
            "address": data["address"],
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
        }
    venue = db.session.get(Venue, venue_id)
    if venue is None or venue.community_id != community_id:
        raise ValidationError(details={"venue_id": ["请选择本社区的场所"]})
    return {
        "venue_id": venue.id,
        "address": data.get("address") or venue.address,
        "latitude": venue.latitude,
        "longitude": venue.longitude,
    }


def checkin_open(activity: Activity, now: datetime) -> bool:
    return activity.start_at - CHECKIN_OPENS <= now < activity.end_at


def check_location(activity: Activity, latitude: float, longitude: float) -> None:
    """A location check-in is within CHECKIN_RADIUS_M of the activity's point (GCJ-02)."""
    if activity.latitude is None or activity.longitude is None:
        raise ValidationError(details={"code": ["该活动不支持定位签到，请扫码签到"]})
    radius = current_app.config["ACTIVITY_CHECKIN_RADIUS_M"]
    away = distance_m(activity.latitude, activity.longitude, latitude, longitude)
    if away > radius:
        message = f"不在活动地点附近（距离约 {round(away)} 米，需在 {radius} 米内）"
        raise ValidationError(details={"latitude": [message]})
