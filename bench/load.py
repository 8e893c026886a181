"""Bounded load on one URL over loopback: wrk when installed, else a Python thread pool with
keep-alive connections. Either way: fixed concurrency, fixed duration, then the numbers."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass
class Result:
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad_responses: int  # non-2xx/3xx answers and socket errors


def generator_name() -> str:
    return "wrk" if shutil.which("wrk") else "python-threads"


def measure(url: str, headers: dict[str, str], seconds: int, connections: int) -> Result:
    if shutil.which("wrk"):
        return _wrk(url, headers, seconds, connections)
    return _threads(url, headers, seconds, connections)


# --- wrk -------------------------------------------------------------------------------

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk(url: str, headers: dict[str, str], seconds: int, connections: int) -> Result:
    command = [
        "wrk",
        "--latency",
        "-t",
        "1",
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        "10s",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    return Result(
        requests_per_s=float(_find(r"Requests/sec:\s+([\d.]+)", out)),
        p50_ms=_percentile_ms(out, "50%"),
        p99_ms=_percentile_ms(out, "99%"),
        requests=int(_find(r"(\d+) requests in", out)),
        bad_responses=_bad_responses(out),
    )


def _find(pattern: str, text: str, default: str | None = None) -> str:
    match = re.search(pattern, text)
    if match is None:
        if default is not None:
            return default
        raise RuntimeError(f"wrk output without {pattern!r}:\n{text}")
    return match.group(1)


def _percentile_ms(out: str, label: str) -> float:
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M).groups()
    return float(value) * _UNITS_MS[unit]


def _bad_responses(out: str) -> int:
    non_2xx = int(_find(r"Non-2xx or 3xx responses:\s+(\d+)", out, "0"))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return non_2xx + (sum(map(int, errors.groups())) if errors else 0)


# --- Python fallback -------------------------------------------------------------------


def _threads(url: str, headers: dict[str, str], seconds: int, connections: int) -> Result:
    parts = urlsplit(url)
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    bad = [0]
    lock = threading.Lock()

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine, my_bad = [], 0
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                conn.request(
                    "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers
                )
                response = conn.getresponse()
                response.read()
                my_bad += response.status >= 400
            except (OSError, http.client.HTTPException):
                my_bad += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            bad[0] += my_bad

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    return Result(
        requests_per_s=len(latencies) / elapsed,
        p50_ms=_nth(latencies, 0.50) * 1000,
        p99_ms=_nth(latencies, 0.99) * 1000,
        requests=len(latencies),
        bad_responses=bad[0],
    )


def _nth(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]
