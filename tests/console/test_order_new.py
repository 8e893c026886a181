"""代点单: staff enter an order for a resident without a smartphone, with the API's input
rules; the resident is found (or created, without WeChat) by phone."""

import threading

import pytest
from sqlalchemy import select

from app.accounts.models import Role, User
from app.console.forms.orders import OnBehalfSchema
from app.extensions import db
from app.orders import services
from app.orders.models import OfflineResident, Order, OrderEvent, OrderSource
from app.orders.models import OrderStatus as S
from tests.helpers import factories
from tests.helpers.api import get_json
from tests.helpers.console import (
    assert_page_error,
    field_errors,
    flashes,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import count_rows

PATH = "/console/orders/new"


def form(world, **overrides) -> dict:
    data = {
        "contact_name": "刘奶奶",
        "contact_phone": "13979100001",
        "address": "东湖区百花洲路 8 号3栋 201",
        "item_id": str(world.item.id),
        "description": "家里灯不亮了\r\n想请人来看看",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def counts() -> tuple[int, int]:
    return count_rows(Order), count_rows(User)


def only_order() -> Order:
    return db.session.scalars(select(Order)).one()


@pytest.fixture
def staff_client(client, world):
    return sign_in(client, world.a.staff)


def test_the_form_lists_items_by_kind_and_only_own_places(staff_client, world):
    text = page_text(staff_client.get(PATH))
    assert f'<optgroup label="公共服务 · {world.item.category.name}">' in text
    assert world.a.grid.name in text and world.a.building.name in text
    assert world.b.grid.name not in text and 'name="community_id"' not in text
    assert 'class="active">代点单' in text


def test_an_order_for_a_new_resident(staff_client, world):
    response = post_form(staff_client, PATH, form(world, grid_id=str(world.a.grid.id)), follow=True)
    order = only_order()
    assert response.request.path == f"/console/orders/{order.id}"
    assert flashes(response) == [f"已为居民刘奶奶代点单（工单 #{order.id}），当前状态：待审核"]
    assert (order.status, order.source, order.community_id, order.grid_id) == (
        S.SUBMITTED,
        OrderSource.DESK,
        world.a.community.id,
        world.a.grid.id,
    )
    assert (order.contact_name, order.contact_phone, order.description) == (
        "刘奶奶",
        "13979100001",
        "家里灯不亮了\n想请人来看看",
    )
    assert order.respond_by is not None and order.complete_by is not None
    assert get_json(staff_client, world.a.staff, f"/orders/{order.id}")["source"] == "desk"
    resident = db.session.get(User, order.resident_id)
    assert (resident.display_name, resident.phone, resident.openid) == (
        "刘奶奶",
        "13979100001",
        None,
    )
    assert resident.role_names == [Role.RESIDENT]
    event = db.session.scalars(select(OrderEvent).where(OrderEvent.order_id == order.id)).one()
    assert (event.action, event.to_status, event.actor_id, event.note) == (
        "create",
        S.SUBMITTED,
        world.a.staff.id,
        "代点单：社区工作人员",
    )
    text = page_text(response)
    assert "代点单：社区工作人员" in text and "13979100001" in text


def test_approve_at_once(staff_client, world):
    response = post_form(staff_client, PATH, form(world, approve="1"), follow=True)
    order = only_order()
    assert order.status == S.APPROVED
    assert [e.action for e in order.events] == ["create", "approve"]
    assert "当前状态：待派单" in flashes(response)[0]


def test_the_same_phone_is_the_same_resident(staff_client, world):
    post_form(staff_client, PATH, form(world))
    post_form(staff_client, PATH, form(world, contact_name="刘桂英", description="再来一单"))
    orders = db.session.scalars(select(Order).order_by(Order.id)).all()
    assert len(orders) == 2 and orders[0].resident_id == orders[1].resident_id
    assert [o.contact_name for o in orders] == ["刘奶奶", "刘桂英"]
    assert count_rows(OfflineResident) == 1


def test_a_wechat_user_with_that_phone_is_not_taken_over(staff_client, world):
    wechat = factories.resident()
    wechat.phone = "13979100001"
    db.session.commit()
    post_form(staff_client, PATH, form(world))
    assert only_order().resident_id != wechat.id


def test_building_fills_in_its_grid(staff_client, world):
    post_form(staff_client, PATH, form(world, building_id=str(world.a.building.id)))
    assert (only_order().grid_id, only_order().building_id) == (
        world.a.grid.id,
        world.a.building.id,
    )


BAD = [
    ({"contact_name": None}, "contact_name", "此项为必填"),
    ({"contact_name": "名" * 51}, "contact_name", "长度应在 1 到 50 之间"),
    ({"contact_name": "刘\x00奶奶"}, "contact_name", "不能包含控制字符"),
    ({"contact_phone": "12345678901"}, "contact_phone", "请填写正确的手机号码"),
    ({"contact_phone": "１３９７９１０００１"}, "contact_phone", "请填写正确的手机号码"),
    ({"address": None}, "address", "此项为必填"),
    ({"address": "址" * 201}, "address", "长度应在 1 到 200 之间"),
    ({"item_id": None}, "item_id", "请选择服务项目"),
    ({"item_id": "999999"}, "item_id", "服务项目不存在或已停用"),
    ({"item_id": "x"}, "item_id", "应为整数"),
    ({"item_id": "99999999999"}, "item_id", "无效的编号"),
    ({"description": "   "}, "description", "此项为必填"),
    ({"description": "述" * 2001}, "description", "长度应在 1 到 2000 之间"),
    ({"description": "a\tb"}, "description", "不能包含控制字符"),
    ({"grid_id": "<b.grid>"}, "grid_id", "该网格不属于所选社区"),
    ({"building_id": "<b.building>"}, "building_id", "该楼栋不属于所选社区"),
    (
        {"grid_id": "<other grid>", "building_id": "<a.building>"},
        "building_id",
        "该楼栋不在所选网格内",
    ),
    ({"community_id": "<b.community>"}, "community_id", "请选择您管理的社区"),
    ({"approve": "perhaps"}, "approve", "应为 true 或 false"),
]


def _resolve(world, overrides: dict) -> dict:
    other_grid = factories.grid(world.a.community) if "<other grid>" in overrides.values() else None
    db.session.commit()
    places = {
        "<b.grid>": world.b.grid,
        "<b.building>": world.b.building,
        "<a.building>": world.a.building,
        "<b.community>": world.b.community,
        "<other grid>": other_grid,
    }
    return {k: str(places[v].id) if v in places else v for k, v in overrides.items()}


@pytest.mark.parametrize("overrides, field, message", BAD)
def test_bad_input_is_422_next_to_the_field_and_keeps_the_values(
    staff_client, world, overrides, field, message
):
    before = counts()
    data = form(world, **_resolve(world, overrides))
    response = post_form(staff_client, PATH, data)
    assert response.status_code == 422
    assert field_errors(response) == [message]
    text = page_text(response)
    assert f'<p class="field-error" id="{field}-error">' in response.get_data(as_text=True)
    for name in ("contact_name", "contact_phone", "address"):
        if name in data and "\x00" not in data[name]:
            assert f'value="{data[name]}"' in text, name
    if "\t" not in data.get("description", "\t"):
        assert data["description"] in text
    if field != "item_id":
        assert f'value="{world.item.id}" selected' in text
    assert counts() == before


def test_several_errors_at_once(staff_client, world):
    response = post_form(staff_client, PATH, {"contact_phone": "110", "address": "东湖区"})
    assert response.status_code == 422
    assert sorted(field_errors(response)) == sorted(
        ["此项为必填", "请填写正确的手机号码", "请选择服务项目", "此项为必填"]
    )
    assert 'value="东湖区"' in page_text(response)


def test_street_admin_chooses_the_community(client, world):
    sign_in(client, world.street_admin)
    text = page_text(client.get(PATH))
    assert 'name="community_id"' in text and world.b.grid.name in text
    response = post_form(client, PATH, form(world))
    assert response.status_code == 422 and field_errors(response) == ["请选择您管理的社区"]
    post_form(
        client,
        PATH,
        form(world, community_id=str(world.b.community.id), building_id=str(world.b.building.id)),
    )
    order = only_order()
    assert (order.community_id, order.grid_id) == (world.b.community.id, world.b.grid.id)


def test_without_csrf_token_nothing_is_written(staff_client, world):
    before = counts()
    assert_page_error(staff_client.post(PATH, data=form(world)), 400, "页面已过期")
    assert counts() == before


def test_signed_out_visitor_goes_to_login(client, world):
    response = client.get(PATH)
    assert response.status_code == 302 and "/console/login" in response.headers["Location"]


@pytest.mark.postgresql
def test_two_staff_entering_the_same_new_phone_at_once_make_one_resident(app, world):
    data = OnBehalfSchema().load(form(world, description="家里灯不亮了\n想请人来看看"))
    staff_ids = [world.a.staff.id, factories.staff(world.a.community).id]
    db.session.commit()
    barrier, errors = threading.Barrier(2), []

    def enter(staff_id):
        with app.app_context():
            try:
                staff = db.session.get(User, staff_id)
                barrier.wait()
                services.create_on_behalf(staff, data)
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=enter, args=(i,)) for i in staff_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    orders = db.session.scalars(select(Order)).all()
    assert len(orders) == 2 and orders[0].resident_id == orders[1].resident_id
    assert count_rows(OfflineResident) == 1
