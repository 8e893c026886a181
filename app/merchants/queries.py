"""Merchants: the public list (every merchant, or nearest first around a point), one
merchant, and the quarter's ranking by service points that staff read."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

from sqlalchemy import func, select

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, require_managed_community
from app.cache import answers, register
from app.clock import beijing_today, utcnow
from app.errors import NotFound
from app.extensions import db
from app.geo import nearby
from app.merchants.models import Merchant, MerchantService
from app.merchants.schemas import MerchantSchema
from app.pagination import paginate

# The list, details and searches near a point; every confirmed service bumps it, since the
# answers show the service points.
MERCHANTS = register("merchants", [Merchant], keys=2048)
SEARCH = nearby.Search(
    filters=("category", "community_id"), cursor_salt="merchant-nearby-cursor-v1"
)


def nearby_page(args: dict) -> dict:
    return nearby.nearby_page(answers().fetch(MERCHANTS, "index", _build_index), args, SEARCH)


def _build_index() -> list[nearby.Indexed]:
    merchants = db.session.scalars(
        select(Merchant).where(Merchant.is_active).order_by(Merchant.latitude, Merchant.id)
    )
    return nearby.build_index(merchants, MerchantSchema().dump, SEARCH)


def list_merchants(args: dict) -> dict:
    """Every open merchant that passes the filters, in id order, one page."""
    stmt = select(Merchant).where(Merchant.is_active)
    if args.get("category"):
        stmt = stmt.where(Merchant.category == args["category"])
    if args.get("community_id"):
        stmt = stmt.where(Merchant.community_id == args["community_id"])
    return paginate(stmt, Merchant.id, args["limit"], args.get("cursor"), oldest_first=True)


def get_merchant(merchant_id: int) -> Merchant:
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None or not merchant.is_active:
        raise NotFound("找不到该商户")
    return merchant


def managed_merchant(user: User, merchant_id: int) -> Merchant:
    """A merchant of a community the staff user manages; 404 for any other."""
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None or merchant.community_id not in managed_community_ids(user):
        raise NotFound("找不到该商户")
    return merchant


def quarter_bounds(quarter: str | None) -> tuple[str, date, date]:
    """`2026Q4` → ("2026Q4", 2026-10-01, 2026-12-31); None → this quarter in Beijing."""
    if quarter is None:
        today = beijing_today(utcnow())
        quarter = f"{today.year}Q{(today.month - 1) // 3 + 1}"
    year, number = int(quarter[:4]), int(quarter[5])
    last_month = 3 * number
    end = date(year, last_month, monthrange(year, last_month)[1])
    return quarter, date(year, last_month - 2, 1), end


def ranking(user: User, quarter: str | None = None, community_id: int | None = None) -> dict:
    """The merchants of the caller's communities (or the one picked) by the service points
    they earned in the quarter, most first; those with none at the end."""
    if community_id is not None:
        require_managed_community(user, community_id)
    scope = {community_id} if community_id else managed_community_ids(user)
    name, start, end = quarter_bounds(quarter)
    points = func.coalesce(func.sum(MerchantService.points), 0)
    rows = db.session.execute(
        select(
            Merchant.id,
            Merchant.name,
            Merchant.category,
            Merchant.community_id,
            Merchant.trusted,
            points.label("points"),
            func.count(MerchantService.id).label("services"),
        )
        .outerjoin(
            MerchantService,
            (MerchantService.merchant_id == Merchant.id) & MerchantService.day.between(start, end),
        )
        .where(Merchant.community_id.in_(scope), Merchant.is_active)
        .group_by(Merchant.id)
        .order_by(points.desc(), Merchant.id)
    )
    items = [{"rank": n, **row._asdict()} for n, row in enumerate(rows, start=1)]
    return {"quarter": name, "start": start, "end": end, "items": items}
