"""What the queue's filter form offers: the user's communities and their grids, and the
catalog's categories; and the names of the catalog's items, for its rows. They change only
when the organisation or the catalog is edited, so they are kept per process (app/cache), as
plain rows, until a commit to one of their tables bumps the stamp."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.cache import answers, register
from app.catalog.models import CatalogItem, Category
from app.extensions import db
from app.org.models import Community, Grid

QUEUE_OPTIONS = register("console_queue_options", [Community, Grid, Category, CatalogItem])


class CommunityOption(NamedTuple):
    id: int
    name: str


class GridOption(NamedTuple):
    id: int
    community_id: int
    name: str


class CategoryOption(NamedTuple):
    id: int
    kind: str
    name: str


class ItemName(NamedTuple):
    name: str
    category: str


@dataclass(frozen=True)
class FilterOptions:
    communities: list[CommunityOption]
    grids: list[GridOption]
    categories: list[CategoryOption]


def filter_options(user: User) -> FilterOptions:
    ids = sorted(managed_community_ids(user))
    key = ",".join(map(str, ids))
    return answers().fetch(QUEUE_OPTIONS, key, lambda: _build(ids))


def _build(ids: list[int]) -> FilterOptions:
    communities = db.session.execute(
        select(Community.id, Community.name).where(Community.id.in_(ids)).order_by(Community.id)
    )
    grids = db.session.execute(
        select(Grid.id, Grid.community_id, Grid.name)
        .where(Grid.community_id.in_(ids))
        .order_by(Grid.community_id, Grid.id)
    )
    categories = db.session.execute(
        select(Category.id, Category.kind, Category.name).order_by(
            Category.kind, Category.position, Category.id
        )
    )
    return FilterOptions(
        [CommunityOption(*row) for row in communities],
        [GridOption(*row) for row in grids],
        [CategoryOption(*row) for row in categories],
    )


def item_names() -> dict[int, ItemName]:
    """Every catalog item's name and its category's, by item id (a queue row shows both)."""
    return answers().fetch(QUEUE_OPTIONS, "items", _item_names)


def _item_names() -> dict[int, ItemName]:
    stmt = select(CatalogItem.id, CatalogItem.name, Category.name).join(
        Category, Category.id == CatalogItem.category_id
    )
    return {
        item_id: ItemName(name, category) for item_id, name, category in db.session.execute(stmt)
    }
