"""Staff actions on the order page: each is the API's service; a state that forbids it is a
flash on the page (nothing changes); bad input is the page again (422) with the error next
to the field and the text kept. Reach and CSRF: test_order_action_guards.py."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.orders.models import FollowUp
from app.orders.models import OrderStatus as S
from tests.helpers.candidates import candidate_field
from tests.helpers.console import (
    field_errors,
    flashes,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.orders import last_event, seeded_order, snapshot, stored_order


@pytest.fixture
def staff_client(client, world):
    return sign_in(client, world.a.staff)


def act(client, order, action, data=None):
    return post_form(client, f"/console/orders/{order.id}/{action}", data, follow=True)


def test_approve(staff_client, world):
    order = seeded_order(world.a, world.item)
    response = act(staff_client, order, "approve")
    assert response.status_code == 200
    assert response.request.path == f"/console/orders/{order.id}"
    assert flashes(response) == ["已审核通过，工单待派单"]
    assert 'id="order-status">待派单' in page_text(response)
    event = last_event(order.id)
    assert (stored_order(order.id).status, event.action, event.actor_id) == (
        S.APPROVED,
        "approve",
        world.a.staff.id,
    )


@pytest.mark.parametrize(
    "action, status, label",
    [
        ("approve", S.APPROVED, "无法审核通过：工单当前为「待派单」，不能进行此操作。"),
        ("publish", S.SUBMITTED, "无法发布到抢单池：工单当前为「待审核」，不能进行此操作。"),
        ("recall", S.APPROVED, "无法从抢单池撤回：工单当前为「待派单」，不能进行此操作。"),
        ("close", S.ACCEPTED, "无法办结：工单当前为「已接单」，不能进行此操作。"),
    ],
)
def test_a_button_the_state_forbids_is_a_flash(staff_client, world, action, status, label):
    order = seeded_order(world.a, world.item, status)
    before = snapshot(order.id)
    response = act(staff_client, order, action)
    assert response.status_code == 200 and flashes(response) == [label]
    assert snapshot(order.id) == before


def test_reject_with_a_common_reason(staff_client, world):
    order = seeded_order(world.a, world.item)
    response = act(staff_client, order, "reject", {"preset": "重复提交"})
    assert flashes(response) == ["已驳回，居民会看到驳回原因"]
    assert stored_order(order.id).reject_reason == "重复提交"
    assert last_event(order.id).note == "重复提交"
    assert "驳回原因" in page_text(response) and "重复提交" in page_text(response)


def test_reject_with_a_written_reason_or_a_note(staff_client, world):
    written = seeded_order(world.a, world.item, S.APPROVED)
    act(staff_client, written, "reject", {"preset": "其他", "reason": "  该事项请到派出所办理 "})
    assert stored_order(written.id).reject_reason == "该事项请到派出所办理"
    noted = seeded_order(world.a, world.item)
    act(staff_client, noted, "reject", {"preset": "重复提交", "reason": "与 #12 相同"})
    assert stored_order(noted.id).reject_reason == "重复提交：与 #12 相同"
    only_text = seeded_order(world.a, world.item)
    act(staff_client, only_text, "reject", {"reason": "请直接联系物业"})
    assert stored_order(only_text.id).reject_reason == "请直接联系物业"


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({}, "reason", "请选择或填写驳回原因"),
        ({"preset": "其他"}, "reason", "请选择或填写驳回原因"),
        ({"preset": "其他", "reason": "太" * 201}, "reason", "长度应在 1 到 200 之间"),
        (
            {"preset": "重复提交", "reason": "太" * 196},
            "reason",
            "加上所选原因后超过 200 字，请精简",
        ),
        ({"preset": "其他", "reason": "坏\x07字符"}, "reason", "不能包含控制字符"),
        ({"preset": "随便写的", "reason": "补充"}, "preset", "请从列表中选择原因"),
    ],
)
def test_bad_reject_reason_is_422_with_the_text_kept(staff_client, world, data, field, message):
    order = seeded_order(world.a, world.item)
    before = snapshot(order.id)
    response = act(staff_client, order, "reject", data)
    assert response.status_code == 422
    assert field_errors(response) == [message]
    text = page_text(response)
    assert '<details class="action-form" id="reject" open>' in text
    if data.get("reason") and "\x07" not in data["reason"]:
        assert f'value="{data["reason"]}"' in text
    if data.get("preset") == "其他":
        assert 'value="其他" checked' in text
    assert snapshot(order.id) == before


def test_reject_of_a_dispatched_order_is_a_flash(staff_client, world):
    order = seeded_order(world.a, world.item, S.DISPATCHED)
    before = snapshot(order.id)
    for data in ({"preset": "重复提交"}, {}):  # valid or not: the state forbids it
        response = act(staff_client, order, "reject", data)
        assert response.status_code == 200
        assert flashes(response) == ["无法驳回：工单当前为「已派单」，不能进行此操作。"]
    assert snapshot(order.id) == before


def test_dispatch_to_the_top_candidate(staff_client, world):
    field = candidate_field(world)
    page = page_text(staff_client.get(f"/console/orders/{field.order.id}"))
    form = page[page.index('id="dispatch-form"') :]
    names = ["技能党员", "忙碌党员", "邻居党员", "网格党员", "好评党员"]
    assert [form.index(name) for name in names] == sorted(form.index(name) for name in names)
    assert form.index("最推荐") < form.index("技能党员") + 100
    assert "特长对口：水电维修" in form and "住在同一楼栋" in form
    assert "待审党员" not in form and "停用党员" not in form

    response = act(staff_client, field.order, "dispatch", {"member_id": field.skilled.id})
    assert flashes(response) == ["已派单，等待党员接单"]
    order = stored_order(field.order.id)
    assert (order.status, order.member_id) == (S.DISPATCHED, field.skilled.id)
    assert "技能党员" in page_text(response)[page_text(response).index('id="assigned-member"') :]


@pytest.mark.parametrize("pick", ["pending", "inactive", "other_community", "missing", "text"])
def test_dispatch_to_a_non_candidate_is_422_next_to_the_field(staff_client, world, pick):
    field = candidate_field(world)
    member_id = {
        "pending": field.pending.id,
        "inactive": field.inactive.id,
        "other_community": world.b.member.id,
        "missing": None,
        "text": "abc",
    }[pick]
    before = snapshot(field.order.id)
    data = {} if member_id is None else {"member_id": member_id}
    response = act(staff_client, field.order, "dispatch", data)
    assert response.status_code == 422
    expected = {"missing": "请选择一名党员", "text": "应为整数"}.get(
        pick, "不是本社区已审核通过的党员"
    )
    assert field_errors(response) == [expected]
    assert 'class="candidates invalid"' in page_text(response)
    assert snapshot(field.order.id) == before


def test_publish_then_recall(staff_client, world):
    order = seeded_order(world.a, world.item, S.APPROVED)
    response = act(staff_client, order, "publish")
    assert flashes(response) == ["已发布到抢单池，等待党员抢单"]
    assert stored_order(order.id).status == S.PUBLISHED
    assert 'id="recall-button"' in page_text(response)
    response = act(staff_client, order, "recall")
    assert flashes(response) == ["已从抢单池撤回，工单回到待派单"]
    assert stored_order(order.id).status == S.APPROVED
    assert [e.action for e in stored_order(order.id).events][-2:] == ["publish", "recall"]


def test_reassign_lists_the_others_and_moves_the_order(staff_client, world):
    field = candidate_field(world)
    act(staff_client, field.order, "dispatch", {"member_id": field.skilled.id})
    page = page_text(staff_client.get(f"/console/orders/{field.order.id}"))
    form = page[page.index('id="reassign-form"') :]
    assert f'value="{field.skilled.id}"' not in form and f'value="{field.busy.id}"' in form
    response = act(staff_client, field.order, "reassign", {"member_id": field.neighbour.id})
    assert flashes(response) == ["已改派，等待党员接单"]
    order = stored_order(field.order.id)
    assert (order.status, order.member_id) == (S.DISPATCHED, field.neighbour.id)
    assert last_event(order.id).note == "派给党员 邻居党员"


def test_follow_up_is_recorded(staff_client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    response = act(
        staff_client,
        order,
        "follow-ups",
        {"reached": "1", "satisfied": "1", "note": "居民很满意\r\n谢谢党员"},
    )
    assert flashes(response) == ["回访已记录"]
    follow_up = db.session.scalar(select(FollowUp).where(FollowUp.order_id == order.id))
    assert (follow_up.reached, follow_up.satisfied, follow_up.note, follow_up.staff_id) == (
        True,
        True,
        "居民很满意\n谢谢党员",
        world.a.staff.id,
    )
    event = last_event(order.id)
    assert (event.action, event.from_status, event.to_status) == (
        "follow_up",
        S.COMPLETED,
        S.COMPLETED,
    )
    assert "已联系，居民满意" in page_text(response)
    assert stored_order(order.id).status == S.COMPLETED


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({}, "reached", "请选择是否联系上居民"),
        ({"reached": "maybe"}, "reached", "应为 true 或 false"),
        ({"reached": "1"}, "satisfied", "请选择居民是否满意"),
        ({"reached": "0", "satisfied": "1"}, "satisfied", "未联系上居民时不能填写是否满意"),
        ({"reached": "1", "satisfied": "0", "note": "长" * 501}, "note", "长度应在 1 到 500 之间"),
    ],
)
def test_bad_follow_up_is_422_and_keeps_the_input(staff_client, world, data, field, message):
    order = seeded_order(world.a, world.item, S.RATED)
    before = snapshot(order.id)
    response = act(staff_client, order, "follow-ups", {"note": "电话里说还行", **data})
    assert response.status_code == 422
    assert field_errors(response) == [message]
    text = page_text(response)
    assert (data.get("note") or "电话里说还行") in text
    if data.get("reached") in ("0", "1"):
        assert f'name="reached" value="{data["reached"]}" checked' in text
    assert snapshot(order.id) == before


def test_follow_up_before_completion_is_a_flash(staff_client, world):
    order = seeded_order(world.a, world.item, S.IN_PROGRESS)
    before = snapshot(order.id)
    response = act(staff_client, order, "follow-ups", {"reached": "0"})
    assert flashes(response) == ["无法回访：工单当前为「服务中」，不能进行此操作。"]
    assert snapshot(order.id) == before


def test_close(staff_client, world):
    order = seeded_order(world.a, world.item, S.RATED)
    response = act(staff_client, order, "close")
    assert flashes(response) == ["工单已办结"]
    assert stored_order(order.id).status == S.CLOSED
    text = page_text(response)
    assert 'id="order-status">已办结' in text
    assert 'id="close-button"' not in text and 'id="follow-up-form"' in text
