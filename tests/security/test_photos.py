"""A resident cannot make staff browsers fetch an address of the resident's choice: photos
from hosts that are not allowed are linked, never loaded; with PHOTO_HOSTS set, refused."""

import re

from app.extensions import db
from tests.helpers import factories
from tests.helpers.api import API, assert_error, auth
from tests.helpers.apps import other_app
from tests.helpers.console import sign_in
from tests.helpers.orders import order_body

TRACKER = "https://tracker.example.net/pixel.gif"
OWN = "https://img.example.cn/uploads/leak.jpg"


def imgs(page: str) -> list[str]:
    return re.findall(r'<img src="([^"]+)"', page)


def test_without_an_allow_list_any_https_photo_is_kept_but_only_linked(client, world):
    body = order_body(world.a.community, world.item, photos=[TRACKER])
    response = client.post(f"{API}/orders", json=body, headers=auth(world.a.resident))
    assert response.status_code == 201 and response.get_json()["photos"] == [TRACKER]

    sign_in(client, world.a.staff)
    page = client.get(f"/console/orders/{response.get_json()['id']}").get_data(as_text=True)
    assert TRACKER not in imgs(page)
    assert f'href="{TRACKER}"' in page and "外部图片" in page


def test_with_an_allow_list_other_hosts_are_refused_and_allowed_ones_shown(app, world):
    people = {
        "community": world.a.community,
        "item": world.item,
        "resident": world.a.resident,
        "staff": world.a.staff,
    }
    with other_app(app, PHOTO_HOSTS=("img.example.cn",)) as strict:
        if db.engine.dialect.name == "sqlite":  # the other app has its own in-memory tables
            people = _people_again()
        client = strict.test_client()
        refused = client.post(
            f"{API}/orders",
            headers=auth(people["resident"]),
            json=order_body(people["community"], people["item"], photos=[OWN, TRACKER]),
        )
        error = assert_error(refused, 422, "VALIDATION_ERROR")
        assert "photos" in error["details"]

        kept = client.post(
            f"{API}/orders",
            headers=auth(people["resident"]),
            json=order_body(people["community"], people["item"], photos=[OWN]),
        )
        assert kept.status_code == 201
        sign_in(client, people["staff"])
        page = client.get(f"/console/orders/{kept.get_json()['id']}").get_data(as_text=True)
        assert imgs(page) == [OWN]


def _people_again() -> dict:
    street = factories.street()
    community = factories.community(street, "photos")
    people = {
        "community": community,
        "item": factories.catalog_item(),
        "resident": factories.resident(),
        "staff": factories.staff(community),
    }
    db.session.commit()
    return people
