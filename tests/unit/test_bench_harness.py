"""The benchmark harness's pure parts (bench/): reading wrk's report, the interleaved ratios
and their verdicts, and the Lua scripts wrk runs. No load is generated here."""

import json

import pytest

from bench import wrk
from bench.endpoints import ENDPOINTS, chosen
from bench.report import BackendRun, Measured, Pair, table
from bench.wrk import Result

WRK_OUTPUT = """\
Running 3s test @ http://127.0.0.1:41234
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    68.31ms   20.11ms 301.00ms   80.00%
    Req/Sec   465.12     40.00   520.00     70.00%
  Latency Distribution
     50%   66.10ms
     75%   75.00ms
     90%   90.00ms
     99%    1.20s
  1398 requests in 3.01s, 15.61MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    464.45
Transfer/sec:      5.19MB
bench: {"unexpected": 5, "next_id": 1431}
"""


def result(requests_per_s: float, unexpected: int = 0) -> Result:
    return Result(requests_per_s, 1.0, 2.0, 100, 0, 0, unexpected)


def test_wrk_report_is_read_with_latencies_in_ms_and_errors_counted():
    r = wrk.parse(WRK_OUTPUT)
    assert (r.requests_per_s, r.requests) == (464.45, 1398)
    assert (r.p50_ms, r.p99_ms) == (66.1, 1200.0)
    assert (r.non_2xx, r.socket_errors, r.unexpected, r.next_id) == (4, 3, 5, 1431)
    assert r.failed


def test_a_clean_report_without_the_scripts_line_has_no_failures():
    clean = "\n".join(
        line
        for line in WRK_OUTPUT.splitlines()
        if not line.startswith(("  Socket", "  Non-2xx", "bench:"))
    )
    r = wrk.parse(clean)
    assert (r.non_2xx, r.socket_errors, r.unexpected, r.next_id) == (0, 0, 0, None)
    assert not r.failed


def test_a_report_without_throughput_is_an_error():
    with pytest.raises(RuntimeError, match="Requests/sec"):
        wrk.parse("unable to connect to 127.0.0.1:1 Connection refused")


def test_the_ratio_is_the_median_of_each_round_against_the_bare_run_just_before():
    catalog = next(e for e in ENDPOINTS if e.key == "catalog")
    m = Measured(catalog)
    # Bare throughput swings between rounds; each round's ratio follows its own baseline.
    for bare, endpoint in [(1000, 950), (4000, 400), (2000, 1900)]:
        m.pairs.append(Pair(result(bare), result(endpoint)))
    assert [p.ratio for p in m.pairs] == [0.95, 0.1, 0.95]
    assert m.ratio() == 0.95
    assert m.verdict("sqlite") == "PASS"
    m.pairs[2] = Pair(result(2000), result(200))
    assert m.ratio() == 0.1
    assert m.verdict("sqlite") == "FAIL"


def test_any_unexpected_answer_fails_the_endpoint_whatever_its_ratio():
    create = next(e for e in ENDPOINTS if e.key == "create")
    m = Measured(create, [Pair(result(100), result(90, unexpected=1))])
    assert m.verdict("postgresql") == "FAIL (errors)"
    assert m.bad_answers() == 1
    clean = Measured(create, [Pair(result(100), result(90))])
    assert (clean.verdict("postgresql"), clean.verdict("sqlite")) == ("PASS", "—")


def test_the_table_has_a_row_per_endpoint_with_its_target_and_verdict():
    me = next(e for e in ENDPOINTS if e.key == "me")
    skipped = Measured(next(e for e in ENDPOINTS if e.key == "grab"), skipped="HTTP 409")
    rows = [Measured(me, [Pair(result(1000), result(500))], alone_p50_ms=1.5), skipped]
    text = table(BackendRun("postgresql", "PostgreSQL 15.8", rows, ["grab: pool"]))
    assert (
        "| GET /api/v1/me | 0.50 | 0.50 | 500 | 1,000 | 1.0 | 2.0 | 1.5 | 0 | ≥ 0.4 | PASS |"
        in text
    )
    assert "| POST /api/v1/member/orders/{id}/grab | HTTP 409 |" in text
    assert text.splitlines()[0] == "### PostgreSQL 15.8"
    assert "- grab: pool" in text


def test_endpoints_are_chosen_by_key_and_unknown_keys_refused():
    assert [e.key for e in chosen(["grab", "me"])] == ["grab", "me"]
    assert len(chosen(None)) == len(ENDPOINTS)
    with pytest.raises(SystemExit, match="nope"):
        chosen(["nope"])


def test_the_create_script_sends_the_body_with_a_key_per_request_and_expects_201():
    body = {"community_id": 1, "description": "家里水管漏水，\n需要帮忙维修"}
    lua = wrk.create_script("/api/v1/orders", {"Authorization": "Bearer t"}, body, "k-")
    assert "if status ~= 201 then" in lua
    assert "h['Idempotency-Key'] = \"k-\" .. nth()" in lua
    assert '["Authorization"] = "Bearer t"' in lua
    assert '["Content-Type"] = "application/json"' in lua
    assert json.dumps(json.dumps(body, ensure_ascii=False), ensure_ascii=False) in lua


def test_the_walk_script_puts_consecutive_ids_into_the_path_and_reports_the_next():
    lua = wrk.walk_script("/api/v1/member/orders/{id}/grab", {})
    assert 'local path = "/api/v1/member/orders/" .. nth() .. "/grab"' in lua
    assert "if status ~= 200 then" in lua
    assert f"threads_n = {wrk.THREADS}" in lua
    assert "first + tid + sent * threads_n" in lua
    assert 'bench: {"unexpected": %d, "next_id": %d}' in lua


def test_the_command_passes_the_first_id_to_the_script():
    argv = wrk.command("http://127.0.0.1:5000", "/tmp/x.lua", 3, 32, ["1200"])
    assert argv[:2] == ["wrk", "--latency"]
    assert "--connections=32" in argv and "--duration=3s" in argv
    assert argv[-3:] == ["http://127.0.0.1:5000", "--", "1200"]
