"""The staff's registration list: status filter and cursor pages, newest first."""
from app.extensions import db
from app.members.models import RegistrationStatus
from tests.helpers.api import auth
from tests.members.helpers import STAFF_URL, profile_id_of, registration


def _pages(client, user, query: str) -> list[list[int]]:
    pages, cursor = [], None
    while True:
        url = f"{STAFF_URL}?{query}" + (f"&cursor={cursor}" if cursor else "")
        response = client.get(url, headers=auth(user))
        assert response.status_code == 200
        body = response.get_json()
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages


def test_pending_list_pages_newest_first(client, world):
    ids = [registration(world.a.community).id for _ in range(5)]
    registration(world.b.community)  # another community: never listed for staff a
    db.session.commit()

    pages = _pages(client, world.a.staff, "status=pending&limit=2")
    assert pages == [ids[4:2:-1], ids[2:0:-1], ids[:1]]


def test_exact_page_size_ends_without_cursor(client, world):
    ids = [registration(world.a.community).id for _ in range(2)]
    db.session.commit()
    assert _pages(client, world.a.staff, "status=pending&limit=2") == [ids[::-1]]


def test_default_limit_is_20(client, world):
    for _ in range(21):
        registration(world.a.community)
    db.session.commit()
    body = client.get(f"{STAFF_URL}?status=pending", headers=auth(world.a.staff)).get_json()
    assert len(body["items"]) == 20 and body["next_cursor"]


def test_status_filter(client, world):
    by_status = {status: registration(world.a.community, status=status).id
                 for status in RegistrationStatus}
    db.session.commit()
    for status, registration_id in by_status.items():
        items = client.get(f"{STAFF_URL}?status={status}",
                           headers=auth(world.a.staff)).get_json()["items"]
        expected = {registration_id}
        if status == RegistrationStatus.APPROVED:  # the world's member of demo-a
            expected.add(profile_id_of(world.a.member.id))
        assert {item["id"] for item in items} == expected
        assert {item["status"] for item in items} == {status.value}
    everything = client.get(STAFF_URL, headers=auth(world.a.staff)).get_json()["items"]
    assert set(by_status.values()) <= {item["id"] for item in everything}

