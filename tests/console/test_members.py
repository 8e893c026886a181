"""党员 pages of the console: the review queue (approve, reject), the roster with its numbers,
and the community scope of both."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.accounts.models import Role
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.points.models import PointsEntry
from tests.helpers import factories
from tests.helpers.queries import queries_of_request
from tests.console.helpers import console_login, csrf_token, post_form

QUEUE = "/console/members/registrations"


def registration(community, name: str = "张卫东", status: str = RegistrationStatus.PENDING,
                 **fields) -> MemberProfile:
    applicant = factories.resident()
    profile = MemberProfile(user_id=applicant.id, community_id=community.id, name=name,
                            unit_name=fields.pop("unit_name", "南昌市东湖区城市管理局"),
                            letter_no=f"DH-T-{applicant.id:04d}", phone="13900001111",
                            skills=fields.pop("skills", ["水电维修", "代买代办"]),
                            status=status, **fields)
    db.session.add(profile)
    db.session.commit()
    return profile


def sign_in_as(client, user) -> None:
    """Street admins from the factories have no password: put them in the session."""
    with client.session_transaction() as session:
        session["staff_id"] = user.id


def tab_counts(page: str) -> dict[str, int]:
    return {label: int(count) for label, count in re.findall(
        r'>(待审核|已通过|已驳回)\s*<span class="badge[^"]*">(\d+)</span>', page)}


def reloaded(profile: MemberProfile) -> MemberProfile:
    db.session.expire_all()
    return db.session.get(MemberProfile, profile.id)


def reject_path(profile: MemberProfile) -> str:
    return f"{QUEUE}/{profile.id}/reject"


# --- the review queue ------------------------------------------------------------------------

def test_queue_shows_pending_registrations_first_with_counts_per_tab(client, world):
    first = registration(world.a.community, "张卫东")
    registration(world.a.community, "陈静")
    registration(world.a.community, "赵强", RegistrationStatus.REJECTED, reject_reason="重复报到")
    registration(world.b.community, "外社区申请人")
    console_login(client, world.a.staff)

    page = client.get(QUEUE).get_data(as_text=True)

    assert tab_counts(page) == {"待审核": 2, "已通过": 1, "已驳回": 1}
    assert page.index("张卫东") < page.index("陈静")  # whoever waited longest comes first
    for shown in ("南昌市东湖区城市管理局", first.letter_no, "水电维修", "代买代办", "13900001111"):
        assert shown in page
    assert re.search(r"\d+月\d+日 \d\d:\d\d", page)
    assert "赵强" not in page and "外社区申请人" not in page


def test_reviewed_tabs_list_their_registrations(client, world):
    registration(world.a.community, "赵强", RegistrationStatus.REJECTED, reject_reason="重复报到")
    console_login(client, world.a.staff)

    rejected = client.get(f"{QUEUE}?status=rejected").get_data(as_text=True)
    approved = client.get(f"{QUEUE}?status=approved").get_data(as_text=True)

    assert "赵强" in rejected and "重复报到" in rejected
    assert world.a.member.display_name in approved and "赵强" not in approved
    assert client.get(f"{QUEUE}?status=unknown").status_code == 422


def test_approve_makes_the_applicant_a_member(client, world):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)

    response = post_form(client, f"{QUEUE}/{profile.id}/approve")

    assert response.status_code == 302 and response.headers["Location"] == QUEUE
    assert "已通过 张卫东 的报到申请" in client.get(QUEUE).get_data(as_text=True)
    profile = reloaded(profile)
    assert profile.status == RegistrationStatus.APPROVED
    assert profile.reviewed_by_id == world.a.staff.id
    role = profile.user.role(Role.MEMBER)
    assert role is not None and role.community_id == world.a.community.id


def test_reject_with_a_common_reason(client, world):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)
    assert "介绍信信息有误" in client.get(reject_path(profile)).get_data(as_text=True)

    response = post_form(client, reject_path(profile), {"preset": "介绍信信息有误"})

    assert response.status_code == 302
    assert "已驳回 张卫东 的报到申请" in client.get(QUEUE).get_data(as_text=True)
    profile = reloaded(profile)
    assert (profile.status, profile.reject_reason) == ("rejected", "介绍信信息有误")
    assert not profile.user.has_role(Role.MEMBER)


@pytest.mark.parametrize("form, reason", [
    ({"reason": "  单位名称与介绍信不一致，请核对  "}, "单位名称与介绍信不一致，请核对"),
    ({"preset": "不属于本社区", "reason": "请到八一广场社区报到"}, "不属于本社区：请到八一广场社区报到"),
])
def test_reject_with_a_written_reason(client, world, form, reason):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)

    assert post_form(client, reject_path(profile), form).status_code == 302
    assert reloaded(profile).reject_reason == reason


@pytest.mark.parametrize("form, field, message", [
    ({}, "reason", "请选择常用理由或填写驳回理由"),
    ({"reason": "太" * 201}, "reason", "长度"),
    ({"preset": "重复报到", "reason": "太" * 199}, "reason", "最多 200 字"),
    ({"reason": "含有\x07控制字符"}, "reason", "控制字符"),
    ({"preset": "随便写的", "reason": "补充说明"}, "preset", "请从列表中选择"),
])
def test_invalid_reason_is_shown_next_to_the_field_and_kept(client, world, form, field, message):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)

    response = post_form(client, reject_path(profile), form)

    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(rf'name="{field}"[^>]*class="invalid"', page)
    assert re.search(rf'<p class="field-error">[^<]*{message}', page)
    if form.get("reason") and "\x07" not in form["reason"]:
        assert f'>{form["reason"]}</textarea>' in page
    assert reloaded(profile).status == RegistrationStatus.PENDING


def test_a_registration_already_reviewed_is_not_changed(client, world):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)
    post_form(client, reject_path(profile), {"preset": "重复报到"})

    approve = post_form(client, f"{QUEUE}/{profile.id}/approve")
    reject = post_form(client, reject_path(profile), {"reason": "再驳回一次"})

    for response in (approve, reject):
        assert response.status_code == 409
        assert "该报到申请已处理，不能重复操作" in response.get_data(as_text=True)
    profile = reloaded(profile)
    assert (profile.status, profile.reject_reason) == ("rejected", "重复报到")
    assert not profile.user.has_role(Role.MEMBER)
    assert "已处理" in client.get(reject_path(profile)).get_data(as_text=True)


def test_forms_without_csrf_token_change_nothing(client, world):
    profile = registration(world.a.community)
    console_login(client, world.a.staff)

    approve = client.post(f"{QUEUE}/{profile.id}/approve")
    reject = client.post(reject_path(profile), data={"preset": "重复报到"})

    assert approve.status_code == reject.status_code == 400
    assert "页面已过期" in approve.get_data(as_text=True)
    assert reloaded(profile).status == RegistrationStatus.PENDING


def test_staff_of_another_community_get_404_and_change_nothing(client, world):
    profile = registration(world.a.community)
    console_login(client, world.b.staff)

    assert post_form(client, f"{QUEUE}/{profile.id}/approve").status_code == 404
    assert post_form(client, reject_path(profile), {"preset": "重复报到"}).status_code == 404
    assert post_form(client, reject_path(profile), {}).status_code == 404  # 404 before 422
    assert client.get(reject_path(profile)).status_code == 404
    assert post_form(client, f"{QUEUE}/999999/approve").status_code == 404
    profile = reloaded(profile)
    assert profile.status == RegistrationStatus.PENDING and profile.reviewed_by_id is None
    assert "张卫东" not in client.get(QUEUE).get_data(as_text=True)


def test_members_and_residents_cannot_review(client, world):
    profile = registration(world.a.community)
    sign_in_as(client, world.a.member)

    token = csrf_token(client, "/console/login")

    response = client.post(f"{QUEUE}/{profile.id}/approve", data={"csrf_token": token})

    assert response.status_code == 302 and "/console/login" in response.headers["Location"]
    assert reloaded(profile).status == RegistrationStatus.PENDING


def test_street_admin_sees_the_street_and_filters_by_community(client, world):
    registration(world.a.community, "张卫东")
    in_b = registration(world.b.community, "外社区申请人")
    sign_in_as(client, world.street_admin)

    everything = client.get(QUEUE).get_data(as_text=True)
    only_b = client.get(f"{QUEUE}?community_id={world.b.community.id}").get_data(as_text=True)

    assert "张卫东" in everything and "外社区申请人" in everything
    assert world.a.community.name in everything  # the community column
    assert tab_counts(everything)["待审核"] == 2
    assert "外社区申请人" in only_b and "张卫东" not in only_b
    assert tab_counts(only_b) == {"待审核": 1, "已通过": 1, "已驳回": 0}

    response = client.post(f"{QUEUE}/{in_b.id}/approve?community_id={world.b.community.id}",
                           data={"csrf_token": csrf_token(client, QUEUE)})
    assert response.headers["Location"] == f"{QUEUE}?community_id={world.b.community.id}"
    assert reloaded(in_b).status == RegistrationStatus.APPROVED


def test_staff_cannot_pick_another_community(client, world):
    console_login(client, world.a.staff)
    assert client.get(f"{QUEUE}?community_id={world.b.community.id}").status_code == 422
    assert client.get(f"/console/members?community_id={world.b.community.id}").status_code == 422
    assert client.get(f"{QUEUE}?community_id=abc").status_code == 422


# --- the roster ------------------------------------------------------------------------------

def roster_row(page: str, user) -> str:
    match = re.search(rf'<tr id="member-{user.id}">(.*?)</tr>', page, re.S)
    assert match, f"member {user.id} not listed"
    return match.group(1)


def cell(row: str, name: str) -> str:
    return re.search(rf'<td class="num {name}">(\d+)</td>', row).group(1)


def give_work(world, member) -> None:
    """Points +10 +5 -3; three open orders, one completed, two rated (4 and 5 stars);
    a cancelled order of theirs and a published one of nobody's, which count for nothing."""
    side, item = world.a, world.item
    for status, stars in (("dispatched", None), ("accepted", None), ("in_progress", None),
                          ("completed", None), ("rated", 4), ("rated", 5), ("cancelled", None)):
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
    console_login(client, world.a.staff)

    page = client.get("/console/members").get_data(as_text=True)

    row = roster_row(page, busy)
    assert (cell(row, "points"), cell(row, "open-orders"), cell(row, "done-orders")) == \
        ("12", "3", "3")
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
    console_login(client, world.a.staff)

    row = roster_row(client.get("/console/members").get_data(as_text=True), member)

    assert f"{world.a.grid.name} · {world.a.building.name}" in row


