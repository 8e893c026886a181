"""Staff keep the venues of their community through the staff API: add, edit, hide, show,
list their scope; bad input is a 422 naming the fields, and writes nothing."""

from __future__ import annotations

import pytest

from app.venues.models import Venue
from tests.helpers.api import assert_error, call, get_json, item_ids, post
from tests.helpers.db import count_rows, fresh
from tests.venues.conftest import PHOTO, venue_body

STAFF = "/staff/venues"


def patch(client, user, path: str, body: dict):
    return call(client, user, "patch", path, body)


def test_staff_add_a_venue_with_photos_and_it_is_listed_publicly(frozen_clock, client, world):
    response = post(client, world.a.staff, STAFF, venue_body(world))

    assert response.status_code == 201, response.get_json()
    made = response.get_json()
    assert made["hidden"] is False and made["photos"] == [PHOTO]
    assert made["closed_dates"] == [{"date": "2026-12-31", "reason": "设备检修"}]
    assert made["updated_at"] == "2026-11-26T02:00:00+00:00"
    [item] = client.get("/api/v1/venues").get_json()["items"]
    assert item["id"] == made["id"] and item["photos"] == [PHOTO]
    assert item["open_now"] is True  # a Thursday, 10:00 in Beijing
    detail = client.get(f"/api/v1/venues/{made['id']}").get_json()
    assert detail["intro_html"] == "<h2>驿站简介</h2><p>欢迎<strong>来坐坐</strong></p>"
    assert detail["community"]["id"] == world.a.community.id


def test_a_street_admin_adds_one_in_any_community_of_the_street(client, world):
    body = venue_body(world, community_id=world.b.community.id)
    response = post(client, world.street_admin, STAFF, body)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["community_id"] == world.b.community.id


def test_staff_may_not_add_one_in_another_community(client, world):
    response = post(client, world.b.staff, STAFF, venue_body(world))
    assert_error(response, 404, "NOT_FOUND")
    assert count_rows(Venue) == 0


def test_an_edit_changes_only_the_fields_sent(frozen_clock, client, world, kept):
    venue = kept["a"]
    response = patch(
        client,
        world.a.staff,
        f"{STAFF}/{venue.id}",
        {"phone": "0791-88888888", "photos": [PHOTO, PHOTO], "closed_on_holidays": True},
    )

    assert response.status_code == 200, response.get_json()
    edited = fresh(venue)
    assert edited.phone == "0791-88888888" and edited.photos == [PHOTO, PHOTO]
    assert edited.closed_on_holidays is True and edited.name == "百花洲党群服务中心"
    assert edited.updated_at == frozen_clock.now


def test_the_illustrated_description_is_sanitised(client, world, kept):
    dirty = (
        '<h2>简介</h2><script>alert(1)</script><p onclick="steal()">段落</p>'
        '<img src="https://img.example.cn/a.jpg" onerror="alert(1)">'
        '<a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn/">政府网</a>'
        '<iframe src="https://evil.example.com/"></iframe><div style="color:red">文字</div>'
    )
    response = patch(client, world.a.staff, f"{STAFF}/{kept['a'].id}", {"intro_html": dirty})

    kept_html = response.get_json()["intro_html"]
    assert kept_html == (
        '<h2>简介</h2><p>段落</p><img src="https://img.example.cn/a.jpg">'
        '<a rel="noopener noreferrer">坏链接</a>'
        '<a href="https://www.gov.cn/" rel="noopener noreferrer">政府网</a>文字'
    )
    assert fresh(kept["a"]).intro_html == kept_html


def test_images_from_other_hosts_lose_their_address_when_photo_hosts_are_set(
    app, client, world, kept
):
    app.config["PHOTO_HOSTS"] = ("img.example.cn",)
    try:
        body = {"intro_html": '<img src="https://evil.example.com/x.png" alt="x">'}
        response = patch(client, world.a.staff, f"{STAFF}/{kept['a'].id}", body)
    finally:
        app.config["PHOTO_HOSTS"] = ()
    assert response.get_json()["intro_html"] == '<img alt="x">'


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"type": "casino"}, "type"),
        ({"latitude": 91}, "latitude"),
        ({"latitude": "28.6"}, "latitude"),
        ({"opening_hours": [{"days": "周一至周八", "hours": "08:30-17:30"}]}, "opening_hours"),
        ({"opening_hours": [{"days": "每天", "hours": "18:00-09:00"}]}, "opening_hours"),
        ({"closed_dates": [{"date": "2027-02-30"}]}, "closed_dates"),
        ({"photos": ["http://img.example.cn/a.jpg"]}, "photos"),
        ({"photos": [PHOTO] * 10}, "photos"),
        ({"services": ["x" * 51]}, "services"),
        ({"description": "坏\x00字"}, "description"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(client, world, changes, field):
    response = post(client, world.a.staff, STAFF, venue_body(world, **changes))
    body = assert_error(response, 422, "VALIDATION_ERROR")
    assert field in body["details"], body
    assert count_rows(Venue) == 0


def test_a_name_taken_is_a_conflict_named_on_the_field(client, world, kept):
    response = post(client, world.a.staff, STAFF, venue_body(world, name=kept["b"].name))
    body = assert_error(response, 409, "VENUE_NAME_TAKEN")
    assert body["details"] == {"name": ["已有同名的场所，请换一个名称"]}
    assert count_rows(Venue) == 2


def test_hidden_venues_leave_every_public_answer(client, world, kept):
    venue = kept["a"]
    listed = client.get("/api/v1/venues").get_json()
    assert venue.id in item_ids(listed)

    hidden = post(client, world.a.staff, f"{STAFF}/{venue.id}/hide")

    assert hidden.status_code == 200 and hidden.get_json()["hidden"] is True
    assert venue.id not in item_ids(client.get("/api/v1/venues").get_json())
    near = {"lat": venue.latitude, "lng": venue.longitude}
    assert venue.id not in item_ids(client.get("/api/v1/venues", query_string=near).get_json())
    assert_error(client.get(f"/api/v1/venues/{venue.id}"), 404, "NOT_FOUND")
    assert_error(client.get(f"/api/v1/venues/{venue.id}/qrcode"), 404, "NOT_FOUND")
    # Staff still see it, marked.
    mine = get_json(client, world.a.staff, STAFF)
    assert [(v["id"], v["hidden"]) for v in mine["items"]] == [(venue.id, True)]

    shown = post(client, world.a.staff, f"{STAFF}/{venue.id}/show")
    assert shown.get_json()["hidden"] is False
    assert venue.id in item_ids(client.get("/api/v1/venues").get_json())
    assert client.get(f"/api/v1/venues/{venue.id}").status_code == 200


def test_the_staff_list_is_the_scope(client, world, kept):
    assert item_ids(get_json(client, world.a.staff, STAFF)) == [kept["a"].id]
    both = get_json(client, world.street_admin, STAFF)
    assert item_ids(both) == [kept["a"].id, kept["b"].id]
    one = get_json(client, world.street_admin, f"{STAFF}?community_id={world.b.community.id}")
    assert item_ids(one) == [kept["b"].id]
    other = call(client, world.a.staff, "get", f"{STAFF}?community_id={world.b.community.id}")
    assert_error(other, 422, "VALIDATION_ERROR")
