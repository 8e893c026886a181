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
            "PUBLIC_BASE_URL": "https://shaoxian.example.cn",
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


@pytest.mark.parametrize("base", [None, "", "http://shaoxian.example.cn"])
def test_production_refuses_a_public_base_url_that_is_not_https(base):
    with pytest.raises(RuntimeError, match="PUBLIC_BASE_URL"):
        create_app(production(PUBLIC_BASE_URL=base))


def test_production_refuses_plain_http_for_s3_addresses():
    with pytest.raises(RuntimeError, match="S3_PUBLIC_BASE_URL"):
        create_app(production(S3_BUCKET="photos", S3_PUBLIC_BASE_URL="http://cdn.example.cn"))


def test_s3_storage_needs_a_bucket_and_its_public_address():
    with pytest.raises(RuntimeError, match="S3_PUBLIC_BASE_URL"):
        create_app(production(UPLOAD_STORAGE="s3", S3_BUCKET="photos"))
    with pytest.raises(RuntimeError, match="UPLOAD_STORAGE"):
        create_app(production(UPLOAD_STORAGE="ftp"))
