"""/metrics: requests and latency per endpoint (the endpoint's name, never the raw path with
its ids), for scrapers from METRICS_ALLOW only; METRICS_ENABLED=0 serves nothing."""

from ipaddress import ip_network

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.orders.models import OrderStatus
from tests.helpers.api import assert_error, get
from tests.helpers.apps import other_app
from tests.helpers.orders import seeded_order

ORDER_ENDPOINT = {"method": "GET", "endpoint": "orders.get_order", "status": "200"}


def samples(client, **environ) -> dict[tuple, float]:
    """Every sample of a scrape, by (name, sorted labels)."""
    response = client.get("/metrics", environ_base=environ)
    assert response.status_code == 200, response.get_data(as_text=True)
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for sample in family.samples
    }


def value(scrape: dict, name: str, **labels) -> float:
    return scrape.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_and_latency_are_counted_per_endpoint(app, client, world):
    first, second = (seeded_order(world.a, world.item, OrderStatus.SUBMITTED) for _ in "12")
    before = samples(client)
    for order in (first, second, first):
        assert get(client, world.a.resident, f"/orders/{order.id}").status_code == 200
    after = samples(client)
    for name in ("http_requests_total", "http_request_duration_seconds_count"):
        assert value(after, name, **ORDER_ENDPOINT) - value(before, name, **ORDER_ENDPOINT) == 3
    slowest = {**ORDER_ENDPOINT, "le": "10.0"}
    assert value(after, "http_request_duration_seconds_bucket", **slowest) >= 3
    endpoints = {dict(labels).get("endpoint", "") for _, labels in after}
    assert not any("/" in endpoint for endpoint in endpoints)


def test_unknown_paths_share_one_series(client):
    before = samples(client)
    for path in ("/nope/1", "/nope/2", "/api/v1/orders/99999999/nope"):
        client.get(path)
    after = samples(client)
    unmatched = {"method": "GET", "endpoint": "unmatched", "status": "404"}
    delta = value(after, "http_requests_total", **unmatched)
    assert delta - value(before, "http_requests_total", **unmatched) == 3


def test_scrapes_are_not_counted(client):
    before = samples(client)
    after = samples(client)
    assert not any(dict(labels).get("endpoint") == "prometheus_metrics" for _, labels in after)
    assert sum(v for (n, _), v in after.items() if n == "http_requests_total") == sum(
        v for (n, _), v in before.items() if n == "http_requests_total"
    )


@pytest.mark.parametrize("address", ["10.1.2.3", "203.0.113.9", "::ffff:8.8.8.8"])
def test_other_addresses_are_refused(client, address):
    response = client.get("/metrics", environ_base={"REMOTE_ADDR": address})
    assert_error(response, 403, "FORBIDDEN")
    assert "http_requests_total" not in response.get_data(as_text=True)


def test_a_relayed_request_is_refused_when_no_proxy_is_trusted(client):
    """Through a proxy the app was not told of (PROXY_COUNT=0) every client looks local."""
    response = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert_error(response, 403, "FORBIDDEN")


def test_behind_a_trusted_proxy_the_client_address_decides(app):
    allow = (ip_network("10.0.0.0/8"),)
    with other_app(app, PROXY_COUNT=1, METRICS_ALLOW=allow) as behind_nginx:
        client = behind_nginx.test_client()
        scraper = client.get("/metrics", headers={"X-Forwarded-For": "10.0.0.7"})
        public = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert scraper.status_code == 200 and "http_requests_total" in scraper.get_data(as_text=True)
    assert_error(public, 403, "FORBIDDEN")


def test_metrics_can_be_turned_off(app):
    with other_app(app, METRICS_ENABLED=False) as plain:
        client = plain.test_client()
        assert_error(client.get("/metrics"), 404, "NOT_FOUND")
        assert client.get("/healthz").status_code == 200
