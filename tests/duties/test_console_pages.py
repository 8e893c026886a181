"""楼栋长 and 先锋墙 in the console over HTTP: the same use cases as the API, a refused
appointment shown next to its field (422), another community's page not found."""

from __future__ import annotations

from app.duties.models import WallEntry
from app.extensions import db
from app.org.leads import BuildingLead
from tests.helpers.console import assert_page_error, flashes, page_text, post_form, sign_in
from tests.helpers.duties import wall_body


def test_appoint_and_remove_a_lead_in_the_console(client, world):
    sign_in(client, world.a.staff)
    path = f"/console/duties/leads/{world.a.building.id}"
    body = {"user_id": str(world.b.member.id), "duties": "代办服务", "commitment": "有求必应"}
    refused = post_form(client, path, body)
    assert refused.status_code == 422
    assert "只能任命本社区已审核通过的报到党员" in page_text(refused)
    assert "请填写承诺" in page_text(post_form(client, path, {**body, "commitment": ""}))
    assert db.session.get(BuildingLead, world.a.building.id) is None

    body = {"user_id": str(world.a.member.id), "duties": "代办服务", "commitment": "有求必应"}
    done = post_form(client, path, body, follow=True)
    assert flashes(done) == [f"已任命 {world.a.member.display_name} 为党员楼栋长"]
    again = post_form(client, path, body)
    assert again.status_code == 422 and "该楼栋已有党员楼栋长" in page_text(again)
    gone = post_form(client, f"{path}/remove", follow=True)
    assert flashes(gone) == ["楼栋长已卸任"]
    db.session.expire_all()
    assert db.session.get(BuildingLead, world.a.building.id) is None


def test_hide_and_show_a_wall_entry_in_the_console(client, world):
    body = wall_body()
    entry = WallEntry(
        user_id=world.a.member.id,
        community_id=world.a.community.id,
        photo_url=body["photo_url"],
        commitment=body["commitment"],
    )
    db.session.add(entry)
    db.session.commit()
    sign_in(client, world.a.staff)
    assert body["commitment"] in page_text(client.get("/console/duties/wall"))
    hidden = post_form(client, f"/console/duties/wall/{entry.id}/hide", follow=True)
    assert flashes(hidden) == ["已在公开的先锋墙上隐藏"]
    assert 'data-field="state">已隐藏<' in page_text(hidden)
    shown = post_form(client, f"/console/duties/wall/{entry.id}/show", follow=True)
    assert flashes(shown) == ["已恢复在先锋墙上显示"]


def test_another_communitys_pages_and_objects_are_not_found(client, world):
    sign_in(client, world.b.staff)
    other = world.a.community.id
    for path in ("checkins", "leads", "wall", "checkins/code"):
        response = client.get(f"/console/duties/{path}?community_id={other}")
        assert_page_error(response, 404, "找不到该社区")
    body = {"user_id": str(world.a.member.id), "duties": "代办服务", "commitment": "有求必应"}
    assert_page_error(
        post_form(client, f"/console/duties/leads/{world.a.building.id}", body), 404, "找不到该楼栋"
    )
    removed = post_form(client, f"/console/duties/leads/{world.a.building.id}/remove", follow=True)
    assert flashes(removed) == ["找不到该楼栋"]
    assert_page_error(post_form(client, "/console/duties/wall/999/hide"), 404, "找不到")
