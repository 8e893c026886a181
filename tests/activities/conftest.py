import pytest

from tests.helpers.activities import activity_body, published


@pytest.fixture
def activity(frozen_clock, client, world) -> dict:
    """A's 邻里节 tomorrow 14:00–16:00, 5 places, 10 points, published by a's staff."""
    return published(client, world.a.staff, activity_body(world.a.community))
