"""Version stamps: a cached answer is good while the stamp of its cache is the one it was
built under. A change bumps the stamp to a fresh random token (a counter could come back to
an old value once Redis is emptied); readers compare tokens, never order them.

- `FileStamps`: one small file per cache in CACHE_STAMP_DIR, shared by every worker and
  command of this server, read on every request (a few microseconds), so a read right after
  a write on this server never sees the old answer.
- `SharedStamps`: a Redis hash that every app server bumps and reads, at most once every
  CACHE_SYNC_SECONDS per process, so other servers see a change within that time.
- `MemoryStamps`: this process only (tests, and one-process tools).
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import redis

log = logging.getLogger(__name__)
REDIS_KEY = "cache:stamps"


def fresh_token() -> str:
    return secrets.token_hex(8)


class MemoryStamps:
    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def read(self, name: str) -> str:
        return self._tokens.get(name, "")

    def bump(self, names: set[str]) -> None:
        for name in names:
            self._tokens[name] = fresh_token()


class FileStamps:
    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._paths: dict[str, str] = {}

    def _path(self, name: str) -> str:
        if name not in self._paths:
            self._paths[name] = str(self.directory / name)
        return self._paths[name]

    def read(self, name: str) -> str:
        # os.open/os.read: a tenth of the cost of open() and its text layer, on every request.
        try:
            fd = os.open(self._path(name), os.O_RDONLY)
        except FileNotFoundError:
            return ""
        try:
            return os.read(fd, 64).decode("ascii")
        finally:
            os.close(fd)

    def bump(self, names: set[str]) -> None:
        for name in names:
            # Written aside then renamed: a reader sees the old token or the new, never half.
            fd, scratch = tempfile.mkstemp(dir=self.directory, prefix=f".{name}.")
            with os.fdopen(fd, "w", encoding="ascii") as file:
                file.write(fresh_token())
            os.replace(scratch, self.directory / name)


class SharedStamps:
    """This server's stamps joined with the Redis ones of every server."""

    def __init__(self, local: FileStamps | MemoryStamps, client: redis.Redis, every: float):
        self.local, self.client, self.every = local, client, every
        self._remote: dict[str, str] | None = None
        self._fetched_at = float("-inf")
        self._lock = threading.Lock()

    def read(self, name: str) -> str:
        remote = self._remote_tokens()
        if remote is None:
            return fresh_token()  # Redis unreachable: no answer can be trusted, build anew
        return f"{self.local.read(name)}:{remote.get(name, '')}"

    def bump(self, names: set[str]) -> None:
        self.local.bump(names)
        tokens: dict[Any, Any] = {name: fresh_token() for name in names}
        try:
            self.client.hset(REDIS_KEY, mapping=tokens)
        except redis.RedisError:
            log.warning("cache stamps not shared: Redis unreachable; other servers catch up later")
        self._fetched_at = float("-inf")  # this process reads the new tokens at once

    def _remote_tokens(self) -> dict[str, str] | None:
        now = time.monotonic()
        if now - self._fetched_at < self.every:
            return self._remote
        with self._lock:
            if now - self._fetched_at >= self.every:
                self._remote = self._fetch()
                self._fetched_at = now
        return self._remote

    def _fetch(self) -> dict[str, str] | None:
        try:
            raw = self.client.hgetall(REDIS_KEY)
        except redis.RedisError:
            log.warning("cache stamps unreadable: Redis unreachable; answers are built anew")
            return None
        return {key.decode(): value.decode() for key, value in raw.items()}  # type: ignore[union-attr]
