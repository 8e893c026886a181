"""Merchants at known distances from one point (八一广场), in the world's two communities:
the `shops` fixture of the merchant API and console tests."""

from dataclasses import dataclass

from app.extensions import db
from app.merchants.models import Merchant
from tests.venues.conftest import east, north


def make_merchant(community, name: str, category: str, point: tuple[float, float]) -> Merchant:
    merchant = Merchant(
        community_id=community.id,
        name=name,
        category=category,
        address=f"东湖区{name}",
        latitude=point[0],
        longitude=point[1],
        phone="0791-86205678",
        opening_hours=[{"days": "每天", "hours": "09:00-21:00"}],
        services=["上门服务"],
    )
    db.session.add(merchant)
    db.session.flush()
    return merchant


@dataclass
class Shops:
    bank: Merchant  # 150 m north, community a
    courier: Merchant  # 600 m north, community a
    repair: Merchant  # ~900 m east, community b
    far: Merchant  # 1200 m south, community b: outside the default 1000 m


def make_shops(world) -> Shops:
    """Four merchants around 八一广场, two in each of the world's communities. Commits."""
    a, b = world.a.community, world.b.community
    made = Shops(
        bank=make_merchant(a, "建设银行百花洲支行", "bank", north(150)),
        courier=make_merchant(a, "菜鸟驿站百花洲店", "courier", north(600)),
        repair=make_merchant(b, "老王家电维修", "repair", east(900)),
        far=make_merchant(b, "益丰大药房", "pharmacy", north(-1200)),
    )
    db.session.commit()
    return made
