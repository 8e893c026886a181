"""商户 in the console: the list with points and the 信得过 badge, creating and editing a
merchant and its account, a service recorded at the desk, the ranking and its toggle; bad
input and the community scope."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.merchants.models import Merchant, MerchantService
from tests.helpers.api import staff_login
from tests.helpers.console import (
    assert_page_error,
    csrf_token,
    field_errors,
    flashes,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import count_rows, fresh
from tests.helpers.merchants import Shops, make_shops

LIST, NEW, RANKING = "/console/merchants", "/console/merchants/new", "/console/merchants/ranking"


@pytest.fixture
def shops(world) -> Shops:
    return make_shops(world)


def shop_form(world, **changes) -> dict:
    return {
        "name": "洪城家政服务部",
        "category": "housekeeping",
        "community_id": world.a.community.id,
        "address": "东湖区百花洲路 12 号",
        "latitude": "28.6801",
        "longitude": "115.9062",
        "phone": "0791-86201111",
        "opening_hours": "周一至周五 08:30-17:30\r\n周六 09:00-12:00",
        "services": "保洁\r\n月嫂\r\n",
        **changes,
    }


def test_the_list_shows_points_badge_and_account(client, world, shops):
    shops.bank.trusted, shops.bank.service_points = True, 7
    db.session.commit()
    sign_in(client, world.a.staff)
    text = page_text(client.get(LIST))
    assert "建设银行百花洲支行" in text and "菜鸟驿站百花洲店" in text
    assert "老王家电维修" not in text  # community b
    assert "信得过" in text and ">7<" in text and "银行" in text


def test_staff_create_a_merchant_with_its_account(client, world):
    sign_in(client, world.a.staff)
    form = shop_form(world, username="jiazheng-a", password="long-enough-1")
    response = post_form(client, NEW, form, follow=True, token_from=NEW)

    assert flashes(response) == ["已添加商户“洪城家政服务部”"]
    merchant = db.session.scalar(select(Merchant).where(Merchant.name == "洪城家政服务部"))
    assert merchant.opening_hours == [
        {"days": "周一至周五", "hours": "08:30-17:30"},
        {"days": "周六", "hours": "09:00-12:00"},
    ]
    assert merchant.services == ["保洁", "月嫂"] and merchant.latitude == 28.6801
    account = db.session.get(User, merchant.account_id)
    assert account.username == "jiazheng-a" and account.role_names == ["merchant"]
    assert staff_login(client, "jiazheng-a", "long-enough-1").status_code == 200


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"category": "casino"}, "category"),
        ({"latitude": "north"}, "latitude"),
        ({"longitude": "200"}, "longitude"),
        ({"opening_hours": "随时"}, "opening_hours"),
        ({"username": "x", "password": "long-enough-1"}, "username"),
        ({"username": "shop-x", "password": "short"}, "password"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(client, world, changes, field):
    sign_in(client, world.a.staff)
    response = post_form(client, NEW, shop_form(world, **changes), token_from=NEW)
    assert response.status_code == 422
    assert field_errors(response)
    assert f'id="{field}-error"' in response.get_data(as_text=True)
    assert count_rows(Merchant) == 0


def test_a_taken_username_writes_nothing(client, world):
    sign_in(client, world.a.staff)
    form = shop_form(world, username=world.b.staff.username, password="long-enough-1")
    response = post_form(client, NEW, form, token_from=NEW)
    assert response.status_code == 422 and "已存在" in page_text(response)
    assert count_rows(Merchant) == 0


def test_another_communitys_merchant_is_out_of_reach(client, world, shops):
    sign_in(client, world.a.staff)
    form = shop_form(world, community_id=world.b.community.id)
    assert post_form(client, NEW, form, token_from=NEW).status_code == 404
    edit = f"/console/merchants/{shops.repair.id}/edit"
    assert_page_error(client.get(edit), 404, "找不到该商户")
    service = f"/console/merchants/{shops.repair.id}/services"
    assert post_form(client, service, {"service": "维修"}, token_from=LIST).status_code == 404
    trusted = f"/console/merchants/{shops.repair.id}/trusted"
    assert post_form(client, trusted, {"trusted": "true"}, token_from=LIST).status_code == 404
    assert count_rows(Merchant) == 4 and count_rows(MerchantService) == 0
    assert fresh(shops.repair).trusted is False


def test_staff_edit_a_merchant_and_reset_its_password(client, world, shops):
    sign_in(client, world.a.staff)
    edit = f"/console/merchants/{shops.bank.id}/edit"
    assert "建设银行百花洲支行" in page_text(client.get(edit))
    form = shop_form(
        world, name="建设银行百花洲支行（新址）", username="bank-a", password="pass-1234"
    )
    post_form(client, edit, form, follow=True, token_from=edit)
    assert fresh(shops.bank).name == "建设银行百花洲支行（新址）"
    assert staff_login(client, "bank-a", "pass-1234").status_code == 200

    post_form(client, edit, shop_form(world, password="pass-5678"), token_from=edit)
    assert staff_login(client, "bank-a", "pass-5678").status_code == 200
    assert staff_login(client, "bank-a", "pass-1234").status_code == 401


def test_a_service_recorded_at_the_desk(client, world, shops):
    sign_in(client, world.a.staff)
    url = f"/console/merchants/{shops.courier.id}/services"
    response = post_form(client, url, {"service": "代收快递"}, follow=True, token_from=LIST)
    assert flashes(response) == ["已为“菜鸟驿站百花洲店”登记服务，便民服务积分 1"]
    empty = post_form(client, url, {"service": ""}, follow=True, token_from=LIST)
    assert flashes(empty) == ["请填写服务内容（最多 50 字）"]
    assert fresh(shops.courier).service_points == 1 and count_rows(MerchantService) == 1


def test_the_ranking_and_its_toggle(client, world, shops):
    sign_in(client, world.a.staff)
    post_form(client, f"/console/merchants/{shops.courier.id}/services", {"service": "代收"})
    text = page_text(client.get(RANKING))
    assert text.index("菜鸟驿站百花洲店") < text.index("建设银行百花洲支行")
    assert "评为信得过" in text

    url = f"/console/merchants/{shops.bank.id}/trusted?quarter=2026Q4"
    response = post_form(client, url, {"trusted": "true"}, follow=True, token_from=RANKING)
    assert flashes(response) == ["已将“建设银行百花洲支行”评为社区信得过经营户"]
    assert fresh(shops.bank).trusted is True and "取消信得过" in page_text(response)
    post_form(client, url, {"trusted": "false"}, token_from=RANKING)
    assert fresh(shops.bank).trusted is False


def test_a_bad_quarter_is_a_422_page(client, world):
    sign_in(client, world.a.staff)
    assert_page_error(client.get(f"{RANKING}?quarter=2026Q9"), 422, "季度格式应为 2026Q4")


def test_a_merchant_account_may_not_sign_in_to_the_console(app, client, shops):
    command = ["merchant", "create", "bank-a", "--password", "long-enough-1"]
    app.test_cli_runner().invoke(args=[*command, "--merchant", str(shops.bank.id)])
    token = csrf_token(client)
    form = {"username": "bank-a", "password": "long-enough-1", "csrf_token": token}
    client.post("/console/login", data=form)
    assert "/console/login" in client.get(LIST).headers["Location"]
