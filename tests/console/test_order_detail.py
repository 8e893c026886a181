"""工单详情 page: everything the resident sent, the timeline, the member, deadlines and the
actions the order's state allows; another community's order is a 404 page."""

from datetime import timedelta

from app.extensions import db
from app.orders.models import FollowUp, OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.candidates import placed_member
from tests.helpers.clock import utcnow
from tests.helpers.console import assert_page_error, page_text, sign_in
from tests.helpers.orders import add_event, seeded_order

PHOTO = "https://img.example.com/leak.jpg"


def _detailed_order(world, status=S.SUBMITTED, member=None):
    order = seeded_order(world.a, world.item, status, member)
    order.contact_name, order.photos = "王阿姨", [PHOTO, "https://img.example.com/2.jpg"]
    order.latitude, order.longitude = 28.6829, 115.8582
    order.grid_id, order.building_id = world.a.grid.id, world.a.building.id
    db.session.commit()
    return order


def test_everything_the_resident_sent(client, world):
    order = _detailed_order(world)
    text = page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))
    assert world.item.name in text and world.item.category.name in text and "公共服务" in text
    assert "家里水管漏水，需要帮忙维修" in text and "东湖区百花洲路1号2栋301" in text
    assert "王阿姨" in text
    assert 'href="tel:13812341234"' in text and "13812341234" in text  # staff see it all
    # No PHOTO_HOSTS here: the photo is linked, never loaded (tests/security/test_photos.py).
    assert f'href="{PHOTO}" target="_blank"' in text and f'<img src="{PHOTO}"' not in text
    assert world.a.grid.name in text and world.a.building.name in text
    assert "小程序" in text and "待审核" in text
    assert (
        "https://uri.amap.com/marker?position=115.8582%2C28.6829&name=%E4%B8%9C%E6%B9%96%E5%8C%BA"
    ) in text
    assert "在地图上查看位置" in text


def test_without_coordinates_the_map_searches_the_address(client, world):
    order = seeded_order(world.a, world.item)
    text = page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))
    assert "https://uri.amap.com/search?keyword=%E4%B8%9C%E6%B9%96%E5%8C%BA" in text
    assert "uri.amap.com/marker" not in text and "在地图上搜索该地址" in text


def test_timeline_oldest_first_with_who_and_role(client, world):
    order = seeded_order(world.a, world.item, S.DISPATCHED, world.a.member)
    now = utcnow()
    add_event(order, "approve", now, S.APPROVED, from_status=S.SUBMITTED, actor=world.a.staff)
    add_event(
        order,
        "dispatch",
        now + timedelta(minutes=5),
        S.DISPATCHED,
        from_status=S.APPROVED,
        actor=world.street_admin,
        note="派给党员 张三",
    )
    db.session.commit()
    text = page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))
    timeline = text[text.index('id="timeline"') :]
    steps = [
        "<strong>提交工单</strong>",
        f"{world.a.resident.display_name}（居民）",
        "<strong>审核通过</strong>",
        "社区工作人员（社区工作人员）",
        "待审核 → 待派单",
        "<strong>派单</strong>",
        "街道管理员（街道管理员）",
        "待派单 → 已派单",
        "派给党员 张三",
    ]
    positions = [timeline.index(step) for step in steps]
    assert positions == sorted(positions)


def test_assigned_member_with_phone_and_unit(client, world):
    member = placed_member(world.a.community, ["水电维修"], name="李建华")
    order = seeded_order(world.a, world.item, S.ACCEPTED, member)
    text = page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))
    block = text[text.index('id="assigned-member"') : text.index('id="timeline"')]
    assert "李建华" in block and f"139{member.id:08d}" in block
    assert "南昌市东湖区机关事务局" in block


