"""The order lists are written from columns by hand (app.orders.listing) for speed: each item
must be exactly what OrderSchema dumps for the same order and viewer, phone masking included,
for every audience and in every status."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.orders.access import Viewer
from app.orders.listing import seen_events
from app.orders.models import OrderStatus
from app.orders.schemas import OrderDetailSchema, OrderSchema, mask_phone
from tests.helpers.api import auth, get, get_json, post
from tests.helpers.orders import make_order
from tests.helpers.queries import queries_of_request

LISTS = {
    "a.resident": "/my/orders?limit=100",
    "a.staff": "/staff/orders?limit=100",
    "street_admin": "/staff/orders?limit=100",
    "a.member": "/member/orders?limit=100",
}


@pytest.fixture
def orders(world):
    made = [
        make_order(world.a, world.item, status, member=world.a.member, stars=4, comment="好")
        for status in (OrderStatus.DISPATCHED, OrderStatus.COMPLETED, OrderStatus.RATED)
    ]
    made += [
        make_order(world.a, world.item, OrderStatus.PUBLISHED),
        make_order(world.a, world.item, OrderStatus.REJECTED, reject_reason="不在服务范围"),
        make_order(world.a, world.item, contact_name=None, latitude=None, longitude=None),
    ]
    db.session.commit()
    return made


class ViewedOrder:
    """The order as the schema sees it for one viewer: the phone masked unless they may,
    the timeline without staff ids and staff-only notes unless they are staff
    (tests/orders/test_notes.py checks what that hides)."""

    def __init__(self, order, viewer: Viewer) -> None:
        self._order = order
        phone = order.contact_phone
        self.contact_phone = phone if viewer.sees_phone(order) else mask_phone(phone)
        self.events = seen_events(order, viewer)

    def __getattr__(self, name):
        return getattr(self._order, name)


def schema_dump(order, viewer, schema=OrderSchema) -> dict:
    return schema().dump(ViewedOrder(order, Viewer(viewer)))


@pytest.mark.parametrize("who", ["a.resident", "a.staff", "street_admin", "a.member"])
def test_an_order_detail_is_what_the_schema_dumps(client, world, orders, who):
    viewer = world.user(who)
    for order in orders:
        response = get(client, viewer, f"/orders/{order.id}")
        if response.status_code == 200:
            db.session.refresh(order)
            assert response.get_json() == schema_dump(order, viewer, OrderDetailSchema)


def test_the_answer_of_a_move_is_the_detail(client, world, orders):
    published = next(o for o in orders if o.status == OrderStatus.PUBLISHED)
    grabbed = post(client, world.a.member, f"/member/orders/{published.id}/grab")
    db.session.expire_all()
    assert grabbed.status_code == 200
    assert grabbed.get_json() == schema_dump(published, world.a.member, OrderDetailSchema)
    assert [entry["action"] for entry in grabbed.get_json()["timeline"]][-1] == "grab"


@pytest.mark.parametrize("who", LISTS)
def test_listed_items_are_what_the_schema_dumps(client, world, orders, who):
    viewer = world.user(who)
    listed = {item["id"]: item for item in get_json(client, viewer, LISTS[who])["items"]}
    expected = {o.id: schema_dump(o, viewer) for o in orders if o.id in listed}
    assert listed and listed == expected


def test_the_pool_masks_phones_as_the_schema_does(client, world, orders):
    [pooled] = get_json(client, world.a.member, "/member/pool")["items"]
    published = next(o for o in orders if o.status == OrderStatus.PUBLISHED)
    assert pooled == schema_dump(published, world.a.member)
    assert "****" in pooled["contact_phone"]


@pytest.mark.parametrize("who", LISTS)
def test_a_page_costs_the_same_statements_whatever_its_size(client, world, orders, who):
    headers = auth(world.user(who))
    # Each its own page: a resident's pages are kept (tests/cache/test_own_answers.py).
    first = queries_of_request(client, "/api/v1" + LISTS[who].replace("100", "2"), headers)
    one = queries_of_request(client, "/api/v1" + LISTS[who].replace("100", "1"), headers)
    full = queries_of_request(client, "/api/v1" + LISTS[who], headers)
    # for staff the communities they manage, then the page; the caller is known by then
    assert one == full <= 3 and first == one + 1


def test_every_move_answers_the_order_as_it_now_is(client, world, orders):
    """Each answer is written from what the move's UPDATE returned, not read again after
    the commit: the member a dispatch names is in the answer of the dispatch itself."""
    order = make_order(world.a, world.item, OrderStatus.APPROVED)
    db.session.commit()
    steps = [
        (world.a.staff, "dispatch", {"member_id": world.a.member.id}),
        (world.a.member, "accept", None),
        (world.a.member, "start", None),
        (world.a.member, "complete", {"note": "修好了", "photos": []}),
    ]
    for user, move, body in steps:
        prefix = "/staff" if user is world.a.staff else "/member"
        answer = post(client, user, f"{prefix}/orders/{order.id}/{move}", body)
        assert answer.status_code == 200, answer.get_json()
        db.session.expire_all()
        assert answer.get_json() == schema_dump(order, user, OrderDetailSchema)
    assert answer.get_json()["member_id"] == world.a.member.id
