"""Application factory: reads as the table of contents of the platform."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from app.http_policy import Secured
from app.i18n import install_chinese_messages
from app.json_provider import OrjsonProvider
from app.observability import Observed, register_observability
from app.observability.metrics import Observer
from app.requests import PlatformRequest
from app.sessions import CookieSessions
from app.validation import IdConverter
from config import Config, config_from_env

# Before any schema module is imported: marshmallow copies messages into each field it builds.
install_chinese_messages()


def create_app(config: type[Config] | None = None) -> Flask:
    config = config or config_from_env()
    config.validate()
    app = Flask(__name__, instance_relative_config=False)
    app.config.from_object(config)
    app.json = OrjsonProvider(app)
    app.request_class = PlatformRequest
    app.url_map.converters["int"] = IdConverter
    app.session_interface = CookieSessions()
    observer = register_observability(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_middleware(app, observer)
    return app


def register_extensions(app: Flask) -> None:
    from app import models, sqlite_settings  # noqa: F401  - models: every table known to Alembic
    from app.cache import store as cache_store
    from app.cache import tracking as cache_tracking
    from app.extensions import api, csrf, db, migrate, redis_store
    from app.limits import init_limiter
    from app.notifications.templates import templates_of
    from app.wechat import wechat
    from app.worker import queue, tasks  # noqa: F401 - tasks: registers them and the hand-off

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        from pathlib import Path

        Path(app.config["SQLALCHEMY_DATABASE_URI"].removeprefix("sqlite:///")).parent.mkdir(
            parents=True, exist_ok=True
        )
    sqlite_settings.install()
    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True, compare_type=True)
    redis_store.init_app(app)
    cache_store.init_app(app)
    cache_tracking.install()
    wechat.init_app(app)
    app.config["WECHAT_TEMPLATE_IDS"] = templates_of(app.config)
    queue.init_app(app)
    app.config["RATELIMIT_STORAGE_URI"] = rate_limit_storage(app.config)
    init_limiter(app)
    csrf.init_app(app)
    api.init_app(app)
    api.spec.components.security_scheme(
        "bearerAuth",
        {"type": "http", "scheme": "bearer", "description": "POST /auth/wechat 得到的 token"},
    )


def rate_limit_storage(config: Mapping[str, Any]) -> str:
    """Where the workers count requests: RATELIMIT_STORAGE_URI, else Redis, else one SQLite
    file of this server's (app.rate_limit_store), which all its workers share."""
    from pathlib import Path

    from app import rate_limit_store

    uri = config.get("RATELIMIT_STORAGE_URI") or config.get("REDIS_URL")
    uri = uri or config["RATELIMIT_LOCAL_URI"]
    if uri.startswith(f"{rate_limit_store.SCHEME}://"):
        Path(uri.removeprefix(f"{rate_limit_store.SCHEME}://")).parent.mkdir(
            parents=True, exist_ok=True
        )
    return uri


def register_blueprints(app: Flask) -> None:
    from app.console import bp as console_bp
    from app.extensions import api
    from app.health import bp as health_bp
    from app.uploads.media import bp as media_bp
    from miniprogram_api import BLUEPRINTS

    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint, url_prefix="/api/v1" + (blueprint.url_prefix or ""))
    app.register_blueprint(console_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(media_bp)


def register_errorhandlers(app: Flask) -> None:
    from app.envelope import domain_error_response, http_error_response, unhandled_error_response
    from app.errors import DomainError

    app.register_error_handler(DomainError, domain_error_response)
    app.register_error_handler(HTTPException, http_error_response)
    app.register_error_handler(Exception, unhandled_error_response)


def register_middleware(app: Flask, observer: Observer | None) -> None:
    """The WSGI layers around Flask, outermost first: the proxy's headers read (PROXY_COUNT),
    every request observed, every answer secured, public ready answers sent before Flask."""
    from app.cache.edge import ReadyEdge
    from app.cache.store import answers_of

    wsgi: Callable[..., Any] = ReadyEdge(app.wsgi_app, answers_of(app))
    wsgi = Secured(wsgi, app.config)
    wsgi = Observed(wsgi, observer)
    if count := app.config["PROXY_COUNT"]:
        wsgi = ProxyFix(wsgi, x_for=count, x_proto=count, x_host=count)
    # Flask's documented way to add WSGI middleware; its types declare wsgi_app a method.
    app.wsgi_app = wsgi  # type: ignore[method-assign]


def register_commands(app: Flask) -> None:
    from app.commands import COMMANDS

    for command in COMMANDS:
        app.cli.add_command(command)
