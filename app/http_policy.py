"""What every request and answer keeps to: a URL over MAX_URL_LENGTH is refused (414); every
answer says what a browser may load and frame (a Content-Security-Policy per kind of page),
no sniffing, no referrer to other sites, HSTS behind TLS in production, and no caching of
anything that needed a token or a console session.

`Secured` is a WSGI layer: it sees every answer, Flask's and those served before Flask,
and adds the headers a view did not set itself."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from app.envelope import http_error_body
from app.validation import hosts_of, upload_bases

# The console's own pages: every script, style and font is a file of ours (no inline script),
# images are ours or from the configured photo hosts, forms post only to the console.
CONSOLE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' {photo_hosts}; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'"
)
# Swagger UI (/api/v1/docs): our own files too, but it sets styles and draws icons as data:.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'; "
    "frame-ancestors 'none'"
)
# JSON answers are never a document to render.
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
ALWAYS = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
)
PRIVATE = ("Cache-Control", "no-store")
TOO_LONG = "414 URI Too Long"


class Secured:
    def __init__(self, wsgi_app: Callable, config: Mapping[str, Any]) -> None:
        self.wsgi_app = wsgi_app
        self.max_url_length = config["MAX_URL_LENGTH"]
        hsts = config["HSTS_SECONDS"]
        self.hsts = ("Strict-Transport-Security", f"max-age={hsts}; includeSubDomains")
        self.hsts_on = bool(hsts)
        hosts = " ".join(photo_sources(config))
        self.console_policy = CONSOLE_POLICY.format(photo_hosts=hosts)

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        wanted = self._wanted(environ)

        def start(status: str, headers: list, exc_info=None):
            # A view's own value wins; one pass over the names it set.
            present = {name.lower() for name, _ in headers}
            headers.extend(pair for pair in wanted if pair[0].lower() not in present)
            return start_response(status, headers, exc_info)

        if len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", "")) >= (
            self.max_url_length
        ):
            return self._refuse(start)
        return self.wsgi_app(environ, start)

    def _wanted(self, environ: dict) -> list[tuple[str, str]]:
        path = environ.get("PATH_INFO", "")
        wanted = [("Content-Security-Policy", self._policy(path)), *ALWAYS]
        if self.hsts_on and environ.get("wsgi.url_scheme") == "https":
            wanted.append(self.hsts)
        if "HTTP_AUTHORIZATION" in environ or _is_console_page(path):
            wanted.append(PRIVATE)
        return wanted

    def _policy(self, path: str) -> str:
        if path.startswith("/console"):
            return self.console_policy
        if path.startswith("/api/v1/docs"):
            return DOCS_POLICY
        return API_POLICY

    @staticmethod
    def _refuse(start: Callable) -> Iterable[bytes]:
        body = http_error_body(414)
        start(TOO_LONG, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]


def _is_console_page(path: str) -> bool:
    """A console page is for one user; its files are not."""
    return path.startswith("/console") and not path.startswith("/console/static/")


def photo_sources(config: Mapping[str, Any]) -> list[str]:
    """The photo hosts over https, and the uploads' own origins (http in development)."""
    sources = {f"https://{host}" for host in hosts_of(config)}
    sources.update(_origin(base) for base in upload_bases(config))
    return sorted(sources)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
