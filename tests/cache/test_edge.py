"""A public ready answer is sent by the edge in front of Flask (app.cache.edge): the same
status, headers and body the view sends, without entering Flask, yet observed like any
request. Anything the edge may not answer goes on to the view."""

from __future__ import annotations

import logging
from contextlib import contextmanager

from flask import request, request_started
from prometheus_client.parser import text_string_to_metric_families

from app.extensions import db
from tests.catalog.test_catalog_api import add_category

CATALOG = "/api/v1/catalog"


@contextmanager
def flask_requests(app):
    """The paths of the requests that entered Flask while the block ran."""
    seen: list[str] = []

    def note(sender, **extra):
        seen.append(request.path)

    request_started.connect(note, app)
    try:
        yield seen
    finally:
        request_started.disconnect(note, app)


def headers_of(response) -> dict:
    return {k: v for k, v in response.headers.items() if k != "X-Request-ID"}


def a_catalog() -> None:
    add_category("public", "政务代办")
    db.session.commit()


def test_a_kept_answer_is_sent_without_flask_exactly_as_the_view_sends_it(app, client):
    a_catalog()
    with flask_requests(app) as entered:
        built = client.get(CATALOG)
        kept = client.get(CATALOG)
    assert entered == [CATALOG]  # the first only
    assert (kept.status_code, kept.data) == (built.status_code, built.data)
    assert headers_of(kept) == headers_of(built)


def test_the_edge_answers_a_matching_etag_with_the_views_304(app, client):
    a_catalog()
    etag = client.get(CATALOG).headers["ETag"]
    with flask_requests(app) as entered:
        edge = client.get(CATALOG, headers={"If-None-Match": etag})
    view = client.get(CATALOG, headers={"If-None-Match": etag, "Authorization": "Bearer x"})
    assert entered == []
    assert edge.status_code == view.status_code == 304 and edge.data == view.data == b""
    assert edge.headers["ETag"] == view.headers["ETag"] == etag


def test_a_request_with_a_token_goes_to_the_view(app, client):
    a_catalog()
    public = client.get(CATALOG)
    with flask_requests(app) as entered:
        tokened = client.get(CATALOG, headers={"Authorization": "Bearer x"})
    assert entered == [CATALOG] and tokened.data == public.data


def test_a_stale_answer_goes_to_the_view(app, client):
    a_catalog()
    client.get(CATALOG)
    add_category("social", "水电维修")
    db.session.commit()
    with flask_requests(app) as entered:
        names = [c["name"] for c in client.get(CATALOG).get_json()["categories"]]
    assert entered == [CATALOG] and "水电维修" in names


def test_other_methods_and_unkept_queries_go_to_the_view(app, client):
    a_catalog()
    client.get(CATALOG)
    with flask_requests(app) as entered:
        assert client.head(CATALOG).status_code == 200
        assert client.post(CATALOG).status_code == 405
        assert client.get(CATALOG + "?kind=social").status_code == 200
    assert entered == [CATALOG] * 3


def test_an_edge_answer_is_logged_and_counted_under_its_endpoint(app, client, caplog):
    a_catalog()
    client.get(CATALOG)
    before = catalog_count(client)
    caplog.set_level(logging.INFO, logger="app.access")
    with flask_requests(app) as entered:
        client.get(CATALOG, headers={"X-Request-ID": "edge-1"})
    line = next(r for r in caplog.records if getattr(r, "request_id", "") == "edge-1")
    assert entered == [] and (line.path, line.status) == (CATALOG, 200)
    assert catalog_count(client) == before + 1


def catalog_count(client) -> float:
    text = client.get("/metrics").get_data(as_text=True)
    wanted = {"method": "GET", "endpoint": "catalog.get_catalog", "status": "200"}
    samples = [s for f in text_string_to_metric_families(text) for s in f.samples]
    return next(s.value for s in samples if s.name == "http_requests_total" and s.labels == wanted)


def test_an_answer_pushed_out_of_the_edges_index_returns_to_it(app, client, monkeypatch):
    monkeypatch.setattr("app.cache.store.MAX_PUBLIC", 2)
    a_catalog()
    client.get(CATALOG)
    for kind in ("public", "social"):  # two newer public answers push the first out
        client.get(f"{CATALOG}?kind={kind}")
    with flask_requests(app) as entered:
        client.get(CATALOG)  # kept still: the view sends it, and the edge has it again
        client.get(CATALOG)
    assert entered == [CATALOG]
