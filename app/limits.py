"""Request limits per client address (Flask-Limiter; counted in Redis when REDIS_URL is set,
see README "Configuration"). The password logins of the API and of the console share one
budget, so an attacker gains nothing by switching between them."""

from __future__ import annotations

from flask import current_app

from app.extensions import limiter


def login_rate_limit() -> str:
    """LOGIN_RATE_LIMIT, e.g. "20 per minute"."""
    return str(current_app.config["LOGIN_RATE_LIMIT"])


wechat_login_limit = limiter.limit(login_rate_limit)
staff_login_limit = limiter.shared_limit(login_rate_limit, scope="staff-login", methods=["POST"])
