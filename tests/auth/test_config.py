"""Production refuses unsafe settings at start-up: create_app raises."""

from __future__ import annotations

import pytest

from app import create_app
from config import DEV_SECRET_KEY, ProductionConfig
from tests.helpers.apps import limiter_state_kept


@pytest.fixture(autouse=True)
def _limiter_left_as_found():
    with limiter_state_kept():
        yield


def production(**settings) -> type[ProductionConfig]:
    return type(
        "Production",
        (ProductionConfig,),
        {
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "WECHAT_FAKE": False,
            "SECRET_KEY": "a-long-random-production-secret",
            **settings,
        },
    )


def test_production_starts_with_safe_settings():
    app = create_app(production())

    assert app.config["WECHAT_FAKE"] is False
    assert type(app.extensions["wechat"]).__name__ == "RealWechat"


def test_production_refuses_wechat_fake():
    with pytest.raises(RuntimeError, match="WECHAT_FAKE"):
        create_app(production(WECHAT_FAKE=True))


@pytest.mark.parametrize("secret", [DEV_SECRET_KEY, "", None])
def test_production_refuses_the_default_or_no_secret_key(secret):
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(production(SECRET_KEY=secret))


def test_production_console_cookie_is_secure_http_only_and_lax():
    app = create_app(production())

    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
