import pytest

from tests.helpers.bookings import Rooms, make_rooms


@pytest.fixture
def rooms(frozen_clock, world) -> Rooms:
    return make_rooms(world)
