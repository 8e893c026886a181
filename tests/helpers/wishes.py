"""Wishes made over HTTP as the mini-program makes them: posted, screened, published."""

from __future__ import annotations

from tests.helpers.api import post

PHOTO = "https://img.example.com/wish-done.jpg"


def wish_body(community, **overrides) -> dict:
    body = {
        "community_id": community.id,
        "description": "想要一套小学五年级的课外读物",
        "value": 80,
        "address": "东湖区百花洲路1号2栋301",
        "contact_phone": "13812341234",
        "contact_name": "张三",
    }
    return {**body, **overrides}


def posted_wish(client, side, **overrides) -> dict:
    """A wish `side.resident` posted, submitted."""
    response = post(client, side.resident, "/wishes", wish_body(side.community, **overrides))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def open_wish(client, side, **overrides) -> dict:
    """A wish posted, approved and published by `side.staff`: open to its members."""
    wish = posted_wish(client, side, **overrides)
    for move in ("approve", "publish"):
        response = post(client, side.staff, f"/staff/orders/{wish['id']}/{move}")
        assert response.status_code == 200, response.get_json()
    return wish


def lit_wish(client, side, **overrides) -> dict:
    wish = open_wish(client, side, **overrides)
    response = post(client, side.member, f"/member/wishes/{wish['id']}/light")
    assert response.status_code == 200, response.get_json()
    return wish


def fulfilled_wish(client, side, show_name: bool = False, **overrides) -> dict:
    wish = lit_wish(client, side, **overrides)
    body = {"note": "已送到", "photos": [PHOTO], "show_name": show_name}
    response = post(client, side.member, f"/member/wishes/{wish['id']}/fulfil", body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()
