"""Under a real gunicorn with two workers in production: /metrics sums every worker's counts,
a dead worker's included (child_exit); every line on stderr is JSON, app and gunicorn alike,
with one access line per request carrying its request id."""

import json
import os
import signal
import time
from urllib.request import Request, urlopen

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.helpers.servers import sqlite_gunicorn

CATALOG = {"method": "GET", "endpoint": "catalog.get_catalog", "status": "200"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("gunicorn-ops")
    settings = {
        "APP_ENV": "production",
        "WECHAT_FAKE": "0",
        "SECRET_KEY": "test-ops-metrics",
        "PUBLIC_BASE_URL": "https://shaoxian.example.cn",
        "PROMETHEUS_MULTIPROC_DIR": str(work / "metrics"),
    }
    with sqlite_gunicorn(work, settings, stderr=work / "stderr.log") as url:
        yield url, work


def fetch(url: str, request_id: str) -> None:
    headers = {"X-Request-ID": request_id, "Connection": "close"}
    with urlopen(Request(url, headers=headers), timeout=10) as answer:
        assert answer.headers["X-Request-ID"] == request_id


def log_lines(work) -> list[dict]:
    return [json.loads(line) for line in (work / "stderr.log").read_text().splitlines()]


def access_lines(work, request_id: str) -> list[dict]:
    return [
        line
        for line in log_lines(work)
        if line["logger"] == "app.access" and line.get("request_id") == request_id
    ]


def catalog_count(url: str) -> float:
    with urlopen(f"{url}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "http_requests_total" and sample.labels == CATALOG:
                return sample.value
    return 0.0


def wait_for(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_counts_of_every_worker_are_summed_a_dead_ones_included(server):
    url, work = server
    start = catalog_count(url)  # the start-up probe's
    for n in range(3):
        fetch(f"{url}/api/v1/catalog", f"before-{n}")
    wait_for(lambda: len(access_lines(work, "before-0")) == 1)
    served_by = access_lines(work, "before-0")[0]["process"]
    os.kill(served_by, signal.SIGTERM)  # gunicorn starts another worker in its place
    wait_for(lambda: f"Worker exiting (pid: {served_by})" in (work / "stderr.log").read_text())
    for n in range(2):
        fetch(f"{url}/api/v1/catalog", f"after-{n}")
    wait_for(lambda: len(access_lines(work, "after-1")) == 1)
    assert access_lines(work, "after-1")[0]["process"] != served_by
    assert catalog_count(url) - start == 5


def test_every_line_is_json_with_one_access_line_per_request(server):
    url, work = server
    fetch(f"{url}/api/v1/catalog", "json-line-1")
    wait_for(lambda: len(access_lines(work, "json-line-1")) == 1)
    lines = log_lines(work)  # json.loads of every line: any plain text line fails here
    (access,) = access_lines(work, "json-line-1")
    assert access["path"] == "/api/v1/catalog" and access["status"] == 200
    assert {"timestamp", "level", "method", "duration_ms", "remote_addr"} <= set(access)
    assert {line["logger"] for line in lines} >= {"gunicorn.error", "app.access"}
    assert not [line for line in lines if line["logger"] == "gunicorn.access"]


def test_a_public_client_behind_no_trusted_proxy_cannot_scrape(server):
    url, _ = server
    request = Request(f"{url}/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    with pytest.raises(OSError) as refused:
        urlopen(request, timeout=10)
    assert refused.value.code == 403  # type: ignore[attr-defined]
