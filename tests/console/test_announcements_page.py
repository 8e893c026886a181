"""红喇叭 in the console: the list with each announcement's reach, the form (community
preselected for staff, chosen by street admins), bad input, and the community scope."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Announcement, Message
from tests.helpers import factories
from tests.helpers.api import get_json, post
from tests.helpers.console import (
    assert_page_error,
    field_errors,
    flashes,
    page_html,
    page_text,
    post_form,
    sign_in,
)

PAGE = "/console/announcements"
NOTICE = {"title": "停水通知", "body": "明天上午9点到12点停水。", "audience": "all"}


def reach_of(page: str, announcement_id: int) -> dict[str, int]:
    row = re.search(rf'data-announcement-id="{announcement_id}">(.*?)</tr>', page, re.S).group(1)
    return {key: int(value) for key, value in re.findall(r'data-reach="(\w+)">(\d+)<', row)}


def count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def test_staff_write_to_their_community_and_see_the_reach(client, world):
    factories.order(world.a.community, world.a.resident, world.item)
    db.session.commit()
    sign_in(client, world.a.staff)
    form = page_html(client.get(PAGE))
    assert f'type="hidden" name="community_id" value="{world.a.community.id}"' in form

    data = {**NOTICE, "community_id": world.a.community.id}
    response = post_form(client, PAGE, data, follow=True, token_from=PAGE)

    assert response.status_code == 200
    assert flashes(response) == ["已发布“停水通知”，共 2 人收到"]
    (announcement,) = db.session.scalars(select(Announcement)).all()
    assert reach_of(page_html(response), announcement.id) == {"recipients": 2, "sent": 0, "read": 0}
    message = get_json(client, world.a.resident, "/my/messages")["items"][0]
    assert post(client, world.a.resident, f"/my/messages/{message['id']}/read").status_code == 200
    again = page_html(client.get(PAGE))
    assert reach_of(again, announcement.id) == {"recipients": 2, "sent": 0, "read": 1}
    assert "全体" in page_text(client.get(PAGE))


def test_a_street_admin_chooses_the_community(client, world):
    sign_in(client, world.street_admin)
    form = page_text(client.get(PAGE))
    assert '<select id="community_id" name="community_id"' in form
    assert world.a.community.name in form and world.b.community.name in form

    missing = post_form(client, PAGE, NOTICE, token_from=PAGE)
    assert missing.status_code == 422 and field_errors(missing) == ["请选择社区"]
    chosen = {**NOTICE, "audience": "members", "community_id": world.b.community.id}
    assert post_form(client, PAGE, chosen, token_from=PAGE).status_code == 302
    assert db.session.scalar(select(Announcement.community_id)) == world.b.community.id
    assert get_json(client, world.b.member, "/my/messages")["items"][0]["title"] == "停水通知"


def test_bad_input_shows_the_messages_and_writes_nothing(client, world):
    sign_in(client, world.a.staff)
    data = {
        "title": "通" * 21,
        "body": "",
        "audience": "grid",
        "community_id": world.a.community.id,
    }

    response = post_form(client, PAGE, data, token_from=PAGE)

    assert response.status_code == 422
    assert len(field_errors(response)) == 3
    assert "请填写内容" in field_errors(response) and "请选择发送对象" in field_errors(response)
    assert "通" * 21 in page_text(response)  # what was typed stays in the form
    assert (count(Announcement), count(Message)) == (0, 0)


def test_staff_of_another_community_can_neither_write_there_nor_list_it(client, world):
    post(
        client,
        world.a.staff,
        "/staff/announcements",
        {**NOTICE, "community_id": world.a.community.id},
    )
    sign_in(client, world.b.staff)

    refused = post_form(
        client, PAGE, {**NOTICE, "community_id": world.a.community.id}, token_from=PAGE
    )
    assert_page_error(refused, 404, "找不到该内容")
    assert count(Announcement) == 1
    assert "停水通知" not in page_text(client.get(PAGE))
    assert_page_error(client.get(f"{PAGE}?community_id={world.a.community.id}"), 404, "找不到")


def test_without_a_csrf_token_nothing_is_written(client, world, app, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", True)
    sign_in(client, world.a.staff)
    response = client.post(PAGE, data={**NOTICE, "community_id": world.a.community.id})
    assert response.status_code == 400
    assert count(Announcement) == 0


def test_signed_out_it_is_the_login_page(client, world):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/console/login" in response.headers["Location"]
