"""The demo's rooms: after `seed demo` every 邻里中心 has its 三室一厅 and every 党群服务中心 a
党员活动室; the walkthrough's resident books demo-a's 议事室, its staff approve, the room's
day shows it (README walkthrough). Seeding again adds no room."""

from sqlalchemy import func, select

from app.extensions import db
from app.venues.models import Venue
from app.venues.rooms import VenueRoom
from tests.helpers.api import API, bearer, staff_login, wechat_login


def seed(app) -> str:
    result = app.test_cli_runner().invoke(args=["seed", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_walkthrough_resident_books_a_demo_room(app, client, frozen_clock):
    output = seed(app)
    assert "] 场所的可预约房间（三室一厅）" in output
    venue = db.session.scalar(select(Venue).where(Venue.name == "百花洲邻里中心"))
    rooms = client.get(f"{API}/venues/{venue.id}").get_json()["rooms"]
    assert [r["name"] for r in rooms] == ["邻里服务室", "邻里议事室", "邻里互助室", "邻里休闲厅"]
    hall = next(r for r in rooms if r["name"] == "邻里议事室")

    resident = bearer(wechat_login(client, "resident-a1").get_json()["token"])
    staff = bearer(staff_login(client, "demo-a-staff", "demo-pass-123").get_json()["token"])
    body = {
        "start": "2026-11-30T14:00:00+08:00",
        "end": "2026-11-30T16:00:00+08:00",
        "purpose": "楼栋议事会",
        "attendees": 12,
    }
    made = client.post(f"{API}/rooms/{hall['id']}/bookings", json=body, headers=resident)
    assert made.status_code == 201, made.get_json()
    booking = made.get_json()["id"]
    approved = client.post(f"{API}/staff/bookings/{booking}/approve", headers=staff)
    assert approved.status_code == 200 and approved.get_json()["status"] == "approved"
    day = client.get(f"{API}/rooms/{hall['id']}/bookings?date=2026-11-30", headers=resident)
    assert [(b["id"], b["status"]) for b in day.get_json()["items"]] == [(booking, "approved")]


def test_seeding_again_adds_no_room(app):
    seed(app)
    before = db.session.scalar(select(func.count()).select_from(VenueRoom))
    assert before >= 2 * 4 + 2
    seed(app)
    assert db.session.scalar(select(func.count()).select_from(VenueRoom)) == before
