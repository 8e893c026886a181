"""No input, however malformed, yields a 500 in the console either: every console page and
form, for a signed-in staff member and a street admin, with hostile query strings and form
bodies, on orders in every status and registrations, in and out of the caller's reach. (The
test client re-raises a view's exception, so a crash fails the test even before the status
check.)"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes

import pytest

from app.extensions import db
from app.orders.models import OrderStatus
from tests.helpers import factories
from tests.helpers.console import csrf_token, sign_in
from tests.helpers.members import registration

LONE_SURROGATE = "%ED%A0%80"
HOSTILE_QUERIES = [
    "",
    "?community_id=99999999999",
    "?community_id=-1",
    "?community_id=abc",
    "?community_id=1&community_id=2",
    f"?community_id={LONE_SURROGATE}",
    "?q=%00",
    f"?q={LONE_SURROGATE}",
    "?q=" + "x" * 5000,
    "?q=a&q=b",
    "?status=%FF",
    "?status=x&status=y",
    "?limit=1e9",
    "?limit=-1",
    "?cursor=%00",
    "?cursor=abc",
    f"?cursor={LONE_SURROGATE}",
    "?since=99999999999",
    "?since=-5",
    "?created_from=9999-99-99",
    "?created_from=0001-01-01",
    "?created_from=2099-01-01&created_to=2000-01-01",
    f"?completed_on={LONE_SURROGATE}",
    "?overdue=maybe",
    "?source=%00",
    "?grid_id=1e400",
    "?category_id=99999999999",
    "?next=%00",
    "?next=//evil.example",
]
# Form fields of every console form, with values no form accepts ("\ud800" is sent as the
# raw bytes of a lone surrogate, as a hostile client could).
HOSTILE_FORMS = [
    {},
    {"reason": "\x00", "note": "\ud800", "outcome": "\x07", "satisfied": "maybe"},
    {"reason": "x" * 5000, "note": "x" * 10000, "member_id": "99999999999"},
    {"member_id": ["1", "abc"], "reason": ["a", "b"], "reason_preset": "\ud800"},
    {
        "community_id": "99999999999",
        "item_id": "99999999999",
        "description": "\ud800",
        "address": "\x00",
        "contact_phone": "１３８１２３４１２３４",
        "latitude": "NaN",
        "longitude": "1e400",
        "photos": ["http://x"] * 20,
        "grid_id": "-1",
        "building_id": "abc",
    },
    {
        "community_id": "1",
        "item_id": "1",
        "description": "水管漏水",
        "address": "百花洲路1号",
        "contact_phone": "13812345678",
        "latitude": "inf",
        "longitude": "-inf",
        "contact_name": "\ud800",
        "approve": "\x00",
    },
    {"username": "\ud800", "password": "\x00"},
]
BUTTONS = {"console.order_move", "console.members_approve"}
ACTIONS = {
    "<any(approve, publish, recall, close):action>": ["approve", "publish", "recall", "close"],
    "<any(dispatch, reassign):action>": ["dispatch", "reassign"],
}


@pytest.fixture
def targets(world) -> list[str]:
    """Ids of real objects: an order in every status in demo-a (a member on those past
    dispatch), one in demo-b, a pending registration in each, and ids that exist nowhere."""
    held = {
        OrderStatus.DISPATCHED,
        OrderStatus.ACCEPTED,
        OrderStatus.IN_PROGRESS,
        OrderStatus.COMPLETED,
        OrderStatus.RATED,
        OrderStatus.CLOSED,
    }
    orders = [
        factories.order(
            world.a.community,
            world.a.resident,
            world.item,
            status,
            member_obj=world.a.member if status in held else None,
        )
        for status in OrderStatus
    ]
    orders.append(factories.order(world.b.community, world.b.resident, world.item))
    registrations = [registration(side.community) for side in (world.a, world.b)]
    db.session.commit()
    return [str(obj.id) for obj in orders + registrations] + ["0", "99999999999"]


def _console_rules(app, method: str):
    for rule in app.url_map.iter_rules():
        if (
            rule.endpoint.startswith("console.")
            and rule.endpoint != "console.static"
            and method in rule.methods
            and rule.endpoint != "console.logout"
        ):
            yield rule


def _cases(rule) -> list[tuple[str, dict]]:
    """(query, form) pairs: buttons send no fields; only the members pages read
    `?community_id=` on a POST."""
    forms = [{}] if rule.endpoint in BUTTONS else HOSTILE_FORMS
    queries = ["", "?community_id=99999999999"] if "members" in rule.endpoint else [""]
    return [(query, form) for query in queries for form in forms]


def _paths(rule, ids: list[str]) -> list[str]:
    rule = rule.rule
    paths = [rule]
    for converter, actions in ACTIONS.items():
        paths = [p.replace(converter, action) for p in paths for action in actions]
    return [re.sub(r"<int:[^>]+>", i, p) for p in paths for i in ids] if "<int:" in rule else paths


def _form_body(fields: dict) -> str:
    """Urlencoded by hand: the test client cannot encode a lone surrogate."""
    return "&".join(
        f"{key}={quote_from_bytes(str(v).encode('utf-8', 'surrogatepass'), safe='')}"
        for key, value in fields.items()
        for v in (value if isinstance(value, list) else [value])
    )


def _failed(response) -> bool:
    return response.status_code >= 500


@pytest.mark.parametrize("who", ["staff", "street_admin"])
def test_no_console_page_answers_500(app, world, targets, who):
    client = app.test_client()
    sign_in(client, world.a.staff if who == "staff" else world.street_admin)
    failures = []
    for rule in _console_rules(app, "GET"):
        paths = _paths(rule, targets)
        for path in paths:
            # Every object with a plain query; the first few with every hostile one.
            queries = HOSTILE_QUERIES if path in paths[:3] else [""]
            failures += [
                (path + q, r.status_code) for q in queries if _failed(r := client.get(path + q))
            ]
    assert failures == []


@pytest.mark.parametrize("who", ["staff", "street_admin"])
def test_no_console_form_answers_500(app, world, targets, who):
    client = app.test_client()
    sign_in(client, world.a.staff if who == "staff" else world.street_admin)
    token = csrf_token(client, "/console/")
    failures = []
    for rule in _console_rules(app, "POST"):
        for path in _paths(rule, targets):
            for query, fields in _cases(rule):
                response = client.post(
                    path + query,
                    data=_form_body({**fields, "csrf_token": token}),
                    content_type="application/x-www-form-urlencoded",
                )
                assert response.status_code != 400, f"CSRF refused {path}: test is broken"
                if _failed(response):
                    failures.append((path + query, fields, response.status_code))
    assert failures == []


def test_signed_out_hostile_requests_never_answer_500(app, client, targets):
    failures = [
        (method, path)
        for method in ("GET", "POST")
        for rule in _console_rules(app, method)
        for path in _paths(rule, targets[:1])
        if _failed(
            client.open(
                path + "?next=%00&community_id=99999999999",
                method=method,
                data=_form_body({"username": "\ud800"}),
                content_type="application/x-www-form-urlencoded",
            )
        )
    ]
    assert failures == []
