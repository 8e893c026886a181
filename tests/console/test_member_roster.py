"""党员 pages of the console, the roster (党员名册): each member's numbers, search, pages, the
community scope, and a fixed number of queries however many rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.members.models import MemberProfile
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.console import assert_page_error, page_html, sign_in
from tests.helpers.members import registration
from tests.helpers.queries import queries_of_request

QUEUE = "/console/members/registrations"


def roster_row(page: str, user) -> str:
    match = re.search(rf'<tr id="member-{user.id}">(.*?)</tr>', page, re.S)
    assert match, f"member {user.id} not listed"
    return match.group(1)


def cell(row: str, name: str) -> str:
    return re.search(rf'<td class="num {name}">(?:<a [^>]*>)?(\d+)(?:</a>)?</td>', row).group(1)


def give_work(world, member) -> None:
    """Points +10 +5 -3; three open orders, one completed, two rated (4 and 5 stars);
    a cancelled order of theirs and a published one of nobody's, which count for nothing."""
    side, item = world.a, world.item
    for status, stars in (
        ("dispatched", None),
        ("accepted", None),
        ("in_progress", None),
        ("completed", None),
        ("rated", 4),
        ("rated", 5),
        ("cancelled", None),
    ):
        factories.order(side.community, side.resident, item, status, member).stars = stars
    factories.order(side.community, side.resident, item, "published")
    for delta, reason in ((10, "order_completed"), (5, "adjustment"), (-3, "redemption")):
        db.session.add(PointsEntry(member_id=member.id, delta=delta, reason=reason))
    db.session.commit()


def test_roster_shows_each_members_numbers(client, world):
    busy = world.a.member
    idle = factories.member(world.a.community, skills=["法律援助"])
    give_work(world, busy)
    registration(world.a.community, "待审核的人")
    sign_in(client, world.a.staff)

    page = page_html(client.get("/console/members"))

    row = roster_row(page, busy)
    assert (cell(row, "points"), cell(row, "open-orders"), cell(row, "done-orders")) == (
        "12",
        "3",
        "3",
    )
    assert "4.5" in row and "2 次评价" in row
    idle_row = roster_row(page, idle)
    assert (cell(idle_row, "points"), cell(idle_row, "open-orders")) == ("0", "0")
    assert "暂无评价" in idle_row and "法律援助" in idle_row
    assert world.b.member.display_name not in page and "待审核的人" not in page
    assert re.search(r'报到审核\s*<span class="badge hot"[^>]*>1</span>', page)


def test_roster_shows_grid_and_building(client, world):
    member = factories.member(world.a.community)
    profile = db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == member.id))
    profile.grid_id, profile.building_id = world.a.grid.id, world.a.building.id
    db.session.commit()
    sign_in(client, world.a.staff)

    row = roster_row(page_html(client.get("/console/members")), member)

    assert f"{world.a.grid.name} · {world.a.building.name}" in row


@pytest.mark.parametrize("search, found", [("党员", 2), ("水电", 1), ("城管", 1), ("100%", 0)])
def test_roster_search_by_name_unit_or_skill(client, world, search, found):
    plumber = factories.member(world.a.community, skills=["水电维修"])
    profile = db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == plumber.id))
    profile.unit_name = "南昌市东湖区城管局"
    db.session.commit()
    sign_in(client, world.a.staff)

    page = page_html(client.get("/console/members", query_string={"q": search}))

    assert len(re.findall(r'<tr id="member-', page)) == found


def test_roster_pages_with_a_cursor(client, world):
    for _ in range(2):
        factories.member(world.a.community)
    db.session.commit()
    sign_in(client, world.a.staff)

    first = page_html(client.get("/console/members?limit=2"))
    next_link = re.search(r'href="(/console/members\?[^"]*cursor=[^"]+)">下一页', first)
    second = page_html(client.get(next_link.group(1).replace("&amp;", "&")))

    assert len(re.findall(r'<tr id="member-', first)) == 2
    assert len(re.findall(r'<tr id="member-', second)) == 1
    assert "回到第一页" in second and "下一页" not in second
    assert_page_error(client.get("/console/members?cursor=forged"), 422, "提交的内容有误")


def test_street_admin_roster_covers_the_street_with_a_filter(client, world):
    sign_in(client, world.street_admin)

    everything = page_html(client.get("/console/members"))
    only_a = client.get(f"/console/members?community_id={world.a.community.id}")

    roster_row(everything, world.a.member)
    roster_row(everything, world.b.member)
    assert world.b.member.display_name not in page_html(only_a)
    roster_row(page_html(only_a), world.a.member)


def add_members(world, how_many: int) -> None:
    for _ in range(how_many):
        member = factories.member(world.a.community, skills=["水电维修"])
        factories.order(world.a.community, world.a.resident, world.item, "accepted", member)
        registration(world.a.community, "申请人")
    db.session.commit()


def test_list_pages_run_a_fixed_number_of_queries(client, world):
    sign_in(client, world.a.staff)
    # Once first: what is kept per process (the scope's name) is built then.
    assert client.get("/console/").status_code == 200
    add_members(world, 9)
    roster_10 = queries_of_request(client, "/console/members?limit=100")
    queue_10 = queries_of_request(client, f"{QUEUE}?limit=100")

    add_members(world, 90)
    roster_100 = queries_of_request(client, "/console/members?limit=100")
    queue_100 = queries_of_request(client, f"{QUEUE}?limit=100")

    assert page_html(client.get("/console/members?limit=100")).count('<tr id="member-') == 100
    assert roster_10 == roster_100 <= 10
    assert queue_10 == queue_100 <= 6