@pytest.mark.parametrize("search, found", [("党员", 2), ("水电", 1), ("城管", 1), ("100%", 0)])
def test_roster_search_by_name_unit_or_skill(client, world, search, found):
    plumber = factories.member(world.a.community, skills=["水电维修"])
    profile = db.session.scalar(select(MemberProfile).where(MemberProfile.user_id == plumber.id))
    profile.unit_name = "南昌市东湖区城管局"
    db.session.commit()
    console_login(client, world.a.staff)

    page = client.get("/console/members", query_string={"q": search}).get_data(as_text=True)

    assert len(re.findall(r'<tr id="member-', page)) == found


def test_roster_pages_with_a_cursor(client, world):
    for _ in range(2):
        factories.member(world.a.community)
    db.session.commit()
    console_login(client, world.a.staff)

    first = client.get("/console/members?limit=2").get_data(as_text=True)
    next_link = re.search(r'href="(/console/members\?[^"]*cursor=[^"]+)">下一页', first)
    second = client.get(next_link.group(1).replace("&amp;", "&")).get_data(as_text=True)

    assert len(re.findall(r'<tr id="member-', first)) == 2
    assert len(re.findall(r'<tr id="member-', second)) == 1
    assert "回到第一页" in second and "下一页" not in second
    assert client.get("/console/members?cursor=forged").status_code == 422


