"""Request limits per client address, or per user for uploads (Flask-Limiter; counted in
Redis when REDIS_URL is set, see README "Configuration"). The password logins of the API and
of the console share one budget, so an attacker gains nothing by switching between them; so
do a user's uploads."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, current_app, g

from app.extensions import limiter


def login_rate_limit() -> str:
    """LOGIN_RATE_LIMIT, e.g. "20 per minute"."""
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _marked(limit: Callable[[Callable], Callable]) -> Callable[[Callable], Callable]:
    """`limit`, on a view that notes it checks a limit, for the hooks below."""

    def decorator(view: Callable) -> Callable:
        limited = limit(view)

        @wraps(limited)
        def wrapped(*args, **kwargs):
            g.limit_checked = True
            return limited(*args, **kwargs)

        return wrapped

    return decorator


def upload_rate_limit() -> str:
    """UPLOAD_RATE_LIMIT, e.g. "30 per minute", per user."""
    return str(current_app.config["UPLOAD_RATE_LIMIT"])


def _uploads_of(user_in_g: str) -> Callable[[Callable], Callable]:
    """The upload limit of the user that the role check put in `g` under `user_in_g` (the
    API's `caller`, the console's `current_user`): one budget per user for both."""

    def user_key() -> str:
        return f"user:{getattr(g, user_in_g).id}"

    return _marked(limiter.shared_limit(upload_rate_limit, scope="uploads", key_func=user_key))


wechat_login_limit = _marked(limiter.limit(login_rate_limit))
staff_login_limit = _marked(
    limiter.shared_limit(login_rate_limit, scope="staff-login", methods=["POST"])
)
api_upload_limit = _uploads_of("caller")
console_upload_limit = _uploads_of("current_user")


def init_limiter(app: Flask) -> None:
    """Bind the limiter. Every limit here decorates its view, and a decorated view checks its
    own limits. Flask-Limiter's before-request hook serves default and application-wide
    limits only; there are none, so it goes. Its after-request hook (the X-RateLimit headers)
    and teardown hook have work only where a limit was checked, so they run only there:
    together they cost about 50 µs on every request, a third of a cached answer's time."""
    limiter.init_app(app)
    if app.config.get("RATELIMIT_DEFAULT") or app.config.get("RATELIMIT_APPLICATION"):
        return
    before = app.before_request_funcs.get(None, [])
    before[:] = [hook for hook in before if not _is_limiters(hook)]
    for hooks in (app.after_request_funcs.get(None, []), app.teardown_request_funcs.get(None, [])):
        hooks[:] = [_where_limited(hook) if _is_limiters(hook) else hook for hook in hooks]


def _is_limiters(hook: Callable) -> bool:
    # Bound methods, and a functools.partial over the limiter for the after-request hook.
    return getattr(hook, "__self__", None) is limiter or limiter in getattr(hook, "args", ())


def _where_limited(hook: Callable) -> Callable:
    def guarded(value):
        return hook(value) if g.get("limit_checked") else value

    return guarded
