"""The console (社区派单台) as a browser sees it: signing in, forms posted with the CSRF token
read from a page, and reading pages back (flashes, field errors, tabs, queue rows)."""

from __future__ import annotations

import html
import re

from tests.helpers.factories import STAFF_PASSWORD

_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str = "/console/login") -> str:
    page = client.get(path)
    match = _TOKEN.search(page.get_data(as_text=True))
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def console_login(client, user, password: str = STAFF_PASSWORD):
    """The login form posted with `user`'s username; returns the answer."""
    return client.post(
        "/console/login",
        data={"username": user.username, "password": password, "csrf_token": csrf_token(client)},
    )


def sign_in(client, user):
    """Signed in as `user` through the login form; an account without a password (the
    factories' street admin, a member or a resident) through the session it would get."""
    if user.password_hash is None:
        with client.session_transaction("/console/") as session:
            session["staff_id"] = user.id
        return client
    response = console_login(client, user)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def post_form(
    client,
    path: str,
    data: dict | None = None,
    *,
    follow: bool = False,
    token_from: str = "/console/",
):
    """POST a console form as the page would, with the session's CSRF token."""
    token = csrf_token(client, token_from)
    return client.post(path, data={**(data or {}), "csrf_token": token}, follow_redirects=follow)


def page_html(response) -> str:
    """The page's markup as sent."""
    return response.get_data(as_text=True)


def page_text(response) -> str:
    """The page's markup with entities decoded (text as a person reads it)."""
    return html.unescape(response.get_data(as_text=True))


def flashes(response) -> list[str]:
    return [
        html.unescape(m)
        for m in re.findall(r'class="flash flash-\w+"[^>]*>([^<]*)<', page_html(response))
    ]


def field_errors(response) -> list[str]:
    return [
        html.unescape(m)
        for m in re.findall(r'class="field-error"[^>]*>([^<]*)<', page_html(response))
    ]


def tab_counts(page: str) -> dict[str, int]:
    """The count on each tab, by the tab's data-tab key (the order queue) or, where tabs
    have none, by their label (the 报到审核 tabs); the queue's 全部 is `total_count`."""
    found = re.findall(
        r'(?:data-tab="(\w+)")?>\s*([^<>]*?)\s*<span class="badge[^"]*"[^>]*>'
        r"(\d+)</span>",
        page[page.index('class="tabs"') :],
    )
    return {
        key or label: int(count)
        for key, label, count in found
        if key or label in ("待审核", "已通过", "已驳回")
    }


def total_count(page: str) -> int:
    return int(re.search(r'全部\s*<span class="badge">(\d+)</span>', page).group(1))


def dashboard_numbers(page: str) -> dict[str, str]:
    """The number on each of the dashboard's cards, by the card's data-stat name."""
    found = re.findall(
        r'data-stat="(\w+)">\s*<span class="stat-label">[^<]*</span>\s*'
        r'<span class="stat">([^<]*)</span>',
        page,
    )
    return dict(found)


def row_ids(page: str) -> list[int]:
    """The order ids of the queue's rows, top to bottom."""
    return [int(value) for value in re.findall(r'<tr class="[^"]*" data-order-id="(\d+)"', page)]


def overdue_row_ids(page: str) -> list[int]:
    return [int(value) for value in re.findall(r'<tr class="overdue" data-order-id="(\d+)"', page)]


def next_link(page: str) -> str | None:
    match = re.search(r'<a class="button primary" rel="next" href="([^"]+)"', page)
    return html.unescape(match.group(1)) if match else None


def assert_page_error(response, status: int, message: str) -> str:
    """A console page answering `status` shows `message` (HTML pages carry no error code);
    returns the page's text."""
    text = page_text(response)
    assert response.status_code == status, (response.status_code, text[:300])
    assert message in text, text[:500]
    return text
