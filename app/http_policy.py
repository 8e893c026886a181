"""What every request and answer keeps to: a URL over MAX_URL_LENGTH is refused (414); every
answer says what a browser may load and frame (a Content-Security-Policy per kind of page),
no sniffing, no referrer to other sites, HSTS behind TLS in production, and no caching of
anything that needed a token or a console session."""

from __future__ import annotations

from flask import Flask, Request, Response, current_app, request
from werkzeug.exceptions import RequestURITooLarge

from app.validation import photo_hosts

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


def register_http_policy(app: Flask) -> None:
    app.before_request(_refuse_long_urls)
    app.after_request(_secure)


def _refuse_long_urls() -> None:
    if len(request.full_path) > current_app.config["MAX_URL_LENGTH"]:
        raise RequestURITooLarge()


def _secure(response: Response) -> Response:
    headers = response.headers
    # A view's own value wins. One pass over the names: Headers.setdefault rescans them for
    # every header, which cost more than the rest of a cached answer's work.
    present = {key.lower() for key, _ in headers.items()}
    wanted = [
        ("Content-Security-Policy", _policy(request)),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "same-origin"),
    ]
    if request.is_secure and current_app.config["HSTS_SECONDS"]:
        max_age = current_app.config["HSTS_SECONDS"]
        wanted.append(("Strict-Transport-Security", f"max-age={max_age}; includeSubDomains"))
    if _is_private(request):
        wanted.append(("Cache-Control", "no-store"))
    for name, value in wanted:
        if name.lower() not in present:
            headers.add(name, value)
    return response


def _policy(req: Request) -> str:
    if req.path.startswith("/console"):
        return CONSOLE_POLICY.format(photo_hosts=" ".join(photo_sources()))
    if req.path.startswith("/api/v1/docs"):
        return DOCS_POLICY
    return API_POLICY


def _is_private(req: Request) -> bool:
    """An answer for one user: it needed a token, or it is a console page (not its files)."""
    if "Authorization" in req.headers:
        return True
    return req.path.startswith("/console") and not req.path.startswith("/console/static/")


def photo_sources() -> list[str]:
    return sorted(f"https://{host}" for host in photo_hosts())
