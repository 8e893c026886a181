"""Activities in the world's two communities, and the calls the mini-program makes. Times
are Beijing times on the frozen clock's days (Thursday 2026-11-26, 10:00)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.activities.models import Activity, ActivitySignup
from app.extensions import db
from tests.helpers.api import post
from tests.venues.conftest import make_venue, north

FRIDAY = "2026-11-27"  # the day after the frozen clock's


def at(day: str, hhmm: str) -> str:
    return f"{day}T{hhmm}:00+08:00"


def activity_body(community, start="14:00", end="16:00", day=FRIDAY, **fields) -> dict:
    return {
        "title": "邻里节·百家宴",
        "description": "邻里互助，共享美食。",
        "community_id": community.id,
        "start": at(day, start),
        "end": at(day, end),
        "capacity": 5,
        "points": 10,
        "address": "百花洲社区广场",
    } | fields


def venue_of(community, name: str = "百花洲党群服务中心", meters: float = 300):
    """A venue of the community; commits."""
    venue = make_venue(community, name, "service_center", north(meters))
    db.session.commit()
    return venue


def published(client, staff, body: dict) -> dict:
    response = post(client, staff, "/staff/activities", body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def sign_up(client, user, activity_id: int, body=None):
    return post(client, user, f"/activities/{activity_id}/signup", body)


def signed_up(client, user, activity_id: int, body=None) -> dict:
    response = sign_up(client, user, activity_id, body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def check_in(client, user, activity_id: int, body: dict):
    return post(client, user, f"/activities/{activity_id}/checkin", body)


def places_taken(activity_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(select(Activity.signed_up).where(Activity.id == activity_id))


def status_of(activity_id: int, user_id: int) -> str | None:
    db.session.expire_all()
    return db.session.scalar(
        select(ActivitySignup.status).where(
            ActivitySignup.activity_id == activity_id, ActivitySignup.user_id == user_id
        )
    )


def count_signups(*conditions) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(ActivitySignup).where(*conditions))
