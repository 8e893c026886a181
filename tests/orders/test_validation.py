"""Bad input is 422 VALIDATION_ERROR naming the field, and a refused call writes nothing.
Cases that share one setup are looped inside a test (each assert names its case)."""

from app.extensions import db
from app.orders.models import OrderStatus
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth, call, get, post
from tests.helpers.orders import (
    event_count,
    ledger,
    order_body,
    order_count,
    seeded_order,
    stored_order,
)

URL = f"{API}/orders"

BAD_ORDER_FIELDS = [
    ("community_id", None),
    ("community_id", "1"),
    ("community_id", 1.5),
    ("community_id", True),
    ("community_id", 0),
    ("community_id", 2**31),
    ("community_id", 10**30),
    ("item_id", None),
    ("item_id", "abc"),
    ("item_id", -1),
    ("description", None),
    ("description", ""),
    ("description", "   "),
    ("description", 12),
    ("description", "x" * 2001),
    ("description", "漏水\x00"),
    ("description", "漏水\r\n"),
    ("description", "tab\there"),
    ("description", "del\x7f"),
    ("description", ["漏水"]),
    ("address", None),
    ("address", ""),
    ("address", "x" * 201),
    ("address", "1号\n2栋"),
    ("address", {"a": 1}),
    ("contact_phone", None),
    ("contact_phone", "12812341234"),
    ("contact_phone", "1381234123"),
    ("contact_phone", "138123412345"),
    ("contact_phone", "1381234123a"),
    ("contact_phone", 13812341234),
    ("contact_phone", "+8613812341234"),
    ("contact_phone", "13812341234\n"),
    ("contact_phone", "1３812341234"),
    ("contact_phone", "138١2341234"),
    ("contact_name", "x" * 51),
    ("contact_name", "王\x01"),
    ("contact_name", 5),
    ("photos", ["https://img.example.com/p.jpg"] * 10),
    ("photos", ["http://img.example.com/p.jpg"]),
    ("photos", "https://img.example.com/p.jpg"),
    ("photos", [5]),
    ("photos", ["not a url"]),
    ("photos", [None]),
    ("photos", ["https://img.example.com/" + "p" * 500]),
    ("photos", ["https://img.example.com/a\x00.jpg"]),
    ("latitude", 91),
    ("latitude", -90.5),
    ("latitude", "28.6"),
    ("latitude", True),
    ("longitude", -181),
    ("longitude", 180.01),
    ("longitude", "115"),
]


def _create(client, world, body):
    return client.post(URL, json=body, headers=auth(world.a.resident))


def test_bad_field_is_named_and_nothing_is_written(client, world):
    for field, value in BAD_ORDER_FIELDS:
        body = order_body(world.a.community, world.item, **{field: value})
        response = _create(client, world, body)
        case = (field, value if not isinstance(value, str) else value[:30])
        error = assert_error(response, 422, "VALIDATION_ERROR")
        assert field in error["details"], (case, error)
    assert order_count() == 0 and event_count() == 0


def test_missing_required_field(client, world):
    for field in ["community_id", "item_id", "description", "address", "contact_phone"]:
        body = order_body(world.a.community, world.item)
        del body[field]
        error = assert_error(_create(client, world, body), 422, "VALIDATION_ERROR")
        assert list(error["details"]) == [field], error
    assert order_count() == 0


def test_limits_are_inclusive(client, world):
    body = order_body(
        world.a.community,
        world.item,
        description="述" * 2000,
        address="址" * 200,
        contact_name="名" * 50,
        latitude=-90,
        longitude=180,
        photos=["https://img.example.com/p.jpg"] * 9,
    )
    response = _create(client, world, body)
    assert response.status_code == 201, response.get_json()
    assert len(response.get_json()["photos"]) == 9


def test_optional_fields_may_be_left_out_or_null(client, world):
    body = order_body(world.a.community, world.item)
    for field in ("contact_name", "latitude", "longitude", "photos"):
        del body[field]
    response = _create(client, world, body)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["photos"] == [] and response.get_json()["latitude"] is None
    body.update(contact_name=None, latitude=None, longitude=None)
    assert _create(client, world, body).status_code == 201


def test_one_coordinate_without_the_other(client, world):
    body = order_body(world.a.community, world.item, longitude=None)
    error = assert_error(_create(client, world, body), 422, "VALIDATION_ERROR")
    assert "longitude" in error["details"]
    assert order_count() == 0


def test_unknown_community_and_unknown_or_inactive_item(client, world):
    body = order_body(world.a.community, world.item, community_id=999_999, item_id=999_999)
    error = assert_error(_create(client, world, body), 422, "VALIDATION_ERROR")
    assert {"community_id", "item_id"} <= set(error["details"])
    inactive = factories.catalog_item()
    inactive.is_active = False
    db.session.commit()
    error = assert_error(
        _create(client, world, order_body(world.a.community, inactive)), 422, "VALIDATION_ERROR"
    )
    assert list(error["details"]) == ["item_id"]
    assert order_count() == 0 and event_count() == 0


