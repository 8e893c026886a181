"""Fixtures of the order loop tests (their helpers are in tests/helpers/orders.py)."""

from __future__ import annotations

import pytest

from app.orders.models import Order
from tests.helpers.orders import seeded_order


@pytest.fixture
def order_a(world) -> Order:
    """A submitted order of community demo-a."""
    return seeded_order(world.a, world.item)
