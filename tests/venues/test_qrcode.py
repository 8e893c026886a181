"""GET /venues/{id}/qrcode: the venue's mini-program code, drawn by WeChat (through wechatpy,
to the fake WeChat server) once per venue, page and version, kept in a file of the server
or in Redis, shared by every worker; a WeChat refusal is a clear 503 and is not kept."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from app.extensions import db
from app.venues import codes
from app.venues.models import Venue
from tests.helpers import factories
from tests.helpers.api import assert_error
from tests.helpers.apps import REDIS_TEST_URL, other_app, wechat_overrides
from tests.helpers.concurrency import all_at_once
from tests.helpers.fake_wechat import PNG
from tests.venues.conftest import CENTER, make_venue

DRAW = "/wxa/getwxacodeunlimit"


NAME = "百花洲红色驿站"


@contextmanager
def server_app(app, fake, **overrides):
    """An app that reaches WeChat (the fake server), with one venue in its database (on
    SQLite each app has its own tables; on PostgreSQL a second app finds the first's)."""
    with other_app(app, **wechat_overrides(fake, **overrides)) as second:
        if db.session.scalar(select(Venue.id).where(Venue.name == NAME)) is None:
            community = factories.community(factories.street(), "demo-a")
            make_venue(community, NAME, "red_station", CENTER)
            db.session.commit()
        yield second


def venue_id() -> int:
    return db.session.scalar(select(Venue.id).where(Venue.name == NAME))


def code_of(second, venue: int | None = None):
    return second.test_client().get(f"/api/v1/venues/{venue or venue_id()}/qrcode")


def test_wechat_draws_the_code_once_for_every_request(app, fake_wechat, tmp_path):
    with server_app(app, fake_wechat, VENUE_CODE_DIR=str(tmp_path)) as second:
        first, again, scene = code_of(second), code_of(second), f"v={venue_id()}"

    for response in (first, again):
        assert response.status_code == 200 and response.mimetype == "image/png"
        assert response.data == PNG
        assert response.headers["Cache-Control"] == "public, max-age=86400"
    assert fake_wechat.calls[DRAW] == 1
    sent = fake_wechat.last(DRAW)["body"]
    assert sent["scene"] == scene and sent["page"] == "pages/venue/detail"
    assert sent["env_version"] == "release" and "check_path" not in sent
    assert [p.suffix for p in tmp_path.iterdir() if p.suffix == ".png"] == [".png"]


def test_the_workers_of_a_server_share_the_file(app, fake_wechat, tmp_path):
    with server_app(app, fake_wechat, VENUE_CODE_DIR=str(tmp_path)) as first:
        assert code_of(first).data == PNG
    with server_app(app, fake_wechat, VENUE_CODE_DIR=str(tmp_path)) as second:
        assert code_of(second).data == PNG
    assert fake_wechat.calls[DRAW] == 1


def test_a_trial_version_code_opens_the_trial_page(app, fake_wechat):
    settings = {"WECHAT_MINIPROGRAM_STATE": "trial", "WECHAT_VENUE_PAGE": "pages/place/index"}
    with server_app(app, fake_wechat, **settings) as second:
        assert code_of(second).status_code == 200
    sent = fake_wechat.last(DRAW)["body"]
    assert sent["env_version"] == "trial" and sent["check_path"] is False
    assert sent["page"] == "pages/place/index"


def test_an_errcode_is_a_clear_error_and_is_not_kept(app, fake_wechat):
    fake_wechat.wxacode_failure = 41030  # the page is not in the published version
    with server_app(app, fake_wechat) as second:
        refused = code_of(second)
        fake_wechat.wxacode_failure = None
        drawn = code_of(second)

    error = assert_error(refused, 503, "WECHAT_UNAVAILABLE")
    assert error["message"] == "微信服务暂时不可用，请稍后再试"
    assert drawn.status_code == 200 and drawn.data == PNG
    assert fake_wechat.calls[DRAW] == 2


def test_an_unknown_venue_is_not_found(app, fake_wechat):
    with server_app(app, fake_wechat) as second:
        assert_error(code_of(second, 99999), 404, "NOT_FOUND")
    assert fake_wechat.calls[DRAW] == 0


@pytest.mark.redis
def test_every_server_shares_the_code_through_redis(app, fake_wechat, redis_db15, tmp_path):
    with server_app(app, fake_wechat, REDIS_URL=REDIS_TEST_URL) as first:
        assert code_of(first).data == PNG
    with server_app(app, fake_wechat, REDIS_URL=REDIS_TEST_URL) as second:
        assert code_of(second).data == PNG
        key = f"shaoxian:venue-code:{venue_id()}:pages/venue/detail:formal"
    assert fake_wechat.calls[DRAW] == 1
    assert redis_db15.get(key) == PNG


def slow_drawer():
    """A draw that takes a while, counting its calls."""
    drawn: list[int] = []
    lock = threading.Lock()

    def draw() -> bytes:
        time.sleep(0.2)
        with lock:
            drawn.append(1)
        return PNG

    return draw, drawn


def test_requests_arriving_together_draw_once_with_a_file(tmp_path):
    draw, drawn = slow_drawer()
    stores = [codes.FileCodes(tmp_path) for _ in range(4)]  # four workers
    results = all_at_once([lambda s=s: s.fetch("1:page:formal", draw) for s in stores])
    assert results == [PNG] * 4 and len(drawn) == 1


@pytest.mark.redis
def test_requests_arriving_together_draw_once_with_redis(redis_db15):
    draw, drawn = slow_drawer()
    stores = [codes.RedisCodes(redis_db15) for _ in range(4)]
    results = all_at_once([lambda s=s: s.fetch("1:page:formal", draw) for s in stores])
    assert results == [PNG] * 4 and len(drawn) == 1
    assert redis_db15.get("shaoxian:venue-code:1:page:formal:lock") is None


def test_without_wechat_the_demo_draws_a_plain_qr_code(client, fake_wechat, kept):
    a, b = kept["a"].id, kept["b"].id
    first = client.get(f"/api/v1/venues/{a}/qrcode")
    other = client.get(f"/api/v1/venues/{b}/qrcode")
    assert first.status_code == 200 and first.data.startswith(b"\x89PNG")
    assert first.data != other.data  # each encodes its own scene
    assert fake_wechat.requests == []
