"""The staff's registration list: status filter and cursor pages, newest first."""

from app.members.models import RegistrationStatus
from tests.helpers.api import get, item_ids, pages
from tests.helpers.members import STAFF_MEMBERS, profile_id_of, registration


def _pages(client, user, query: str) -> list[list[int]]:
    return [item_ids(body) for body in pages(client, user, f"{STAFF_MEMBERS}?{query}")]


def test_pending_list_pages_newest_first(client, world):
    ids = [registration(world.a.community).id for _ in range(5)]
    registration(world.b.community)  # another community: never listed for staff a

    pages_ = _pages(client, world.a.staff, "status=pending&limit=2")
    assert pages_ == [ids[4:2:-1], ids[2:0:-1], ids[:1]]


def test_exact_page_size_ends_without_cursor(client, world):
    ids = [registration(world.a.community).id for _ in range(2)]
    assert _pages(client, world.a.staff, "status=pending&limit=2") == [ids[::-1]]


def test_default_limit_is_20(client, world):
    for _ in range(21):
        registration(world.a.community)
    body = get(client, world.a.staff, f"{STAFF_MEMBERS}?status=pending").get_json()
    assert len(body["items"]) == 20 and body["next_cursor"]


def test_status_filter(client, world):
    by_status = {
        status: registration(world.a.community, status=status).id for status in RegistrationStatus
    }
    for status, registration_id in by_status.items():
        items = get(client, world.a.staff, f"{STAFF_MEMBERS}?status={status}").get_json()["items"]
        expected = {registration_id}
        if status == RegistrationStatus.APPROVED:  # the world's member of demo-a
            expected.add(profile_id_of(world.a.member.id))
        assert {item["id"] for item in items} == expected
        assert {item["status"] for item in items} == {status.value}
    everything = get(client, world.a.staff, STAFF_MEMBERS).get_json()["items"]
    assert set(by_status.values()) <= {item["id"] for item in everything}
