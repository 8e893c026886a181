"""先锋墙 / 承诺墙 over HTTP: a member opts in with a photo, a commitment and consent, the public
list (no token) shows name, photo, commitment and deeds; staff hide and show; the member
opts out."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from app.duties.models import WallEntry
from app.extensions import db
from app.orders.models import OrderStatus
from tests.helpers import factories
from tests.helpers.api import assert_error, call, get, get_json, post
from tests.helpers.duties import PHOTO, wall_body
from tests.helpers.members import points_entry
from tests.helpers.queries import queries_of_request


def put_wall(client, user, body):
    return call(client, user, "put", "/member/wall", body)


def wall_of(client, community) -> list[dict]:
    return get_json(client, None, f"/communities/{community.id}/wall")["items"]


def entries() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(WallEntry))


def test_opt_in_shows_name_photo_commitment_and_deeds(frozen_clock, client, world):
    side = world.a
    factories.order(side.community, side.resident, world.item, OrderStatus.RATED, side.member)
    factories.order(side.community, side.resident, world.item, OrderStatus.COMPLETED, side.member)
    factories.order(side.community, side.resident, world.item, OrderStatus.ACCEPTED, side.member)
    points_entry(side.member, 30)
    last_year = points_entry(side.member, 50)
    last_year.created_at = datetime(2025, 12, 31, 12, tzinfo=UTC)
    db.session.commit()

    response = put_wall(client, side.member, wall_body())
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["hidden"] is False
    [entry] = wall_of(client, side.community)
    assert entry == {
        "id": response.get_json()["id"],
        "name": side.member.display_name,
        "photo_url": PHOTO,
        "commitment": "每周六回社区报到，为邻居办实事",
        "deeds": {"orders_completed": 2, "points_this_year": 30},
    }
    assert wall_of(client, world.b.community) == []

    changed = put_wall(client, side.member, wall_body(commitment="每月走访两户困难家庭"))
    assert changed.get_json()["id"] == entry["id"] and entries() == 1
    assert wall_of(client, side.community)[0]["commitment"] == "每月走访两户困难家庭"


def test_without_consent_or_a_photo_nothing_is_written(client, world):
    for body, field in (
        (wall_body(consent=False), "consent"),
        ({"photo_url": PHOTO, "commitment": "承诺"}, "consent"),
        (wall_body(photo_url="ftp://img.example.cn/a.jpg"), "photo_url"),
        (wall_body(commitment=""), "commitment"),
    ):
        error = assert_error(put_wall(client, world.a.member, body), 422, "VALIDATION_ERROR")
        assert field in error["details"], (body, error)
    assert_error(put_wall(client, world.a.resident, wall_body()), 403, "FORBIDDEN")
    assert entries() == 0


def test_staff_hide_and_show_and_the_member_opts_out(client, world):
    entry_id = put_wall(client, world.a.member, wall_body()).get_json()["id"]
    hidden = post(client, world.a.staff, f"/staff/wall/{entry_id}/hide")
    assert hidden.status_code == 200 and hidden.get_json()["hidden"] is True
    assert wall_of(client, world.a.community) == []
    put_wall(client, world.a.member, wall_body(commitment="改过的承诺"))
    assert wall_of(client, world.a.community) == []  # the member's edit does not show it
    assert get_json(client, world.a.member, "/member/wall")["hidden"] is True
    staff_list = get_json(client, world.a.staff, f"/staff/communities/{world.a.community.id}/wall")
    assert [e["hidden"] for e in staff_list["items"]] == [True]

    assert post(client, world.a.staff, f"/staff/wall/{entry_id}/show").status_code == 200
    assert len(wall_of(client, world.a.community)) == 1
    assert call(client, world.a.member, "delete", "/member/wall").status_code == 204
    assert wall_of(client, world.a.community) == [] and entries() == 0
    assert_error(get(client, world.a.member, "/member/wall"), 404, "NOT_FOUND")
    assert call(client, world.a.member, "delete", "/member/wall").status_code == 204


def test_the_public_wall_needs_no_token_and_keeps_its_queries(client, world):
    assert_error(get(client, None, "/communities/999999/wall"), 404, "NOT_FOUND")
    put_wall(client, world.a.member, wall_body())
    path = f"/api/v1/communities/{world.a.community.id}/wall"
    client.get(path)
    first = client.get(path)
    assert first.status_code == 200 and first.headers.get("ETag")
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    for _ in range(5):
        member = factories.member(world.a.community)
        db.session.commit()
        put_wall(client, member, wall_body())
    assert queries_of_request(client, path + "?limit=3") == queries_of_request(
        client, path + "?limit=100"
    )
    page = get_json(client, None, f"/communities/{world.a.community.id}/wall?limit=4")
    assert len(page["items"]) == 4 and page["next_cursor"]
