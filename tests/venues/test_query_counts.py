"""The staff list of venues and the console's 场所 page run a fixed number of statements
whatever the number of venues."""

from __future__ import annotations

from app.extensions import db
from tests.helpers.api import auth
from tests.helpers.console import sign_in
from tests.helpers.queries import queries_of_request
from tests.venues.conftest import east, make_venue


def more_venues(world, count: int) -> None:
    for n in range(count):
        make_venue(world.a.community, f"新增场所{n}", "culture", east(100 * (n + 1)))
    db.session.commit()


def test_the_staff_list_reads_a_fixed_number_of_statements(client, world, kept):
    headers = auth(world.street_admin)
    queries_of_request(client, "/api/v1/staff/venues", headers)  # the caller kept
    few = queries_of_request(client, "/api/v1/staff/venues", headers)
    more_venues(world, 6)
    assert queries_of_request(client, "/api/v1/staff/venues", headers) == few


def test_the_console_page_reads_a_fixed_number_of_statements(client, world, kept):
    sign_in(client, world.street_admin)
    queries_of_request(client, "/console/venues")  # the scope's names kept
    few = queries_of_request(client, "/console/venues")
    more_venues(world, 6)
    assert queries_of_request(client, "/console/venues") == few
