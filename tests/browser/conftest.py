"""Browser tests: the console served by a real HTTP server in a thread, driven by Playwright
in Debian's Chromium (`/usr/bin/chromium`, installed by .ci/run). Each test gets a freshly
seeded demo database (a SQLite file, so that the server's threads share it)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from app import create_app
from app.extensions import db
from tests.helpers.apps import make_config
from tests.helpers.browser import new_context

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    work = tmp_path_factory.mktemp("browser")
    config = make_config(
        f"sqlite:///{work / 'console.db'}", WTF_CSRF_ENABLED=True, UPLOAD_DIR=str(work / "up")
    )
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Uploads are addressed under the live server, as under PUBLIC_BASE_URL in production.
    app.config["LIVE_URL"] = app.config["PUBLIC_BASE_URL"] = (
        f"http://127.0.0.1:{server.server_port}"
    )
    yield app
    server.shutdown()


@pytest.fixture
def demo(live_app):
    """A fresh demo database for each test; yields the app (with its context pushed)."""
    from app.seed.demo import load_demo

    with live_app.app_context():
        db.drop_all()
        db.create_all()
        load_demo(echo=lambda *args, **kwargs: None)
        db.session.remove()
        yield live_app
        db.session.remove()


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        # CI (REQUIRE_BROWSER=1, set by .ci/run) must run them; elsewhere say plainly why not.
        message = (
            f"browser tests need Chromium at {CHROMIUM}: "
            "apt-get install chromium fonts-wqy-microhei"
        )
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, demo):
    context = new_context(browser, demo.config["LIVE_URL"])
    page = context.new_page()
    yield page
    context.close()
