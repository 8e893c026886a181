"""Probes for a load balancer or systemd: `/healthz` says the process answers, `/readyz` that
it can serve (the database and, when configured, Redis reachable). Neither needs a token."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from app.envelope import envelope
from app.extensions import db

log = logging.getLogger(__name__)
bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    checks = {"database": _database(), "redis": _redis()}
    if all(state in ("ok", "not configured") for state in checks.values()):
        return jsonify(status="ready", checks=checks)
    message = "服务暂时不可用：数据库或 Redis 无法连接"
    return jsonify(envelope("NOT_READY", message, checks)), 503


def _database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception:
        log.exception("readiness: the database does not answer")
        return "unreachable"  # the session is removed, and rolled back, with the request


def _redis() -> str:
    store = current_app.extensions.get("redis_store")
    if store is None or store.client is None:
        return "not configured"
    try:
        store.client.ping()
        return "ok"
    except Exception:
        log.exception("readiness: Redis does not answer")
        return "unreachable"
