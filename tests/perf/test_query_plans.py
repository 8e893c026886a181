"""At size, the hot reads find their orders through indexes: a database loaded with `seed
load` (ANALYZEd), each endpoint called over HTTP, and every statement it ran on `orders` or
`order_events` EXPLAINed with its own parameters. A sequential scan of either table means a
list that slows down as the history grows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.seed.load_town import member_code, resident_code, staff_username
from app.seed.people_data import DEMO_PASSWORD
from app.wechat.fake import fake_openid
from tests.helpers.api import API, auth
from tests.helpers.console import console_login
from tests.helpers.queries import statements_run

pytestmark = pytest.mark.postgresql

ORDERS = 30_000
HOT_TABLES = {"orders", "order_events"}
INDEX_SCANS = {"Index Scan", "Index Only Scan", "Bitmap Heap Scan"}
API_LISTS = [
    ("resident", "/my/orders"),
    ("resident", "/my/orders?limit=100"),
    ("staff", "/staff/orders"),
    ("staff", "/staff/orders?status=submitted"),
    ("staff", "/staff/orders?status=rated"),
    ("member", "/member/pool"),
]
CONSOLE_PAGES = ["/console/", "/console/orders", "/console/orders?status=finished"]


@pytest.fixture
def town(app):
    result = app.test_cli_runner().invoke(args=["seed", "load", "--orders", str(ORDERS)])
    assert result.exit_code == 0, result.output
    db.session.remove()  # the next reads see the committed, analysed load

    def user(condition) -> User:
        return db.session.scalars(select(User).where(condition)).one()

    return {
        "resident": user(User.openid == fake_openid(resident_code(17))),
        "member": user(User.openid == fake_openid(member_code(3))),
        "staff": user(User.username == staff_username(3)),
    }


def test_the_hot_reads_find_their_orders_through_indexes(town, client):
    """One load for every endpoint: loading and emptying the tables take most of the time."""
    for role, path in API_LISTS:
        _assert_index_scans(path, _plans_of(client, path=API + path, headers=auth(town[role])))
    assert console_login(client, town["staff"], DEMO_PASSWORD).status_code == 302
    for path in CONSOLE_PAGES:
        _assert_index_scans(path, _plans_of(client, path=path))


def _plans_of(client, **request) -> list[tuple[str, list[tuple[str, str]]]]:
    """(statement, [(node type, table) ...]) of each statement of the request on a hot table."""
    with statements_run() as statements:
        response = client.get(request["path"], headers=request.get("headers"))
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
    plans = []
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            if not any(table in statement for table in HOT_TABLES):
                continue
            (plan,) = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).one()
            plans.append((statement, list(_scans(plan[0]["Plan"]))))
    return plans


def _scans(node: dict):
    if node.get("Relation Name") in HOT_TABLES:
        yield node["Node Type"], node["Relation Name"]
    for child in node.get("Plans", []):
        yield from _scans(child)


def _assert_index_scans(path: str, plans) -> None:
    reached = [scan for _statement, scans in plans for scan in scans]
    assert any(table == "orders" for _node, table in reached), f"{path} read no orders"
    for statement, scans in plans:
        for node, table in scans:
            assert node in INDEX_SCANS, f"{path}: {node} on {table} in\n{statement}"
