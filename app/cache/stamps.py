"""Version stamps: a cached answer is good while the stamp of its cache is the one it was
built under. A change bumps the stamp to a token it never had (a plain counter could come
back to an old value once Redis is emptied); readers compare tokens, never order them.

- `FileStamps`: one small file per cache in CACHE_STAMP_DIR, shared by every worker and
  command of this server, looked at (one stat) on every request, so a read right after a
  write on this server never sees the old answer.
- `SharedStamps`: a Redis hash that every app server bumps and reads, at most once every
  CACHE_SYNC_SECONDS per process, so other servers see a change within that time.
- `MemoryStamps`: this process only (tests, and one-process tools).
"""

from __future__ import annotations

import logging
import os
import secrets
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
    """A stamp is a file that each bump grows by one byte; its token is the file's inode,
    size and change time, read with one stat(). Appending costs a tenth of writing a new
    token aside and renaming it (every order write bumps a few), and the token still never
    comes back: a file that grew past ROTATE_AT is replaced by a new one, whose inode, or
    else size and change time, differ."""

    ROTATE_AT = 1 << 20

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._paths: dict[str, str] = {}

    def _path(self, name: str) -> str:
        if name not in self._paths:
            self._paths[name] = str(self.directory / name)
        return self._paths[name]

    def read(self, name: str) -> str:
        try:
            info = os.stat(self._path(name))
        except FileNotFoundError:
            return ""
        return f"{info.st_ino}-{info.st_size}-{info.st_ctime_ns}"

    def bump(self, names: set[str]) -> None:
        for name in names:
            fd = os.open(self._path(name), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, b".")
                size = os.fstat(fd).st_size
            finally:
                os.close(fd)
            if size > self.ROTATE_AT:
                self._rotate(name)

    def _rotate(self, name: str) -> None:
        scratch = f"{self._path(name)}.{os.getpid()}.{threading.get_ident()}"
        os.close(os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
        os.replace(scratch, self._path(name))


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
