"""The merchants page: the scope's merchants with their account's username."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.extensions import db
from app.merchants.models import Merchant


def merchant_rows(community_ids: set[int]) -> list:
    """(merchant, username or None) of the communities, most service points first."""
    return list(
        db.session.execute(
            select(Merchant, User.username)
            .outerjoin(User, User.id == Merchant.account_id)
            .where(Merchant.community_id.in_(community_ids))
            .order_by(Merchant.service_points.desc(), Merchant.id)
        )
    )
