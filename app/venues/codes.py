"""A venue's mini-program code (小程序码): the PNG WeChat draws (getwxacodeunlimit) of the
page WECHAT_VENUE_PAGE with the scene `v=<venue id>`, for the version that
WECHAT_MINIPROGRAM_STATE names. It never changes, so WeChat draws it once per venue, page and
version: the PNG is kept in Redis with REDIS_URL (every worker of every server), else in a
file under VENUE_CODE_DIR (every worker of this server), else in memory (tests). The first
request for a code takes a lock (SET NX in Redis, flock on a file), so requests arriving
together call WeChat once; the others wait for its answer."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

import redis
from flask import current_app

from app.extensions import db
from app.venues.queries import get_venue
from app.wechat import wechat

log = logging.getLogger(__name__)

REDIS_PREFIX = "shaoxian:venue-code"
KEPT_SECONDS = 30 * 24 * 3600  # a code unasked for this long (a venue removed) goes
LOCK_SECONDS = 15  # longer than WeChat's timeout: the drawer holds it, or it lapses
WAIT_SECONDS = 10
POLL_SECONDS = 0.05
Draw = Callable[[], bytes]


def venue_code(venue_id: int) -> bytes:
    """The PNG of a shown venue's code; a hidden venue is not found."""
    return drawn_code(get_venue(venue_id).id)


def drawn_code(venue_id: int) -> bytes:
    """The PNG of the code of the venue `venue_id`, whose reach the caller checked."""
    page = current_app.config["WECHAT_VENUE_PAGE"]
    version = current_app.config["WECHAT_MINIPROGRAM_STATE"]

    def draw() -> bytes:
        db.session.close()  # no transaction held open while WeChat answers
        return wechat.get_wxa_code_unlimited(f"v={venue_id}", page)

    return _codes().fetch(f"{venue_id}:{page}:{version}", draw)


def _codes() -> RedisCodes | FileCodes | MemoryCodes:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    codes = app.extensions.get("venue_codes")
    if codes is None:
        client = app.extensions["redis_store"].client
        directory = app.config.get("VENUE_CODE_DIR")
        if client is not None:
            codes = RedisCodes(client)
        elif directory:
            codes = FileCodes(directory)
        else:
            codes = MemoryCodes()
        app.extensions["venue_codes"] = codes
    return codes


class MemoryCodes:
    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def fetch(self, key: str, draw: Draw) -> bytes:
        with self._lock:
            if key not in self._kept:
                self._kept[key] = draw()
            return self._kept[key]


class FileCodes:
    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)

    def fetch(self, key: str, draw: Draw) -> bytes:
        path = self.directory / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.png"
        if path.exists():
            return path.read_bytes()
        with open(f"{path}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another worker drawing it: wait for its file
            try:
                if path.exists():
                    return path.read_bytes()
                image = draw()
                scratch = f"{path}.{os.getpid()}.{threading.get_ident()}"
                Path(scratch).write_bytes(image)
                os.replace(scratch, path)
                return image
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


class RedisCodes:
    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def fetch(self, key: str, draw: Draw) -> bytes:
        name, lock = f"{REDIS_PREFIX}:{key}", f"{REDIS_PREFIX}:{key}:lock"
        token = secrets.token_hex(8)
        try:
            kept = self._kept(name)
            if kept is None and not self.client.set(lock, token, nx=True, ex=LOCK_SECONDS):
                kept = self._awaited(name)
        except redis.RedisError:
            log.warning("venue codes not shared: Redis unreachable; WeChat draws this one")
            return draw()
        if kept is not None:
            return kept
        try:
            image = draw()
            self._keep(name, image)
        finally:
            self._release(lock, token)
        return image

    def _keep(self, name: str, image: bytes) -> None:
        try:
            self.client.set(name, image, ex=KEPT_SECONDS)
        except redis.RedisError:
            log.warning("venue code not kept: Redis unreachable")

    def _kept(self, name: str) -> bytes | None:
        return self.client.get(name)  # type: ignore[return-value]

    def _awaited(self, name: str) -> bytes | None:
        """The code another process is drawing, once it is kept; None if it takes too long
        (that process died or WeChat is slow), and this one draws it then."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            kept = self._kept(name)
            if kept is not None:
                return kept
        return None

    def _release(self, lock: str, token: str) -> None:
        try:
            if self.client.get(lock) == token.encode():
                self.client.delete(lock)
        except redis.RedisError:
            pass  # it lapses after LOCK_SECONDS
