"""重新办理 and 内部备注 on the order page: the reopen form appears only after an unsatisfied
follow-up call; notes are listed for staff and added with a form. Reach and CSRF:
test_order_action_guards.py."""

import pytest

from app.orders.models import FollowUp, OrderNote
from app.orders.models import OrderStatus as S
from tests.helpers.console import field_errors, flashes, page_text, post_form, sign_in
from tests.helpers.db import count_rows
from tests.helpers.orders import last_event, seeded_order, snapshot, stored_order


@pytest.fixture
def staff_client(client, world):
    return sign_in(client, world.a.staff)


def follow_up(client, order, satisfied: str):
    data = {"reached": "1", "satisfied": satisfied}
    post_form(client, f"/console/orders/{order.id}/follow-ups", data)
    assert count_rows(FollowUp, FollowUp.order_id == order.id) >= 1


def test_the_reopen_form_shows_only_after_an_unsatisfied_follow_up(staff_client, world):
    order = seeded_order(world.a, world.item, S.RATED)

    def page():
        return page_text(staff_client.get(f"/console/orders/{order.id}"))

    assert 'id="reopen-form"' not in page()
    follow_up(staff_client, order, "1")
    assert 'id="reopen-form"' not in page()
    follow_up(staff_client, order, "0")
    assert 'id="reopen-form"' in page()


def test_reopen(staff_client, world):
    order = seeded_order(world.a, world.item, S.COMPLETED)
    follow_up(staff_client, order, "0")
    response = post_form(
        staff_client, f"/console/orders/{order.id}/reopen", {"reason": "漏水没修好"}, follow=True
    )
    assert flashes(response) == ["工单已重新办理，回到待派单"]
    assert 'id="order-status">待派单' in page_text(response)
    assert "重新办理" in page_text(response) and "漏水没修好" in page_text(response)
    stored = stored_order(order.id)
    assert (stored.status, stored.member_id) == (S.APPROVED, None)
    assert (last_event(order.id).action, last_event(order.id).note) == ("reopen", "漏水没修好")
    assert 'id="dispatch-form"' in page_text(response)


def test_reopen_without_a_reason_is_422_with_the_form_open(staff_client, world):
    order = seeded_order(world.a, world.item, S.RATED)
    follow_up(staff_client, order, "0")
    before = snapshot(order.id)
    response = post_form(staff_client, f"/console/orders/{order.id}/reopen", {"reason": " "})
    assert response.status_code == 422
    assert field_errors(response) == ["请填写重新办理的原因"]
    assert '<details class="action-form" id="reopen" open>' in page_text(response)
    assert snapshot(order.id) == before


def test_reopen_without_an_unsatisfied_follow_up_is_a_flash(staff_client, world):
    order = seeded_order(world.a, world.item, S.RATED)
    before = snapshot(order.id)
    response = post_form(
        staff_client, f"/console/orders/{order.id}/reopen", {"reason": "再办一次"}, follow=True
    )
    assert flashes(response) == [
        "无法重新办理：回访时居民表示不满意的工单才能重新办理，请先记录回访。"
    ]
    assert snapshot(order.id) == before


def test_add_a_note(staff_client, world):
    order = seeded_order(world.a, world.item, S.ACCEPTED)
    assert "还没有备注" in page_text(staff_client.get(f"/console/orders/{order.id}"))
    response = post_form(
        staff_client,
        f"/console/orders/{order.id}/notes",
        {"body": "老人耳背，\r\n敲门要用力"},
        follow=True,
    )
    assert flashes(response) == ["备注已保存，仅工作人员可见"]
    notes = page_text(response)[page_text(response).index('id="notes"') :]
    assert "老人耳背，\n敲门要用力" in notes and world.a.staff.shown_name in notes
    assert count_rows(OrderNote, OrderNote.order_id == order.id) == 1


@pytest.mark.parametrize(
    "body, message",
    [
        ("", "请填写备注内容"),
        ("长" * 1001, "长度应在 1 到 1000 之间"),
        ("坏\x07", "不能包含控制字符"),
    ],
)
def test_a_bad_note_is_422_with_the_text_kept(staff_client, world, body, message):
    order = seeded_order(world.a, world.item)
    response = post_form(staff_client, f"/console/orders/{order.id}/notes", {"body": body})
    assert response.status_code == 422
    assert field_errors(response) == [message]
    if body and "\x07" not in body:
        assert body in page_text(response)
    assert count_rows(OrderNote) == 0


def test_another_communitys_staff_cannot_add_a_note(client, world):
    order = seeded_order(world.b, world.item)
    sign_in(client, world.a.staff)
    response = post_form(client, f"/console/orders/{order.id}/notes", {"body": "看看"})
    assert response.status_code == 404
    assert count_rows(OrderNote) == 0
