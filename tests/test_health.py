"""The probes: /healthz answers while the process runs, /readyz only while the database
and (when configured) Redis answer; neither needs a token or writes anything."""

from sqlalchemy.exc import OperationalError

from app.extensions import db
from tests.helpers.api import assert_error


class Unreachable:
    def ping(self):
        raise ConnectionError("no Redis here")


def test_healthz_answers_without_a_token(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}


def test_readyz_checks_the_database_and_redis(client):
    response = client.get("/readyz")
    body = response.get_json()
    assert response.status_code == 200 and body["status"] == "ready"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"] in ("ok", "not configured")


def test_readyz_is_503_when_redis_does_not_answer(app, client, monkeypatch):
    monkeypatch.setattr(app.extensions["redis_store"], "client", Unreachable())
    error = assert_error(client.get("/readyz"), 503, "NOT_READY")
    assert error["details"] == {"database": "ok", "redis": "unreachable"}


def test_readyz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", refuse)
    error = assert_error(client.get("/readyz"), 503, "NOT_READY")
    assert error["details"]["database"] == "unreachable"
