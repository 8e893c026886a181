"""微心愿 over HTTP: posted, screened, lit, fulfilled, confirmed, points credited once; the
public wall with names masked; staff post one for a resident; the counts for 1+X."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.members.models import MemberProfile
from app.orders.models import Order, OrderSource
from app.wishes.models import Wish
from app.wishes.queries import counts, mask_name
from tests.helpers.api import API, assert_error, auth, get_json, item_ids, post
from tests.helpers.clock import utcnow
from tests.helpers.db import count_rows
from tests.helpers.orders import seeded_order
from tests.helpers.wishes import PHOTO, fulfilled_wish, open_wish, posted_wish, wish_body
from tests.wishes.conftest import WISH_POINTS


def test_the_whole_wish_loop_credits_the_points_once(client, world, wish_item):
    wish = posted_wish(client, world.a, photos=["https://img.example.com/wish.jpg"])
    assert (wish["status"], wish["kind"], wish["value"]) == ("submitted", "wish", 80)
    assert wish["item"]["id"] == wish_item.id
    assert wish["photos"] == ["https://img.example.com/wish.jpg"]
    assert get_json(client, world.a.member, "/member/wishes")["items"] == []

    for move in ("approve", "publish"):
        assert post(client, world.a.staff, f"/staff/orders/{wish['id']}/{move}").status_code == 200
    open_ = get_json(client, world.a.member, "/member/wishes")["items"]
    assert [w["id"] for w in open_] == [wish["id"]]
    assert open_[0]["contact_phone"] == "138****1234" and open_[0]["value"] == 80

    lit = post(client, world.a.member, f"/member/wishes/{wish['id']}/light").get_json()
    assert (lit["status"], lit["member_id"]) == ("accepted", world.a.member.id)
    assert lit["contact_phone"] == "13812341234"
    assert get_json(client, world.a.member, "/member/wishes")["items"] == []
    assert item_ids(get_json(client, world.a.member, "/member/wishes/lit")) == [wish["id"]]

    body = {"note": "书已送到", "photos": [PHOTO], "show_name": True}
    done = post(client, world.a.member, f"/member/wishes/{wish['id']}/fulfil", body).get_json()
    assert (done["status"], done["completion_photos"]) == ("completed", [PHOTO])
    again = post(client, world.a.member, f"/member/wishes/{wish['id']}/fulfil", body)
    assert_error(again, 409, "ORDER_STATE_CONFLICT")

    confirmed = post(client, world.a.resident, f"/my/wishes/{wish['id']}/confirm", {})
    assert (confirmed.status_code, confirmed.get_json()["stars"]) == (200, 5)
    twice = post(client, world.a.resident, f"/my/wishes/{wish['id']}/confirm", {"stars": 4})
    assert_error(twice, 409, "ORDER_STATE_CONFLICT")

    points = get_json(client, world.a.member, "/member/points")
    assert points["balance"] == WISH_POINTS
    assert len(points["items"]) == 1 and points["items"][0]["order_id"] == wish["id"]
    mine = get_json(client, world.a.resident, "/my/wishes")["items"]
    assert [(w["id"], w["status"]) for w in mine] == [(wish["id"], "rated")]
    detail = get_json(client, world.a.resident, f"/wishes/{wish['id']}")
    assert [e["action"] for e in detail["timeline"]] == [
        *("create", "approve", "publish", "grab", "complete", "rate")
    ]


def test_the_wall_masks_names_unless_the_member_agreed(client, world, wish_item):
    masked = fulfilled_wish(client, world.a, contact_name="张三丰")
    named = fulfilled_wish(client, world.a, show_name=True, contact_name="王五")
    posted_wish(client, world.a)  # not fulfilled: not on the wall
    fulfilled_wish(client, world.b)  # another community's

    response = client.get(f"{API}/communities/{world.a.community.id}/wishes/fulfilled")
    assert response.status_code == 200
    items = response.get_json()["items"]
    assert [i["id"] for i in items] == [named["id"], masked["id"]]
    by_id = {i["id"]: i for i in items}
    assert by_id[masked["id"]]["resident_name"] == "张**"
    assert by_id[named["id"]]["resident_name"] == "王**"
    profile_name = _profile_name(world.a.member.id)
    assert by_id[named["id"]]["member_name"] == profile_name
    assert by_id[masked["id"]]["member_name"] == mask_name(profile_name)
    assert by_id[masked["id"]]["completion_photos"] == [PHOTO]
    assert "contact_phone" not in by_id[masked["id"]]
    assert by_id[masked["id"]]["fulfilled_at"] is not None
    later = fulfilled_wish(client, world.a)  # the kept answer is dropped by the write
    again = client.get(f"{API}/communities/{world.a.community.id}/wishes/fulfilled")
    assert again.get_json()["items"][0]["id"] == later["id"]
    missing = client.get(f"{API}/communities/999999/wishes/fulfilled")
    assert_error(missing, 404, "NOT_FOUND")


def _profile_name(user_id: int) -> str:
    return db.session.scalar(select(MemberProfile.name).where(MemberProfile.user_id == user_id))


def test_staff_post_a_wish_for_a_resident_approved_at_once(client, world, wish_item):
    body = wish_body(world.a.community, contact_name="赵大娘", contact_phone="13900001111")
    response = post(client, world.a.staff, "/staff/wishes", body)
    assert response.status_code == 201, response.get_json()
    wish = response.get_json()
    assert (wish["status"], wish["source"]) == ("approved", OrderSource.DESK)
    listed = get_json(client, world.a.staff, "/staff/wishes?status=approved")
    assert item_ids(listed) == [wish["id"]]
    again = post(client, world.a.staff, "/staff/wishes", body)
    assert again.get_json()["resident_id"] == wish["resident_id"]  # the same offline resident
    other = post(client, world.a.staff, "/staff/wishes", wish_body(world.b.community))
    assert_error(other, 404, "NOT_FOUND")


def test_a_wish_over_the_highest_value_or_without_photos_is_refused(client, world, wish_item):
    too_dear = post(client, world.a.resident, "/wishes", wish_body(world.a.community, value=201))
    assert "value" in assert_error(too_dear, 422, "VALIDATION_ERROR")["details"]
    assert count_rows(Order) == 0 and count_rows(Wish) == 0
    wish = open_wish(client, world.a)
    post(client, world.a.member, f"/member/wishes/{wish['id']}/light")
    no_photo = post(client, world.a.member, f"/member/wishes/{wish['id']}/fulfil", {"photos": []})
    assert "photos" in assert_error(no_photo, 422, "VALIDATION_ERROR")["details"]


def test_an_ordinary_order_is_no_wish(client, world, wish_item):
    order = seeded_order(world.a, world.item)
    light = post(client, world.a.member, f"/member/wishes/{order.id}/light")
    assert_error(light, 404, "NOT_FOUND")
    detail = client.get(f"{API}/wishes/{order.id}", headers=auth(world.a.resident))
    assert_error(detail, 404, "NOT_FOUND")


def test_without_the_wish_item_wishes_are_unavailable(client, world):
    response = post(client, world.a.resident, "/wishes", wish_body(world.a.community))
    assert_error(response, 409, "WISHES_UNAVAILABLE")
    assert count_rows(Order) == 0


def test_counts_are_the_wishes_each_member_fulfilled(client, world, wish_item):
    fulfilled_wish(client, world.a)
    fulfilled_wish(client, world.a)
    fulfilled_wish(client, world.b)
    open_wish(client, world.a)
    now = utcnow()
    ids = {world.a.member.id, world.b.member.id, world.a.resident.id}
    assert counts(ids, now - timedelta(days=1), now + timedelta(days=1)) == {
        world.a.member.id: 2,
        world.b.member.id: 1,
    }
    assert counts(ids, now + timedelta(days=1), now + timedelta(days=2)) == {}
    assert counts(set(), now, now) == {}
