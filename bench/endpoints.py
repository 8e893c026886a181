"""What is measured: the endpoints, who calls them, the status each must answer, and the
throughput issue 8 asks of each, as a share of the bare Flask app's in the same run."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from bench import wrk
from bench.fixtures import MEMBER, READER, WRITER, Fixture
from bench.servers import call
from bench.wrk import Result
from tests.helpers.orders import order_body as tests_order_body

BARE = "bare"
GRAB_PATH = "/api/v1/member/orders/{id}/grab"
REDEEM_PATH = "/api/v1/mall/rewards/{reward}/redeem"
POSTS = {"create", "redeem"}  # a POST with a body and its own Idempotency-Key each time


@dataclass(frozen=True)
class Endpoint:
    key: str  # for BENCH_ENDPOINTS
    label: str
    # "get"; "moving" (a GET whose {id} counts up: a new query each time); "create"
    # (POST /orders); "redeem" (POST /mall/rewards/{reward}/redeem); "grab" (walks the pool)
    kind: str
    path: str
    user: str | None  # the fixture user whose token it carries
    targets: tuple[tuple[str, float], ...] = ()  # (backend, least ratio to bare)

    @property
    def expected(self) -> int:
        return 201 if self.kind in POSTS else 200

    def target(self, backend: str) -> float | None:
        return dict(self.targets).get(backend)


def _both(ratio: float) -> tuple[tuple[str, float], ...]:
    return (("sqlite", ratio), ("postgresql", ratio))


BARE_ENDPOINT = Endpoint(BARE, "bare Flask JSON (baseline)", "get", "/ping", None)
ENDPOINTS = (
    Endpoint("catalog", "GET /api/v1/catalog", "get", "/api/v1/catalog", None, _both(0.9)),
    Endpoint(
        "venues",
        "GET /api/v1/venues?lat=28.68&lng=115.90",
        "get",
        "/api/v1/venues?lat=28.68&lng=115.90",
        None,
        _both(0.7),
    ),
    # Informative, no target: a new point each time, so no answer is ever kept.
    Endpoint(
        "venues_moving",
        "GET /api/v1/venues, a new point each time",
        "moving",
        "/api/v1/venues?lat=28.68&lng=115.9{id}",
        None,
    ),
    Endpoint("me", "GET /api/v1/me", "get", "/api/v1/me", READER, _both(0.4)),
    Endpoint("my_orders", "GET /api/v1/my/orders", "get", "/api/v1/my/orders", READER, _both(0.4)),
    Endpoint(
        "create", "POST /api/v1/orders", "create", "/api/v1/orders", WRITER, (("postgresql", 0.2),)
    ),
    Endpoint("grab", f"POST {GRAB_PATH}", "grab", GRAB_PATH, MEMBER, (("postgresql", 0.2),)),
    # Issue 10 asks for the ratio on PostgreSQL, and sets no target.
    Endpoint("redeem", f"POST {REDEEM_PATH}", "redeem", REDEEM_PATH, MEMBER),
)


def chosen(keys: list[str] | None) -> list[Endpoint]:
    if not keys:
        return list(ENDPOINTS)
    known = {e.key: e for e in ENDPOINTS}
    unknown = sorted(set(keys) - set(known))
    if unknown:
        raise SystemExit(f"BENCH_ENDPOINTS: unknown {unknown}; choose among {sorted(known)}")
    return [known[key] for key in keys]


def order_body(fixture: Fixture) -> dict:
    """The tests' valid POST /orders body, for the fixture's community and item."""
    return tests_order_body(
        SimpleNamespace(id=fixture.community_id), SimpleNamespace(id=fixture.item_id)
    )


class Plan:
    """One endpoint made ready for wrk: its URL, its Lua script, and the first id its next
    run may use (order ids for the grab, key numbers for POST /orders)."""

    def __init__(self, endpoint: Endpoint, base_url: str, token: str | None, fixture: Fixture):
        self.endpoint = endpoint
        self.base_url = base_url
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.fixture = fixture
        self.next_id = fixture.pool_first_id if endpoint.kind == "grab" else 0
        self.key_prefix = f"bench-{uuid.uuid4().hex[:8]}-"
        self.path = endpoint.path.replace("{reward}", str(fixture.reward_id))
        self.body = order_body(fixture) if endpoint.kind == "create" else {}

    def write_script(self, workdir: Path) -> None:
        e, headers = self.endpoint, self.headers
        if e.kind == "get":
            source = wrk.get_script(e.path, headers)
        elif e.kind in POSTS:
            source = wrk.create_script(self.path, headers, self.body, self.key_prefix)
        elif e.kind == "moving":
            source = wrk.walk_script(e.path, headers, "GET")
        else:
            source = wrk.walk_script(e.path, headers)
        self.script = workdir / f"{e.key}.lua"
        self.script.write_text(source, encoding="utf-8")

    def probe(self) -> str:
        """'' when one request answers the expected status, else what it answered."""
        e, url = self.endpoint, self.base_url + self.path
        if e.kind == "get":
            status, body = call(url, headers=self.headers)
        elif e.kind in POSTS:
            headers = {**self.headers, "Idempotency-Key": f"{self.key_prefix}probe"}
            status, body = call(url, "POST", headers, self.body)
        else:
            method = "GET" if e.kind == "moving" else "POST"
            status, body = call(url.replace("{id}", str(self.next_id)), method, self.headers)
            self.next_id += 1
        return "" if status == e.expected else f"HTTP {status} {body[:200]!r}"

    def run(self, seconds: int, connections: int) -> Result:
        result = wrk.run(self.base_url, self.script, seconds, connections, [str(self.next_id)])
        if result.next_id is not None:
            self.next_id = result.next_id
        return result

    @property
    def pool_left(self) -> int | None:
        if self.endpoint.kind != "grab":
            return None
        return self.fixture.pool_last_id + 1 - self.next_id