def test_deadlines_and_overdue_tag(client, frozen_clock, world):
    world.item.response_hours = 2  # within the console session's 12 hours
    order = seeded_order(world.a, world.item)
    sign_in(client, world.a.staff)
    assert "已超时" not in page_text(client.get(f"/console/orders/{order.id}"))
    frozen_clock.shift(timedelta(hours=2, minutes=1))
    text = page_text(client.get(f"/console/orders/{order.id}"))
    assert "已超时" in text and "响应时限" in text and "完成时限" in text


def test_rating_and_follow_ups_are_shown(client, world):
    order = seeded_order(world.a, world.item, S.RATED)
    order.stars, order.comment = 4, "来得很快"
    order.completion_note = "已更换水管接头"
    order.completion_photos = ["https://img.example.com/done.jpg"]
    db.session.add(
        FollowUp(
            order_id=order.id,
            staff_id=world.a.staff.id,
            reached=True,
            satisfied=False,
            note="希望下次提前电话",
        )
    )
    db.session.commit()
    text = page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))
    assert "4 星：来得很快" in text and "已更换水管接头" in text
    assert 'href="https://img.example.com/done.jpg" target="_blank"' in text
    assert "已联系，居民不满意" in text and "希望下次提前电话" in text


ACTION_MARKS = {
    "approve": 'id="approve-button"',
    "publish": 'id="publish-button"',
    "recall": 'id="recall-button"',
    "close": 'id="close-button"',
    "dispatch": 'id="dispatch-form"',
    "reassign": 'id="reassign-form"',
    "follow_up": 'id="follow-up-form"',
    "reject": 'id="reject-form"',
}
SHOWN = {
    S.SUBMITTED: {"approve", "reject"},
    S.APPROVED: {"dispatch", "publish", "reject"},
    S.PUBLISHED: {"dispatch", "recall"},
    S.DISPATCHED: {"reassign"},
    S.ACCEPTED: set(),
    S.IN_PROGRESS: set(),
    S.COMPLETED: {"close", "follow_up"},
    S.RATED: {"close", "follow_up"},
    S.CLOSED: {"follow_up"},
    S.REJECTED: set(),
    S.CANCELLED: set(),
}


def test_only_the_actions_the_state_allows_are_shown(client, world):
    sign_in(client, world.a.staff)
    for status, shown in SHOWN.items():
        order = seeded_order(world.a, world.item, status)
        text = page_text(client.get(f"/console/orders/{order.id}"))
        visible = {action for action, mark in ACTION_MARKS.items() if mark in text}
        assert visible == shown, status


def test_console_order_shows_its_source(client, world):
    order = seeded_order(world.a, world.item)
    order.source = OrderSource.DESK
    db.session.commit()
    assert "代点单" in page_text(sign_in(client, world.a.staff).get(f"/console/orders/{order.id}"))


def test_another_communitys_order_is_a_404_page(client, world):
    order = _detailed_order(world)
    sign_in(client, world.b.staff)
    text = assert_page_error(client.get(f"/console/orders/{order.id}"), 404, "找不到")
    assert "13812341234" not in text and "王阿姨" not in text
    assert_page_error(client.get("/console/orders/987654"), 404, "找不到")


def test_street_admin_sees_orders_of_every_community(client, world):
    sign_in(client, world.street_admin)
    for side in (world.a, world.b):
        order = seeded_order(side, world.item)
        response = client.get(f"/console/orders/{order.id}")
        assert response.status_code == 200
        text = page_text(response)
        assert f"工单 #{order.id}" in text and side.community.name in text
        assert "13812341234" in text  # unmasked: the street admin manages the community


def test_signed_out_visitor_goes_to_login(client, world):
    order = seeded_order(world.a, world.item)
    response = client.get(f"/console/orders/{order.id}")
    assert response.status_code == 302 and "/console/login" in response.headers["Location"]
    member = factories.member(world.a.community)
    db.session.commit()
    with client.session_transaction("/console/") as session:
        session["staff_id"] = member.id
    assert client.get(f"/console/orders/{order.id}").status_code == 302
