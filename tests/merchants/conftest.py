import pytest

from tests.helpers.merchants import Shops, make_shops


@pytest.fixture
def shops(world) -> Shops:
    return make_shops(world)
