"""Every answer carries X-Request-ID: the proxy's when it is a sane token, else a new one;
every log record of the request carries it too, and the request ends in one access line."""

import json
import logging

import pytest

from app.observability.logs import formatter

HEADER = "X-Request-ID"
ACCESS = "app.access"


def test_a_sane_incoming_id_is_kept(client):
    nginx_id = "0f8e2a4c6b1d3e5f7a9c0b2d4e6f8a1c"
    response = client.get("/api/v1/catalog", headers={HEADER: nginx_id})
    assert response.headers[HEADER] == nginx_id


def test_without_one_each_request_gets_a_new_id(client):
    ids = {client.get("/api/v1/catalog").headers[HEADER] for _ in range(3)}
    assert len(ids) == 3 and all(len(i) == 32 for i in ids)


@pytest.mark.parametrize(
    "incoming",
    ["x" * 129, "abc def", 'a"b', "a\\nb", "abc;rm", "{}", "值"],
    ids=["too-long", "space", "quote", "backslash", "semicolon", "braces", "non-ascii"],
)
def test_an_insane_id_is_replaced(client, incoming):
    response = client.get("/api/v1/catalog", headers={HEADER: incoming.encode().decode("latin-1")})
    replaced = response.headers[HEADER]
    assert replaced != incoming and len(replaced) == 32 and replaced.isalnum()


def test_errors_carry_the_id_too(client):
    response = client.get("/api/v1/nope", headers={HEADER: "req-404"})
    assert response.status_code == 404 and response.headers[HEADER] == "req-404"


def test_the_access_line_and_every_record_carry_the_id(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/api/v1/catalog", headers={HEADER: "req-log-1"})
    mine = [record for record in caplog.records if record.request_id == "req-log-1"]
    access = [record for record in mine if record.name == ACCESS]
    assert len(access) == 1
    line = access[0]
    assert (line.method, line.path, line.status) == ("GET", "/api/v1/catalog", 200)
    assert line.duration_ms >= 0 and line.remote_addr == "127.0.0.1"


def test_a_record_outside_a_request_has_no_id(app, caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("app.test").info("outside")
    assert caplog.records[-1].request_id == "-"


def test_a_json_line_parses_with_the_fields_of_the_contract(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/api/v1/catalog", headers={HEADER: "req-json-1"})
    record = next(r for r in caplog.records if r.name == ACCESS)
    line = json.loads(formatter("json").format(record))
    assert line["request_id"] == "req-json-1" and line["level"] == "INFO"
    assert line["logger"] == ACCESS and line["message"].startswith("GET /api/v1/catalog 200")
    assert {"timestamp", "method", "path", "status", "duration_ms", "remote_addr"} <= set(line)


def test_the_text_line_shows_the_id(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/api/v1/catalog", headers={HEADER: "req-text-1"})
    record = next(r for r in caplog.records if r.name == ACCESS)
    assert "[req-text-1] GET /api/v1/catalog 200" in formatter("text").format(record)


def test_probes_are_logged_at_debug_only(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/healthz")
    client.get("/readyz")
    assert not [r for r in caplog.records if r.name == ACCESS]
