"""The week's roster and the reminder: staff see who reported and who did not (a fixed
number of queries), and one button tells the absent once a week."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Message
from tests.helpers import factories
from tests.helpers.api import assert_error, get_json, post
from tests.helpers.console import flashes, page_text, post_form, sign_in
from tests.helpers.duties import SATURDAY, liaison, report_body
from tests.helpers.queries import queries_of_request


@pytest.fixture
def saturday(frozen_clock):
    frozen_clock.move_to(SATURDAY)
    return frozen_clock


def reminders(user_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(Message).where(Message.event == "checkin_reminder")
    if user_id is not None:
        stmt = stmt.where(Message.user_id == user_id)
    return db.session.scalar(stmt)


def remind(client, staff, community):
    return post(client, staff, f"/staff/communities/{community.id}/checkin-reminders")


def test_the_absent_are_reminded_once_a_week(saturday, client, world):
    station = liaison(world.a.community)
    absent = factories.member(world.a.community)
    db.session.commit()
    assert post(client, world.a.member, "/member/checkins", report_body(station)).status_code == 201

    first = remind(client, world.a.staff, world.a.community)
    assert first.status_code == 200 and first.get_json() == {"reminded": 1}
    assert (reminders(absent.id), reminders(world.a.member.id)) == (1, 0)
    assert remind(client, world.a.staff, world.a.community).get_json() == {"reminded": 0}
    assert reminders() == 1
    inbox = get_json(client, absent, "/my/messages")["items"]
    assert inbox[0]["title"] == "周六报到提醒" and station.name in inbox[0]["body"]

    saturday.shift(timedelta(days=7))  # a new week: reminded again
    assert remind(client, world.a.staff, world.a.community).get_json() == {"reminded": 2}


def test_no_reminder_without_a_liaison_venue(client, world):
    assert_error(remind(client, world.a.staff, world.a.community), 409, "CONFLICT")
    assert reminders() == 0


def test_the_console_roster_of_a_week_and_its_button(saturday, client, world):
    station = liaison(world.a.community)
    absent = factories.member(world.a.community)
    db.session.commit()
    post(client, world.a.member, "/member/checkins", report_body(station))
    sign_in(client, world.a.staff)
    page = page_text(client.get("/console/duties/checkins"))
    assert "已报到 <strong>1</strong> 人，未报到 <strong>1</strong> 人" in page
    assert "✓ 已报到" in page and station.name in page

    response = post_form(
        client, f"/console/duties/checkins/remind?community_id={world.a.community.id}", follow=True
    )
    assert flashes(response) == ["已提醒 1 名本周未报到的党员"]
    assert 'data-field="reminded">已提醒<' in page_text(response)
    assert reminders(absent.id) == 1

    last_week = page_text(client.get("/console/duties/checkins?week=2026-11-17"))
    assert "2026年11月16日—11月22日" in last_week and "未报到 <strong>2</strong>" in last_week
    assert "remind-form" not in last_week  # only this week's absent can be reminded


def test_the_roster_costs_the_same_queries_for_more_members(saturday, client, world):
    station = liaison(world.a.community)
    sign_in(client, world.a.staff)
    path = f"/console/duties/checkins?community_id={world.a.community.id}"
    client.get(path)
    few = queries_of_request(client, path)
    for _ in range(6):
        member = factories.member(world.a.community)
        db.session.commit()
        post(client, member, "/member/checkins", report_body(station))
    client.get(path)  # the page's kept values, dropped by the writes, built again
    assert queries_of_request(client, path) == few


def test_the_code_is_printable_and_its_picture_a_png(saturday, client, world):
    station = liaison(world.a.community)
    sign_in(client, world.a.staff)
    sheet = page_text(client.get("/console/duties/checkins/code"))
    assert station.name in sheet and "2026年11月23日—11月29日" in sheet
    png = client.get("/console/duties/checkins/code.png")
    assert png.status_code == 200 and png.data.startswith(b"\x89PNG")


def test_staff_choose_the_liaison_venue_in_the_console(client, world):
    from tests.helpers.duties import venue

    hall = venue(world.a.community, name="百花洲党群服务中心")
    other = venue(world.b.community, name="别的社区的场所")
    db.session.commit()
    sign_in(client, world.a.staff)
    response = post_form(
        client, "/console/duties/checkins/venue", {"venue_id": str(hall.id)}, follow=True
    )
    assert flashes(response) == ["已将“百花洲党群服务中心”设为报到点"]
    refused = post_form(
        client, "/console/duties/checkins/venue", {"venue_id": str(other.id)}, follow=True
    )
    assert flashes(refused) == ["请选择本社区的场所作为报到点"]
    assert 'id="liaison-name">百花洲党群服务中心<' in page_text(refused)
