"""预约 in a real browser: a resident books the demo 议事室 in the mini-program, staff
approve it in the queue (and reject another with a reason), the room's week calendar shows
it as a block, staff add a room, and the usage page counts the approved booking."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.clock import beijing_today, utcnow
from app.extensions import db
from app.venues.models import Venue
from app.venues.rooms import VenueRoom
from tests.helpers.api import bearer, wechat_login
from tests.helpers.bookings import status_of
from tests.helpers.browser import flash, no_sideways_scrolling, screenshot, sign_in


def next_wednesday() -> date:
    today = beijing_today(utcnow())
    return today + timedelta(days=(2 - today.weekday()) % 7 or 7)


def demo_room(name: str = "邻里议事室") -> VenueRoom:
    venue = db.session.scalar(select(Venue).where(Venue.name == "百花洲邻里中心"))
    return db.session.scalar(
        select(VenueRoom).where(VenueRoom.venue_id == venue.id, VenueRoom.name == name)
    )


def book_as(demo, code: str, room: VenueRoom, day: date, start: str, end: str, purpose: str) -> int:
    client = demo.test_client()
    token = wechat_login(client, code).get_json()["token"]
    body = {
        "start": f"{day}T{start}:00+08:00",
        "end": f"{day}T{end}:00+08:00",
        "purpose": purpose,
        "attendees": 12,
    }
    response = client.post(f"/api/v1/rooms/{room.id}/bookings", json=body, headers=bearer(token))
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def test_a_resident_books_staff_approve_and_the_calendar_shows_it(page, demo):
    room, day = demo_room(), next_wednesday()
    meeting = book_as(demo, "resident-a1", room, day, "14:00", "16:00", "三楼住户议事：电梯加装")
    party = book_as(demo, "resident-a2", room, day, "09:00", "11:00", "生日聚会")

    sign_in(page, "demo-a-staff")
    page.click(".mainnav >> text=预约")
    page.wait_for_url("**/console/bookings")
    assert page.locator(f"#booking-{meeting}").is_visible()
    assert no_sideways_scrolling(page)
    screenshot(page, "60-bookings-queue")
    page.locator(f"#booking-{meeting} button.primary").click()
    assert flash(page) == "已通过 邻里议事室 的预约，已通知预约人"
    page.locator(f"#booking-{party} input[name=reason]").fill("议事室不用于私人聚会，请预约休闲厅")
    page.locator(f"#booking-{party} button.danger").click()
    assert "已驳回" in flash(page)
    assert (status_of(meeting), status_of(party)) == ("approved", "rejected")

    page.click("text=房间与日历")
    page.locator(f"#room-{room.id} >> text=周日历").click()
    page.goto(f"/console/rooms/{room.id}/calendar?week={day.isoformat()}")
    block = page.locator(f'[data-booking-id="{meeting}"]')
    assert "14:00–16:00 · 已通过" in block.inner_text()
    assert block.locator("xpath=..").get_attribute("rowspan") == "4"
    assert "生日聚会" in page.locator(".off-grid").inner_text()  # rejected: under the grid
    screenshot(page, "61-bookings-room-calendar")
    page.click("#week-next")
    assert page.locator(f'[data-booking-id="{meeting}"]').count() == 0
    page.click("#week-previous")
    assert page.locator(f'[data-booking-id="{meeting}"]').count() == 1

    page.click("text=使用情况")
    page.fill("#from", day.isoformat())
    page.fill("#to", day.isoformat())
    page.click("form.filters button[type=submit]")
    row = page.locator(f"#usage-{room.venue_id}")
    assert row.locator("td").all_inner_texts()[1:] == ["1", "2.0", "12"]
    screenshot(page, "62-bookings-usage")


def test_staff_add_a_room_to_a_venue(page, demo):
    venue = demo_room().venue
    sign_in(page, "demo-a-staff")
    page.goto("/console/rooms")
    page.locator(f"#venue-{venue.id} >> text=添加房间").click()
    page.fill("#name", "四点半课堂")
    page.fill("#capacity", "0")
    page.click("#room-form button[type=submit]")
    assert "容纳人数应为 1 到 10000 的整数" in page.locator("#capacity-error").inner_text()
    page.select_option("#kind", "other")
    page.fill("#capacity", "25")
    page.fill("#facilities", "课桌椅、图书角")
    page.check("input[name=is_active]")
    screenshot(page, "63-bookings-room-form")
    page.click("#room-form button[type=submit]")
    assert flash(page) == f"已为{venue.name}添加“四点半课堂”"
    db.session.expire_all()
    room = db.session.scalar(select(VenueRoom).where(VenueRoom.name == "四点半课堂"))
    assert (room.capacity, room.facilities, room.is_active) == (25, ["课桌椅", "图书角"], True)
    assert "课桌椅、图书角" in page.locator(f"#room-{room.id}").inner_text()
    screenshot(page, "64-bookings-rooms")
