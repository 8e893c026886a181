"""wrk, the load generator: its command line, its Lua scripts and its report.

Every run uses one Lua script. Its `done()` prints one line `bench: {...}` of JSON that the
harness reads: how many answers had another status than the one expected (wrk itself only
counts statuses >= 400) and, for the scripts that walk through order ids, the first id the
next run may use."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

THREADS = 1  # one wrk thread drives 32 connections easily and leaves the cores to the server
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Result:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int  # answers wrk counts as errors (status >= 400)
    socket_errors: int
    unexpected: int  # answers whose status is not the expected one (from the Lua script)
    next_id: int | None = None
    sample: str = ""  # the first unexpected answers, as the Lua script wrote them

    @property
    def failed(self) -> bool:
        return bool(self.non_2xx or self.socket_errors or self.unexpected)


def require() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("make bench needs wrk: apt-get install wrk (Debian/Ubuntu)")
    return path


def version() -> str:
    out = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
    return (out.stdout + out.stderr).split("[")[0].strip() or "wrk"


def command(url: str, script: Path, seconds: int, connections: int, args: list[str]) -> list[str]:
    return [
        "wrk",
        "--latency",
        f"--threads={THREADS}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={script}",
        url,
        *(["--", *args] if args else []),
    ]


def run(url: str, script: Path, seconds: int, connections: int, args: list[str]) -> Result:
    argv = command(url, script, seconds, connections, args)
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    result = parse(done.stdout)
    result.sample = done.stderr[:1000]
    return result


# --- the report ------------------------------------------------------------------------


def parse(out: str) -> Result:
    extra = _bench_line(out)
    return Result(
        requests_per_s=float(_find(r"Requests/sec:\s+([\d.]+)", out)),
        p50_ms=_percentile_ms(out, "50%"),
        p99_ms=_percentile_ms(out, "99%"),
        requests=int(_find(r"(\d+) requests in", out)),
        non_2xx=int(_find(r"Non-2xx or 3xx responses:\s+(\d+)", out, "0")),
        socket_errors=_socket_errors(out),
        unexpected=int(extra.get("unexpected", 0)),
        next_id=extra.get("next_id"),
    )


def _find(pattern: str, text: str, default: str | None = None) -> str:
    match = re.search(pattern, text)
    if match is not None:
        return match.group(1)
    if default is not None:
        return default
    raise RuntimeError(f"wrk output without {pattern!r}:\n{text}")


def _percentile_ms(out: str, label: str) -> float:
    match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    if match is None:
        raise RuntimeError(f"wrk output without the {label} latency:\n{out}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]


def _socket_errors(out: str) -> int:
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return sum(map(int, match.groups())) if match else 0


def _bench_line(out: str) -> dict:
    match = re.search(r"^bench: (\{.*\})$", out, re.M)
    return json.loads(match.group(1)) if match else {}


# --- Lua scripts -----------------------------------------------------------------------

# Each wrk thread has its own Lua state: setup() numbers the threads, done() adds up what
# they counted. Request i of thread t is the (t + i * threads)-th of the run.
_COMMON = """
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
function init(args)
  first = tonumber(args[1] or "0")
  sent, unexpected = 0, 0
end
function response(status, headers, body)
  if status ~= %(status)d then
    unexpected = unexpected + 1
    if unexpected <= 3 then io.stderr:write("unexpected " .. status .. ": " .. body .. "\\n") end
  end
end
function done(summary, latency, requests)
  local unexpected_total, next_id = 0, 0
  for _, t in ipairs(threads) do
    unexpected_total = unexpected_total + t:get("unexpected")
    next_id = math.max(next_id, t:get("first") + t:get("tid") + t:get("sent") * threads_n)
  end
  io.write(string.format('bench: {"unexpected": %%d, "next_id": %%d}\\n',
    unexpected_total, next_id))
end
function nth()
  local n = first + tid + sent * threads_n
  sent = sent + 1
  return n
end
"""


def _lua_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid Lua string


# gunicorn's sync workers close the connection after each answer. Said in the request, wrk
# opens a new one for each; left unsaid, wrk races the close, and the same URL measured at
# about 9,500 or about 2,300 requests per second from one run to the next.
CLOSE = {"Connection": "close"}


def _headers(headers: dict[str, str]) -> str:
    every = {**headers, **CLOSE}
    pairs = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in every.items())
    return "{" + pairs + "}"


def _script(status: int, request_body: str) -> str:
    common = _COMMON % {"status": status}
    return f"threads_n = {THREADS}\n{common}\nfunction request()\n{request_body}\nend\n"


def get_script(path: str, headers: dict[str, str]) -> str:
    """GET `path` again and again; any answer but 200 counts as unexpected."""
    return _script(
        200,
        f"  nth()\n  return wrk.format('GET', {_lua_string(path)}, {_headers(headers)})",
    )


def create_script(path: str, headers: dict[str, str], body: dict, key_prefix: str) -> str:
    """POST `body` to `path`, each request with its own Idempotency-Key; 201 expected."""
    lua_body = _lua_string(json.dumps(body, ensure_ascii=False))
    return _script(
        201,
        f"  local h = {_headers({**headers, 'Content-Type': 'application/json'})}\n"
        f"  h['Idempotency-Key'] = {_lua_string(key_prefix)} .. nth()\n"
        f"  return wrk.format('POST', {_lua_string(path)}, h, {lua_body})",
    )


def walk_script(path_template: str, headers: dict[str, str], method: str = "POST") -> str:
    """`method` to `path_template` with `{id}` replaced by consecutive ids from the script's
    first argument on, so each request asks what no request asked before (moves an order
    no request moved before, searches from a point no request searched from); 200 expected."""
    before, after = path_template.split("{id}")
    return _script(
        200,
        f"  local path = {_lua_string(before)} .. nth() .. {_lua_string(after)}\n"
        f"  return wrk.format({_lua_string(method)}, path, {_headers(headers)})",
    )
