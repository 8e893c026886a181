"""What the queue's filter form offers: the user's communities and their grids, and the
catalog's categories. They change only when the organisation or the catalog is edited, so
they are kept per process for each scope (app/cache), as plain rows, until a commit to one of
their tables bumps the stamp."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids
from app.cache import answers, register
from app.catalog.models import Category
from app.extensions import db
from app.org.models import Community, Grid

QUEUE_OPTIONS = register("console_queue_options", [Community, Grid, Category])


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
