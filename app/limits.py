"""Request limits per client address (Flask-Limiter; counted in Redis when REDIS_URL is set,
see README "Configuration"). The password logins of the API and of the console share one
budget, so an attacker gains nothing by switching between them."""

from __future__ import annotations

from flask import Flask, current_app

from app.extensions import limiter


def login_rate_limit() -> str:
    """LOGIN_RATE_LIMIT, e.g. "20 per minute"."""
    return str(current_app.config["LOGIN_RATE_LIMIT"])


wechat_login_limit = limiter.limit(login_rate_limit)
staff_login_limit = limiter.shared_limit(login_rate_limit, scope="staff-login", methods=["POST"])


def init_limiter(app: Flask) -> None:
    """Bind the limiter. Every limit here decorates its view, and a decorated view checks its
    own limits; the before-request hook Flask-Limiter also installs serves default and
    application-wide limits only. There are none, so the hook goes: it cost about 40 µs on
    every request, a third of a cached answer's time."""
    limiter.init_app(app)
    if app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION"):
        return
    hooks = app.before_request_funcs.get(None, [])
    hooks[:] = [hook for hook in hooks if getattr(hook, "__self__", None) is not limiter]
