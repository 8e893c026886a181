"""bench/million.py's load: wrk over a mix of users (a Lua script), and the memory of the
gunicorn workers afterwards."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.wrk import CLOSE


@dataclass
class Row:
    label: str
    connections: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


_LUA = """
local mix = %s
local requests = {}
local next_one = 0
init = function(args)
  for i, item in ipairs(mix) do requests[i] = wrk.format("GET", item[1], item[2]) end
  next_one = math.random(#requests)
end
request = function()
  next_one = next_one %% #requests + 1
  return requests[next_one]
end
"""
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def measure(label: str, base: str, mix, settings, workdir: Path) -> list[Row]:
    """After a warm-up, one connection (the service time), then `settings.connections`.
    `mix`: (path, headers) of each user; wrk sends each request as the next one."""
    items = ", ".join(
        f"{{{_lua(path)}, {_lua_table({**headers, **CLOSE})}}}" for path, headers in mix
    )
    script = workdir / "mix.lua"
    script.write_text(_LUA % f"{{{items}}}")
    _wrk(base, script, settings.warmup_seconds, settings.connections)
    counts = sorted({1, settings.connections})
    return [_row(label, n, _wrk(base, script, settings.seconds, n)) for n in counts]


def _row(label: str, connections: int, out: str) -> Row:
    percentiles = {
        label: float(value) * _UNITS_MS[unit]
        for label, value, unit in re.findall(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return Row(
        label,
        connections,
        float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        percentiles["50"],
        percentiles["99"],
        int(re.search(r"(\d+) requests in", out)[1]),
        int(errors[1]) if errors else 0,
    )


def _lua_table(headers: dict[str, str]) -> str:
    return "{" + ", ".join(f"[{_lua(k)}] = {_lua(v)}" for k, v in headers.items()) + "}"


def _lua(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid Lua string literal for these


def _wrk(base: str, script: Path, seconds: int, connections: int) -> str:
    command = ["wrk", "--latency", "-t", "1", "-c", str(connections), "-d", f"{seconds}s"]
    command += ["--timeout", "10s", "-s", str(script), base]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def worker_rss_mb() -> dict[int, float]:
    """VmRSS of each gunicorn worker: the children of the master that is our child."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    masters = {pid for pid, parent in parents.items() if parent == os.getpid()}
    rss = {}
    for pid in (pid for pid, parent in parents.items() if parent in masters):
        status = Path(f"/proc/{pid}/status").read_text()
        rss[pid] = int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)[1]) / 1024
    return rss
