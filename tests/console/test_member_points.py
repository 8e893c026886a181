"""党员积分 in the console: a member's balance and entries, and staff's adjustment with a
reason, through the same use case as the API's (who, when and why on the entry)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.points.models import PointsEntry
from tests.helpers.console import assert_page_error, flashes, page_text, post_form, sign_in
from tests.helpers.ledger import assert_ledger_holds, stored_balance
from tests.helpers.members import points_entry


def path(member) -> str:
    return f"/console/members/{member.id}/points"


def test_an_adjustment_with_its_reason_names_the_staff(client, world):
    member = world.a.member
    points_entry(member, 10)
    db.session.commit()
    sign_in(client, world.a.staff)
    page = page_text(client.get(path(member)))
    assert 'id="balance">10<' in page

    response = post_form(
        client, path(member), {"delta": "-4", "reason": "重复记分，扣回"}, follow=True
    )
    assert flashes(response) == ["已调整积分 -4，当前余额 6"]
    assert "重复记分，扣回" in page_text(response) and world.a.staff.shown_name in page_text(
        response
    )
    entry = db.session.scalars(select(PointsEntry).order_by(PointsEntry.id.desc())).first()
    assert (entry.delta, entry.reason, entry.actor_id) == (-4, "adjustment", world.a.staff.id)
    assert_ledger_holds(member.id)


def test_bad_input_and_a_debit_beyond_the_balance_write_nothing(client, world):
    member = world.a.member
    sign_in(client, world.a.staff)
    for data, message in (
        ({"delta": "0", "reason": "测试"}, "调整的积分不能为 0"),
        ({"delta": "三", "reason": "测试"}, "请填写整数，扣减用负数"),
        ({"delta": "5"}, "reason"),
        ({"delta": "-1", "reason": "扣分"}, "积分不足"),
    ):
        response = post_form(client, path(member), data)
        assert response.status_code == 422, data
        if message != "reason":
            assert message in page_text(response)
    assert db.session.scalar(select(PointsEntry.id)) is None
    assert stored_balance(member.id) in (None, 0)


def test_another_communitys_member_is_a_404_page(client, world):
    sign_in(client, world.b.staff)
    assert_page_error(client.get(path(world.a.member)), 404, "找不到")
    response = post_form(client, path(world.a.member), {"delta": "5", "reason": "越权"})
    assert response.status_code == 404
    assert db.session.scalar(select(PointsEntry.id)) is None
    assert_page_error(client.get(path(world.a.resident)), 404, "找不到")  # not a member
