"""Fixtures of the wish tests: the catalog item wishes are orders of (WISH_ITEM_NAME)."""

from __future__ import annotations

import pytest

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db

WISH_POINTS = 20


@pytest.fixture
def wish_item(app):
    item = CatalogItem(
        category=Category(name="助学帮困", kind=CategoryKind.VOLUNTEER),
        name=app.config["WISH_ITEM_NAME"],
        points=WISH_POINTS,
    )
    db.session.add(item)
    db.session.commit()
    return item
