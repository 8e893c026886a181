"""Ready answers: the serialised JSON of a public read, kept per process under the stamp of
its cache, with a strong ETag. Which tables each cache is built from is declared once
(`register`); `tracking` bumps the stamps when a commit touched them."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from flask import Flask, current_app

from app.cache.stamps import FileStamps, MemoryStamps, SharedStamps
from app.clock import utcnow

T = TypeVar("T")
# Cache name -> the tables its answers are built from.
CACHES: dict[str, frozenset[str]] = {}
# Cache name -> how many answers it keeps; past that, the oldest goes.
SIZES: dict[str, int] = {}
# Cache name -> the seconds after which its answers are built again even without a write
# (answers that tell the time, such as a venue's `open_now`).
PERIODS: dict[str, int] = {}
MAX_KEYS = 256
# Public answers the edge may send, of every cache; past that, the oldest goes.
MAX_PUBLIC = 4096


def register(
    name: str, models: Iterable[type], keys: int = MAX_KEYS, period: int | None = None
) -> str:
    """Declare the cache `name`, built from the tables of `models`, keeping at most `keys`
    answers; returns the name. With `period` (seconds, a divisor of an hour) its stamp also
    changes at every multiple of `period` since the epoch: with 60, at each minute, which
    is Beijing's minute too."""
    CACHES[name] = frozenset(model.__tablename__ for model in models)  # type: ignore[attr-defined]
    SIZES[name] = keys
    if period:
        PERIODS[name] = period
    else:
        PERIODS.pop(name, None)
    return name


def caches_of(tables: set[str]) -> set[str]:
    return {name for name, sources in CACHES.items() if sources & tables}


class Stamps(Protocol):
    def read(self, name: str) -> str: ...
    def bump(self, names: set[str]) -> None: ...


@dataclass(frozen=True)
class ReadyAnswer:
    """An answer's JSON body and its strong ETag."""

    body: bytes
    etag: str

    @classmethod
    def of(cls, body: bytes) -> ReadyAnswer:
        return cls(body, hashlib.blake2b(body, digest_size=12).hexdigest())


class AnswerStore:
    """Values per cache and key (a ReadyAnswer, or data an answer is made from), each kept
    with the stamp it was built under and good while that stamp holds."""

    def __init__(self, stamps: Stamps) -> None:
        self.stamps = stamps
        self._values: dict[str, dict[str, tuple[str, Any]]] = {}
        self._public: dict[str, tuple[str, str]] = {}  # key -> (cache, endpoint)

    def stamp(self, name: str) -> str:
        period = PERIODS.get(name)
        if period is None:
            return self.stamps.read(name)
        return f"{self.stamps.read(name)}@{int(utcnow().timestamp()) // period}"

    def get(self, name: str, key: str) -> Any | None:
        kept = self._values.get(name, {}).get(key)
        if kept is None or kept[0] != self.stamp(name):
            return None
        return kept[1]

    def put(self, name: str, key: str, stamp: str, value: T) -> T:
        values = self._values.setdefault(name, {})
        if key not in values:
            _make_room(values, SIZES.get(name, MAX_KEYS))
        values[key] = (stamp, value)
        return value

    def expose(self, name: str, key: str, endpoint: str) -> None:
        """Let the edge (app.cache.edge) send the answer `name` keeps for the request `key`
        to anyone, without the view: no token, no limit, no role."""
        if key not in self._public:
            _make_room(self._public, MAX_PUBLIC)
            self._public[key] = (name, endpoint)

    def public(self, key: str) -> tuple[str, ReadyAnswer] | None:
        """The endpoint and the still-good public answer to the request `key`, if any."""
        entry = self._public.get(key)
        if entry is None:
            return None
        answer = self.get(entry[0], key)
        return None if answer is None else (entry[1], answer)

    def fetch(self, name: str, key: str, build: Callable[[], T]) -> T:
        """The kept value, or `build()` kept under the stamp read before building it (so a
        change committed while building bumps past it)."""
        value = self.get(name, key)
        if value is None:
            stamp = self.stamp(name)
            value = self.put(name, key, stamp, build())
        return value

    def invalidate(self, names: set[str]) -> None:
        """Bump the stamps of `names`, for this process, this server and, with Redis, all."""
        if names:
            self.stamps.bump(names)


def _make_room(values: dict, size: int) -> None:
    """Drop the oldest until one more fits in `size`."""
    while values and len(values) >= size:
        # Another thread may change it meanwhile: then it has room, or soon will.
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del values[next(iter(values))]


def init_app(app: Flask) -> None:
    app.extensions["ready_answers"] = AnswerStore(_stamps(app))


def answers() -> AnswerStore:
    return answers_of(current_app)


def answers_of(app: Flask) -> AnswerStore:
    return app.extensions["ready_answers"]


def _stamps(app: Flask) -> Stamps:
    directory = app.config.get("CACHE_STAMP_DIR")
    local = FileStamps(directory) if directory else MemoryStamps()
    client = app.extensions["redis_store"].client
    if client is None:
        return local
    return SharedStamps(local, client, every=app.config["CACHE_SYNC_SECONDS"])