def test_street_admin_roster_covers_the_street_with_a_filter(client, world):
    sign_in_as(client, world.street_admin)

    everything = client.get("/console/members").get_data(as_text=True)
    only_a = client.get(f"/console/members?community_id={world.a.community.id}")

    roster_row(everything, world.a.member)
    roster_row(everything, world.b.member)
    assert world.b.member.display_name not in only_a.get_data(as_text=True)
    roster_row(only_a.get_data(as_text=True), world.a.member)


# --- a fixed number of queries, however many rows ---------------------------------------------

def add_members(world, how_many: int) -> None:
    for _ in range(how_many):
        member = factories.member(world.a.community, skills=["水电维修"])
        factories.order(world.a.community, world.a.resident, world.item, "accepted", member)
        registration(world.a.community, "申请人")
    db.session.commit()


def test_list_pages_run_a_fixed_number_of_queries(client, world):
    console_login(client, world.a.staff)
    add_members(world, 9)
    roster_10 = queries_of_request(client, "/console/members?limit=100")
    queue_10 = queries_of_request(client, f"{QUEUE}?limit=100")

    add_members(world, 90)
    roster_100 = queries_of_request(client, "/console/members?limit=100")
    queue_100 = queries_of_request(client, f"{QUEUE}?limit=100")

    assert client.get("/console/members?limit=100").get_data(as_text=True).count(
        '<tr id="member-') == 100
    assert roster_10 == roster_100 <= 10
    assert queue_10 == queue_100 <= 6
