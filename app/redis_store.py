"""Optional Redis connection: present when REDIS_URL is set, None otherwise."""

from __future__ import annotations

import redis


class RedisStore:
    def __init__(self) -> None:
        self.client: redis.Redis | None = None

    def init_app(self, app) -> None:
        url = app.config.get("REDIS_URL")
        self.client = redis.Redis.from_url(url, socket_timeout=2) if url else None
        app.extensions["redis_store"] = self
