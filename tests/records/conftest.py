import pytest

from tests.helpers.units import add_units
from tests.wishes.conftest import wish_item  # noqa: F401 - the catalog item of 微心愿


@pytest.fixture
def world(world):
    """The shared world, with a unit (and its account) per community, each side's member
    bound to its side's unit."""
    return add_units(world)
