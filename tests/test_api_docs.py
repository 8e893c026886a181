"""The API documentation works without a token and without the internet: the Swagger UI
page loads only assets served by the platform itself (operators on an intranet)."""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser

from app import create_app
from tests.helpers.apps import make_config

DOCS_ASSETS = {
    "/static/swagger-ui/swagger-ui.css": "text/css",
    "/static/swagger-ui/swagger-ui-bundle.js": "javascript",
    "/static/swagger-ui/swagger-ui-standalone-preset.js": "javascript",
    "/static/swagger-init.js": "javascript",  # ours: starts Swagger UI without inline script
}


class AssetCollector(HTMLParser):
    """The `src` of every <script> and the `href` of every <link>."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])


def _docs_asset_urls(client) -> list[str]:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    collector = AssetCollector()
    collector.feed(response.get_data(as_text=True))
    return collector.urls


def test_openapi_document_lists_paths_and_bearer_scheme(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/auth/wechat" in spec["paths"]
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "POST /auth/wechat 得到的 token",
    }


def test_docs_page_references_only_local_assets(client):
    urls = _docs_asset_urls(client)
    assert sorted(urls) == sorted(DOCS_ASSETS)
    page = client.get("/api/v1/docs").get_data(as_text=True)
    assert "http://" not in page and "https://" not in page
    # no badge fetched from validator.swagger.io
    assert re.search(r"&#34;validatorUrl&#34;:\s*null", page)
    assert 'data-spec-url="/api/v1/openapi.json"' in page


def test_docs_assets_are_served(client):
    for url in _docs_asset_urls(client):
        response = client.get(url)
        assert response.status_code == 200, url
        assert DOCS_ASSETS[url] in response.content_type, url
        if "/swagger-ui/" in url:  # the vendored bundle itself, not a stub
            assert len(response.get_data()) > 100_000, url
        response.close()


def test_every_schema_has_a_name_of_its_own(tmp_path):
    """Two schemas of one name would be renamed in the document behind the reader's back."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        create_app(make_config(f"sqlite:///{tmp_path / 'docs.db'}"))
    assert [str(w.message) for w in caught if "Multiple schemas resolved" in str(w.message)] == []
