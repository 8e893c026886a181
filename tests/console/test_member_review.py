"""党员 pages of the console, the review queue (报到审核): approve, reject, and the community
scope."""

from __future__ import annotations

import re

import pytest

from app.accounts.models import Role
from app.members.models import MemberProfile, RegistrationStatus
from tests.helpers.console import (
    assert_page_error,
    csrf_token,
    page_html,
    post_form,
    sign_in,
    tab_counts,
)
from tests.helpers.db import fresh
from tests.helpers.members import registration

QUEUE = "/console/members/registrations"


def reject_path(profile: MemberProfile) -> str:
    return f"{QUEUE}/{profile.id}/reject"


def test_queue_shows_pending_registrations_first_with_counts_per_tab(client, world):
    first = registration(world.a.community, "张卫东")
    registration(world.a.community, "陈静")
    registration(world.a.community, "赵强", RegistrationStatus.REJECTED, reject_reason="重复报到")
    registration(world.b.community, "外社区申请人")
    sign_in(client, world.a.staff)

    page = page_html(client.get(QUEUE))

    assert tab_counts(page) == {"待审核": 2, "已通过": 1, "已驳回": 1}
    assert page.index("张卫东") < page.index("陈静")  # whoever waited longest comes first
    for shown in ("南昌市东湖区城市管理局", first.letter_no, "水电维修", "代买代办", "13900001111"):
        assert shown in page
    assert re.search(r"\d+月\d+日 \d\d:\d\d", page)
    assert "赵强" not in page and "外社区申请人" not in page


def test_reviewed_tabs_list_their_registrations(client, world):
    registration(world.a.community, "赵强", RegistrationStatus.REJECTED, reject_reason="重复报到")
    sign_in(client, world.a.staff)

    rejected = page_html(client.get(f"{QUEUE}?status=rejected"))
    approved = page_html(client.get(f"{QUEUE}?status=approved"))

    assert "赵强" in rejected and "重复报到" in rejected
    assert world.a.member.display_name in approved and "赵强" not in approved
    assert_page_error(client.get(f"{QUEUE}?status=unknown"), 422, "提交的内容有误")


def test_approve_makes_the_applicant_a_member(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)

    response = post_form(client, f"{QUEUE}/{profile.id}/approve")

    assert response.status_code == 302 and response.headers["Location"] == QUEUE
    assert "已通过 张卫东 的报到申请" in page_html(client.get(QUEUE))
    profile = fresh(profile)
    assert profile.status == RegistrationStatus.APPROVED
    assert profile.reviewed_by_id == world.a.staff.id
    role = profile.user.role(Role.MEMBER)
    assert role is not None and role.community_id == world.a.community.id


def test_reject_with_a_common_reason(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)
    assert "介绍信信息有误" in page_html(client.get(reject_path(profile)))

    response = post_form(client, reject_path(profile), {"preset": "介绍信信息有误"})

    assert response.status_code == 302
    assert "已驳回 张卫东 的报到申请" in page_html(client.get(QUEUE))
    profile = fresh(profile)
    assert (profile.status, profile.reject_reason) == ("rejected", "介绍信信息有误")
    assert not profile.user.has_role(Role.MEMBER)


@pytest.mark.parametrize(
    "form, reason",
    [
        ({"reason": "  单位名称与介绍信不一致，请核对  "}, "单位名称与介绍信不一致，请核对"),
        (
            {"preset": "不属于本社区", "reason": "请到八一广场社区报到"},
            "不属于本社区：请到八一广场社区报到",
        ),
    ],
)
def test_reject_with_a_written_reason(client, world, form, reason):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)

    assert post_form(client, reject_path(profile), form).status_code == 302
    assert fresh(profile).reject_reason == reason