def test_unknown_field_is_refused(client, world):
    body = order_body(world.a.community, world.item, status="completed")
    error = assert_error(_create(client, world, body), 422, "VALIDATION_ERROR")
    assert "status" in error["details"]
    assert order_count() == 0


def test_body_that_is_not_a_json_object(client, world):
    for raw in ["{not json", "[]", '[{"community_id": 1}]', '"text"', "null", "", "\x00", "1e999"]:
        response = client.post(
            URL, data=raw, headers={**auth(world.a.resident), "Content-Type": "application/json"}
        )
        assert_error(response, 422, "VALIDATION_ERROR")
    form = client.post(
        URL,
        data="community_id=1",
        headers={**auth(world.a.resident), "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert "community_id" in assert_error(form, 422, "VALIDATION_ERROR")["details"]
    assert order_count() == 0


def test_reject_needs_a_reason(client, world, order_a):
    path = f"/staff/orders/{order_a.id}/reject"
    for body in [
        {},
        {"reason": ""},
        {"reason": "  "},
        {"reason": "x" * 201},
        {"reason": 5},
        {"reason": "原因\x00"},
        {"reason": None},
        None,
    ]:
        error = assert_error(post(client, world.a.staff, path, body), 422, "VALIDATION_ERROR")
        assert "reason" in error["details"], body
    stored = stored_order(order_a.id)
    assert stored.status == OrderStatus.SUBMITTED and stored.reject_reason is None
    assert post(client, world.a.staff, path, {"reason": "因" * 200}).status_code == 200


def _dispatch_refused(client, world, order, member_id) -> dict:
    response = post(
        client, world.a.staff, f"/staff/orders/{order.id}/dispatch", {"member_id": member_id}
    )
    return assert_error(response, 422, "VALIDATION_ERROR")


def test_dispatch_member_id_of_wrong_type(client, world):
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    for member_id in ["abc", None, 0, 1.5, True, 2**40, str(world.a.member.id)]:
        error = _dispatch_refused(client, world, order, member_id)
        assert "member_id" in error["details"], member_id
    assert stored_order(order.id).status == OrderStatus.APPROVED


def test_dispatch_to_someone_who_is_not_a_member_of_the_community(client, world):
    order = seeded_order(world.a, world.item, OrderStatus.APPROVED)
    inactive = factories.member(world.a.community)
    inactive.is_active = False
    db.session.commit()
    for member_id in [
        world.b.member.id,
        world.a.resident.id,
        world.a.staff.id,
        999_999,
        inactive.id,
    ]:
        error = _dispatch_refused(client, world, order, member_id)
        assert list(error["details"]) == ["member_id"], member_id
    stored = stored_order(order.id)
    assert stored.status == OrderStatus.APPROVED and stored.member_id is None
    assert event_count(order.id) == 1


def test_bad_completion_changes_nothing_and_credits_nothing(client, world):
    order = seeded_order(world.a, world.item, OrderStatus.ACCEPTED)
    cases = [
        ({"note": "x" * 2001}, "note"),
        ({"note": "完成\x07"}, "note"),
        ({"note": 1}, "note"),
        ({"photos": ["https://img.example.com/a.jpg"] * 10}, "photos"),
        ({"photos": ["http://img.example.com/a.jpg"]}, "photos"),
        ({"photos": "x"}, "photos"),
    ]
    for body, field in cases:
        error = assert_error(
            post(client, world.a.member, f"/member/orders/{order.id}/complete", body),
            422,
            "VALIDATION_ERROR",
        )
        assert field in error["details"], body
    assert stored_order(order.id).status == OrderStatus.ACCEPTED
    assert ledger(order.id) == []


def test_staff_queue_status_filter_must_be_a_known_status(client, world):
    for query in ["status=done", "status=", "status=SUBMITTED", "status=submitted%00"]:
        response = get(client, world.a.staff, f"/staff/orders?{query}")
        assert "status" in assert_error(response, 422, "VALIDATION_ERROR")["details"], query
    for query in ["status=approved", "status=accepted"]:
        response = get(client, world.a.member, f"/member/orders?{query}")
        assert response.status_code == 200
    bad = get(client, world.a.member, "/member/orders?status=nope")
    assert "status" in assert_error(bad, 422, "VALIDATION_ERROR")["details"]


def test_non_integer_or_out_of_range_order_id_is_a_not_found_envelope(client, world):
    cases = [
        ("get", "/orders/abc"),
        ("get", "/orders/-1"),
        ("get", "/orders/0"),
        ("get", f"/orders/{2**31}"),
        ("get", f"/orders/{10**20}"),
        ("post", "/orders/1e3/cancel"),
        ("post", "/staff/orders/1.5/approve"),
        ("post", f"/staff/orders/{2**31}/approve"),
        ("post", "/member/orders/x/grab"),
        ("post", f"/member/orders/{10**20}/grab"),
    ]
    for method, path in cases:
        user = world.a.staff if "/staff/" in path else world.a.member
        assert_error(call(client, user, method, path), 404, "NOT_FOUND")
