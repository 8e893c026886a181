"""The numbers of a run and their Markdown: per endpoint, the median of its rounds' ratios to
the bare app measured just before it, against issue 8's targets."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from bench.endpoints import Endpoint
from bench.wrk import Result


@dataclass
class Pair:
    """One round: the bare app, then the endpoint, back to back."""

    bare: Result
    endpoint: Result

    @property
    def ratio(self) -> float:
        return self.endpoint.requests_per_s / self.bare.requests_per_s

    @property
    def failed(self) -> bool:
        return self.bare.failed or self.endpoint.failed


@dataclass
class Measured:
    endpoint: Endpoint
    pairs: list[Pair] = field(default_factory=list)
    alone_p50_ms: float | None = None
    skipped: str = ""  # why it was not measured

    @property
    def failed(self) -> bool:
        return bool(self.skipped) or any(p.failed for p in self.pairs)

    def ratio(self) -> float:
        return statistics.median(p.ratio for p in self.pairs)

    def median(self, pick) -> float:
        return statistics.median(pick(p) for p in self.pairs)

    def bad_answers(self) -> int:
        return sum(
            max(r.unexpected, r.non_2xx) + r.socket_errors
            for p in self.pairs
            for r in (p.bare, p.endpoint)
        )

    def verdict(self, backend: str) -> str:
        if self.failed:
            return "FAIL (errors)"
        target = self.endpoint.target(backend)
        if target is None:
            return "—"
        return "PASS" if self.ratio() >= target else "FAIL"


@dataclass
class BackendRun:
    backend: str
    server: str  # e.g. "PostgreSQL 15.8"
    rows: list[Measured]
    notes: list[str] = field(default_factory=list)


HEADER = (
    "| endpoint | vs bare (median) | vs bare, each round | req/s | bare req/s | p50 ms "
    "| p99 ms | alone p50 ms | bad answers | target | result |\n"
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
)


def table(run: BackendRun) -> str:
    lines = [f"### {run.server}", "", HEADER]
    lines += [_row(m, run.backend) for m in run.rows]
    lines += ["", *(f"- {note}" for note in run.notes)]
    return "\n".join(lines).rstrip() + "\n"


def _row(m: Measured, backend: str) -> str:
    target = m.endpoint.target(backend)
    target_cell = f"≥ {target:.1f}" if target is not None else "—"
    if not m.pairs:
        empty = " | " * 7
        return f"| {m.endpoint.label} | {m.skipped or 'not measured'}{empty}{target_cell} | FAIL |"
    cells = [
        m.endpoint.label,
        f"{m.ratio():.2f}",
        ", ".join(f"{p.ratio:.2f}" for p in m.pairs),
        f"{m.median(lambda p: p.endpoint.requests_per_s):,.0f}",
        f"{m.median(lambda p: p.bare.requests_per_s):,.0f}",
        f"{m.median(lambda p: p.endpoint.p50_ms):.1f}",
        f"{m.median(lambda p: p.endpoint.p99_ms):.1f}",
        "—" if m.alone_p50_ms is None else f"{m.alone_p50_ms:.1f}",
        str(m.bad_answers()),
        target_cell,
        m.verdict(backend),
    ]
    return "| " + " | ".join(cells) + " |"


def loud(label: str, result: Result, expected: int) -> str | None:
    """A warning line when a run had answers other than `expected`, or socket errors."""
    if not result.failed:
        return None
    return (
        f"!!! {label}: {max(result.unexpected, result.non_2xx)} answers not {expected}, "
        f"{result.socket_errors} socket errors in {result.requests} requests\n{result.sample}"
    )