@pytest.mark.parametrize(
    "form, field, message",
    [
        ({}, "reason", "请选择常用理由或填写驳回理由"),
        ({"reason": "太" * 201}, "reason", "长度"),
        ({"preset": "重复报到", "reason": "太" * 199}, "reason", "最多 200 字"),
        ({"reason": "含有\x07控制字符"}, "reason", "控制字符"),
        ({"preset": "随便写的", "reason": "补充说明"}, "preset", "请从列表中选择"),
    ],
)
def test_invalid_reason_is_shown_next_to_the_field_and_kept(client, world, form, field, message):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)

    response = post_form(client, reject_path(profile), form)

    page = page_html(response)
    assert response.status_code == 422
    assert re.search(rf'name="{field}"[^>]*class="invalid"', page)
    assert re.search(rf'<p class="field-error">[^<]*{message}', page)
    if form.get("reason") and "\x07" not in form["reason"]:
        assert f">{form['reason']}</textarea>" in page
    assert fresh(profile).status == RegistrationStatus.PENDING


def test_a_registration_already_reviewed_is_not_changed(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)
    post_form(client, reject_path(profile), {"preset": "重复报到"})

    approve = post_form(client, f"{QUEUE}/{profile.id}/approve")
    reject = post_form(client, reject_path(profile), {"reason": "再驳回一次"})

    for response in (approve, reject):
        assert response.status_code == 409
        assert "该报到申请已处理，不能重复操作" in page_html(response)
    profile = fresh(profile)
    assert (profile.status, profile.reject_reason) == ("rejected", "重复报到")
    assert not profile.user.has_role(Role.MEMBER)
    assert "已处理" in page_html(client.get(reject_path(profile)))


def test_forms_without_csrf_token_change_nothing(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.a.staff)

    approve = client.post(f"{QUEUE}/{profile.id}/approve")
    reject = client.post(reject_path(profile), data={"preset": "重复报到"})

    assert approve.status_code == reject.status_code == 400
    assert "页面已过期" in page_html(approve)
    assert fresh(profile).status == RegistrationStatus.PENDING


def test_staff_of_another_community_get_404_and_change_nothing(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.b.staff)

    for response in (
        post_form(client, f"{QUEUE}/{profile.id}/approve"),
        post_form(client, reject_path(profile), {"preset": "重复报到"}),
        post_form(client, reject_path(profile), {}),  # 404 before 422
        client.get(reject_path(profile)),
        post_form(client, f"{QUEUE}/999999/approve"),
    ):
        assert_page_error(response, 404, "找不到")
    profile = fresh(profile)
    assert profile.status == RegistrationStatus.PENDING and profile.reviewed_by_id is None
    assert "张卫东" not in page_html(client.get(QUEUE))


def test_members_and_residents_cannot_review(client, world):
    profile = registration(world.a.community)
    sign_in(client, world.a.member)

    token = csrf_token(client, "/console/login")

    response = client.post(f"{QUEUE}/{profile.id}/approve", data={"csrf_token": token})

    assert response.status_code == 302 and "/console/login" in response.headers["Location"]
    assert fresh(profile).status == RegistrationStatus.PENDING


def test_street_admin_sees_the_street_and_filters_by_community(client, world):
    registration(world.a.community, "张卫东")
    in_b = registration(world.b.community, "外社区申请人")
    sign_in(client, world.street_admin)

    everything = page_html(client.get(QUEUE))
    only_b = page_html(client.get(f"{QUEUE}?community_id={world.b.community.id}"))

    assert "张卫东" in everything and "外社区申请人" in everything
    assert world.a.community.name in everything  # the community column
    assert tab_counts(everything)["待审核"] == 2
    assert "外社区申请人" in only_b and "张卫东" not in only_b
    assert tab_counts(only_b) == {"待审核": 1, "已通过": 1, "已驳回": 0}

    response = client.post(
        f"{QUEUE}/{in_b.id}/approve?community_id={world.b.community.id}",
        data={"csrf_token": csrf_token(client, QUEUE)},
    )
    assert response.headers["Location"] == f"{QUEUE}?community_id={world.b.community.id}"
    assert fresh(in_b).status == RegistrationStatus.APPROVED


def test_staff_cannot_pick_another_community(client, world):
    sign_in(client, world.a.staff)
    for path in (
        f"{QUEUE}?community_id={world.b.community.id}",
        f"/console/members?community_id={world.b.community.id}",
        f"{QUEUE}?community_id=abc",
    ):
        assert_page_error(client.get(path), 422, "提交的内容有误")
