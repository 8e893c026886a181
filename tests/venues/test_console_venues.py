"""场所 in the console: the scope's venues (hidden ones marked), adding one with photos that
then appears in GET /venues, editing (an emptied field is cleared), the sanitised preview,
hiding and showing, the mini-program code shown and offered for download; bad input and the
community scope."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.venues.models import Venue
from tests.helpers.console import (
    assert_page_error,
    field_errors,
    flashes,
    page_html,
    page_text,
    post_form,
    sign_in,
)
from tests.helpers.db import count_rows, fresh
from tests.venues.conftest import PHOTO

LIST, NEW = "/console/venues", "/console/venues/new"


def venue_form(world, **changes) -> dict:
    return {
        "name": "百花洲红色驿站",
        "type": "red_station",
        "community_id": world.a.community.id,
        "address": "东湖区百花洲路 1 号",
        "latitude": "28.6801",
        "longitude": "115.9062",
        "phone": "0791-86201234",
        "services": "在职党员报到\r\n政策咨询\r\n",
        "facilities": "休息座椅\r\n饮水机",
        "opening_hours": "周一至周五 08:30-17:30\r\n周六 09:00-12:00",
        "closed_dates": "2027-01-01 元旦\r\n2026-12-31",
        "closed_on_holidays": "on",
        "description": "社区居民的红色家园",
        "intro_html": '<h2>驿站简介</h2><p onclick="x()">欢迎</p><script>alert(1)</script>',
        "photos": f"{PHOTO}\r\nhttps://img.example.cn/venues/room.jpg",
        **changes,
    }


def test_staff_add_a_venue_with_photos_and_it_appears_in_the_api(frozen_clock, client, world):
    sign_in(client, world.a.staff)
    response = post_form(client, NEW, venue_form(world), follow=True, token_from=NEW)

    assert flashes(response) == ["已添加场所“百花洲红色驿站”"]
    venue = db.session.scalar(select(Venue).where(Venue.name == "百花洲红色驿站"))
    assert venue.services == ["在职党员报到", "政策咨询"]
    assert venue.opening_hours == [
        {"days": "周一至周五", "hours": "08:30-17:30"},
        {"days": "周六", "hours": "09:00-12:00"},
    ]
    assert venue.closed_dates == [
        {"date": "2027-01-01", "reason": "元旦"},
        {"date": "2026-12-31", "reason": ""},
    ]
    assert venue.closed_on_holidays is True and venue.intro_html == "<h2>驿站简介</h2><p>欢迎</p>"
    # The venue's page: the sanitised preview, and its code.
    page = page_html(response)
    assert '<div class="venue-intro" id="venue-intro"><h2>驿站简介</h2><p>欢迎</p></div>' in page
    assert f"/console/venues/{venue.id}/qrcode.png" in page and "下载小程序码" in page
    [item] = client.get("/api/v1/venues").get_json()["items"]
    assert item["photos"] == [PHOTO, "https://img.example.cn/venues/room.jpg"]
    assert item["open_now"] is True


def test_an_edit_clears_what_was_emptied(client, world, kept):
    sign_in(client, world.a.staff)
    edit = f"/console/venues/{kept['a'].id}/edit"
    form = venue_form(world, name=kept["a"].name, services="", photos="", closed_on_holidays="")
    del form["closed_on_holidays"]  # an unticked box is not sent
    response = post_form(client, edit, form, follow=True, token_from=edit)

    assert flashes(response) == [f"已保存场所“{kept['a'].name}”"]
    venue = fresh(kept["a"])
    assert venue.services == [] and venue.photos == [] and venue.closed_on_holidays is False
    assert venue.facilities == ["休息座椅", "饮水机"]


def test_the_edit_form_shows_the_venue_as_it_is(client, world, kept):
    kept["a"].closed_dates = [{"date": "2027-01-01", "reason": "元旦"}]
    kept["a"].photos = [PHOTO]
    db.session.commit()
    sign_in(client, world.a.staff)
    text = page_text(client.get(f"/console/venues/{kept['a'].id}/edit"))
    assert "2027-01-01 元旦" in text and PHOTO in text and "周一至周五 08:30-17:30" in text


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "请填写场所名称"),
        ({"type": "casino"}, "请选择类型"),
        ({"latitude": "北纬"}, "纬度应是数字"),
        ({"opening_hours": "周一至周八 08:30-17:30"}, "看不懂“周一至周八”"),
        ({"opening_hours": "每天 18:00-09:00"}, "“18:00-09:00”的关门时间应晚于开门时间"),
        ({"closed_dates": "2027-02-30 没有这天"}, "“2027-02-30”不是有效的日期"),
        ({"closed_dates": "元旦"}, "“元旦”应写作“2027-01-01 元旦”"),
        ({"photos": "http://img.example.cn/a.jpg"}, "第 1 行：应为 https 开头的图片网址"),
        ({"photos": "\n".join([PHOTO] * 10)}, "最多 9 张照片"),
    ],
)
def test_bad_input_is_shown_next_to_its_field(client, world, changes, message):
    sign_in(client, world.a.staff)
    response = post_form(client, NEW, venue_form(world, **changes), token_from=NEW)
    assert response.status_code == 422
    assert any(error.startswith(message) for error in field_errors(response)), field_errors(
        response
    )
    assert count_rows(Venue) == 0


def test_a_name_taken_is_named_on_the_form(client, world, kept):
    sign_in(client, world.a.staff)
    form = venue_form(world, name=kept["b"].name)
    response = post_form(client, NEW, form, token_from=NEW)
    assert response.status_code == 422
    assert field_errors(response) == ["已有同名的场所，请换一个名称"]


def test_hide_and_show_from_the_venue_page(client, world, kept):
    sign_in(client, world.a.staff)
    page = f"/console/venues/{kept['a'].id}"
    hidden = post_form(client, f"{page}/hide", follow=True, token_from=page)
    assert flashes(hidden) == [f"已隐藏场所“{kept['a'].name}”，居民看不到它了"]
    assert fresh(kept["a"]).hidden is True
    assert "已隐藏" in page_text(client.get(LIST))
    assert client.get(f"/api/v1/venues/{kept['a'].id}").status_code == 404

    shown = post_form(client, f"{page}/show", follow=True, token_from=page)
    assert flashes(shown) == [f"已恢复显示场所“{kept['a'].name}”"]
    assert fresh(kept["a"]).hidden is False


def test_the_code_is_shown_and_downloaded_even_when_hidden(client, world, kept):
    kept["a"].hidden = True
    db.session.commit()
    sign_in(client, world.a.staff)
    shown = client.get(f"/console/venues/{kept['a'].id}/qrcode.png")
    download = client.get(f"/console/venues/{kept['a'].id}/qrcode.png?download=1")
    assert shown.mimetype == "image/png" and shown.data.startswith(b"\x89PNG")
    assert "Content-Disposition" not in shown.headers
    assert download.headers["Content-Disposition"] == (
        f'attachment; filename="venue-{kept["a"].id}.png"'
    )


def test_staff_see_and_reach_only_their_community(client, world, kept):
    sign_in(client, world.a.staff)
    text = page_text(client.get(LIST))
    assert kept["a"].name in text and kept["b"].name not in text
    other = kept["b"].id
    for path in (f"/console/venues/{other}", f"/console/venues/{other}/edit"):
        assert_page_error(client.get(path), 404, "找不到该场所")
    assert client.get(f"/console/venues/{other}/qrcode.png").status_code == 404
    page = f"/console/venues/{kept['a'].id}"
    assert post_form(client, f"/console/venues/{other}/hide", token_from=page).status_code == 404
    in_b = venue_form(world, community_id=world.b.community.id)
    assert post_form(client, NEW, in_b, token_from=NEW).status_code == 404
    assert fresh(kept["b"]).hidden is False and count_rows(Venue) == 2


def test_a_street_admin_sees_every_community_and_filters(client, world, kept):
    sign_in(client, world.street_admin)
    text = page_text(client.get(LIST))
    assert kept["a"].name in text and kept["b"].name in text
    only_b = page_text(client.get(f"{LIST}?community_id={world.b.community.id}"))
    assert kept["a"].name not in only_b and kept["b"].name in only_b


def test_the_nav_has_one_venues_entry(client, world):
    sign_in(client, world.a.staff)
    page = page_html(client.get("/console/"))
    assert page.count('href="/console/venues"') == 1 and "场所" in page
