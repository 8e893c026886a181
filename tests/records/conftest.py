import pytest

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from tests.helpers.units import add_units


@pytest.fixture
def world(world):
    """The shared world, with a unit (and its account) per community, each side's member
    bound to its side's unit."""
    return add_units(world)


@pytest.fixture
def wish_item(app):
    """The catalog item 微心愿 are orders of."""
    item = CatalogItem(
        category=Category(name="助学帮困", kind=CategoryKind.VOLUNTEER),
        name=app.config["WISH_ITEM_NAME"],
        points=5,
    )
    db.session.add(item)
    db.session.commit()
    return item
