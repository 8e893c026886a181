"""The console's 预约 pages with the test client: the pending queue with approve and reject,
the rooms with their forms, a room's week calendar, the usage numbers; staff see only their
community's."""

from __future__ import annotations

import re

from app.bookings.models import Booking
from app.extensions import db
from app.venues.rooms import VenueRoom
from tests.helpers.bookings import booked, slot, status_of
from tests.helpers.console import post_form, sign_in


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_the_queue_approves_and_rejects(client, world, rooms):
    first = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    second = booked(client, world.a.member, rooms.a.id, slot("09:00", "10:00"))
    other = booked(client, world.b.resident, rooms.b.id, slot("09:00", "10:00"))
    sign_in(client, world.a.staff)
    page = text(client.get("/console/bookings"))
    assert f'id="booking-{first["id"]}"' in page and f'id="booking-{second["id"]}"' in page
    assert f'id="booking-{other["id"]}"' not in page
    assert "楼栋议事会" in page and "11月27日 14:00–16:00" in page

    done = post_form(client, f"/console/bookings/{first['id']}/approve", follow=True)
    assert "已通过 议事室 的预约" in text(done) and status_of(first["id"]) == "approved"
    again = post_form(client, f"/console/bookings/{first['id']}/approve", follow=True)
    assert "该预约当前状态不允许此操作" in text(again)
    empty = post_form(
        client, f"/console/bookings/{second['id']}/reject", {"reason": ""}, follow=True
    )
    assert "请填写未通过的原因" in text(empty) and status_of(second["id"]) == "pending"
    post_form(client, f"/console/bookings/{second['id']}/reject", {"reason": "设备检修"})
    assert status_of(second["id"]) == "rejected"
    assert client.post(f"/console/bookings/{other['id']}/approve").status_code in (400, 404)
    rejected = text(client.get("/console/bookings?status=rejected"))
    assert "设备检修" in rejected


def test_another_communitys_objects_are_not_found(client, world, rooms):
    other = booked(client, world.b.resident, rooms.b.id, slot("09:00", "10:00"))
    sign_in(client, world.a.staff)
    assert post_form(client, f"/console/bookings/{other['id']}/approve").status_code == 404
    assert client.get(f"/console/rooms/{rooms.b.id}/calendar").status_code == 404
    assert client.get(f"/console/rooms/{rooms.b.id}/edit").status_code == 404
    assert client.get(f"/console/venues/{rooms.b.venue_id}/rooms/new").status_code == 404
    assert status_of(other["id"]) == "pending"


def test_rooms_are_added_and_edited(client, world, rooms):
    sign_in(client, world.a.staff)
    page = text(client.get("/console/rooms"))
    assert f'id="room-{rooms.a.id}"' in page and f'id="room-{rooms.b.id}"' not in page
    path = f"/console/venues/{rooms.a.venue_id}/rooms/new"
    bad = post_form(client, path, {"name": "", "capacity": "0"}, token_from=path)
    assert bad.status_code == 422 and "请填写房间名称" in bad.get_data(as_text=True)
    made = post_form(
        client,
        path,
        {
            "name": "邻里休闲厅",
            "kind": "lounge",
            "capacity": "40",
            "facilities": "茶水台、音响",
            "auto_approve": "1",
            "is_active": "1",
        },
        token_from=path,
    )
    assert made.status_code == 302
    room = db.session.query(VenueRoom).filter_by(name="邻里休闲厅").one()
    assert (room.capacity, room.facilities, room.auto_approve, room.is_active) == (
        40,
        ["茶水台", "音响"],
        True,
        True,
    )
    edit = f"/console/rooms/{room.id}/edit"
    post_form(
        client, edit, {"name": "邻里休闲厅", "kind": "lounge", "capacity": "30"}, token_from=edit
    )
    db.session.expire_all()
    assert (room.capacity, room.auto_approve, room.is_active) == (30, False, False)


def test_the_week_calendar_shows_the_bookings(client, world, rooms):
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    booked(client, world.a.member, rooms.a.id, slot("09:00", "10:00", day="2026-12-01"))
    sign_in(client, world.a.staff)
    page = text(client.get(f"/console/rooms/{rooms.a.id}/calendar?week=2026-11-27"))
    assert f'data-booking-id="{made["id"]}"' in page and 'rowspan="4"' in page
    assert "14:00–16:00 · 待审核" in page and "周五" in page
    assert "week=2026-11-30" in page and "week=2026-11-16" in page  # next, previous
    assert "12月01日" not in page
    later = text(client.get(f"/console/rooms/{rooms.a.id}/calendar?week=2026-11-30"))
    assert "09:00–10:00 · 待审核" in later and made["purpose"] in later
    assert client.get(f"/console/rooms/{rooms.a.id}/calendar?week=soon").status_code == 422


def test_usage_numbers_for_a_period(client, world, rooms):
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00", attendees=9))
    db.session.get(Booking, made["id"]).status = "approved"
    db.session.commit()
    sign_in(client, world.a.staff)
    page = text(client.get("/console/bookings/usage?from=2026-11-01&to=2026-11-30"))
    assert f'id="usage-{rooms.a.venue_id}"' in page and "2.0" in page and ">9<" in page
    bad = client.get("/console/bookings/usage?from=2026-12-01&to=2026-11-30")
    assert "开始日期不能晚于结束日期" in bad.get_data(as_text=True)


def test_the_nav_counts_the_bookings_waiting_for_a_decision(client, world, rooms):
    made = booked(client, world.a.resident, rooms.a.id, slot("14:00", "16:00"))
    booked(client, world.b.resident, rooms.b.id, slot("09:00", "10:00"))  # not a's
    sign_in(client, world.a.staff)
    badge = r'预约\s*<span class="badge hot" title="待审核的预约">(\d+)</span>'
    assert re.findall(badge, text(client.get("/console/"))) == ["1"]
    post_form(client, f"/console/bookings/{made['id']}/approve")
    assert re.findall(badge, text(client.get("/console/"))) == []
