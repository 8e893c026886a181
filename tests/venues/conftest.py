"""Venues at known distances from one point (八一广场), on two communities."""

import math
from dataclasses import dataclass

import pytest

from app.extensions import db
from app.venues.models import Venue
from tests.helpers import factories

CENTER = (28.6785, 115.9050)  # 八一广场, GCJ-02


def earth_radius_m() -> float:
    # Imported late: app.venues.queries builds schemas, which must come after create_app
    # has installed the Chinese validation messages.
    from app.venues.nearby import EARTH_RADIUS_M

    return EARTH_RADIUS_M


def north(meters: float) -> tuple[float, float]:
    """A point `meters` due north (negative: south) of CENTER: along a meridian the
    great-circle distance is exactly R times the latitude difference."""
    return CENTER[0] + math.degrees(meters / earth_radius_m()), CENTER[1]


def east(meters: float) -> tuple[float, float]:
    """About `meters` due east of CENTER (the great circle is a hair shorter)."""
    dlng = math.degrees(meters / (earth_radius_m() * math.cos(math.radians(CENTER[0]))))
    return CENTER[0], CENTER[1] + dlng


def make_venue(community, name: str, kind: str, point: tuple[float, float]) -> Venue:
    venue = Venue(
        community_id=community.id,
        name=name,
        type=kind,
        address=f"东湖区{name}",
        latitude=point[0],
        longitude=point[1],
        phone="0791-86201234",
        opening_hours=[{"days": "周一至周五", "hours": "08:30-17:30"}],
        services=["在职党员报到"],
        facilities=["休息座椅"],
        description=f"{name}简介",
    )
    db.session.add(venue)
    db.session.flush()
    return venue


@dataclass
class Places:
    a: object
    b: object
    red: Venue  # 200 m north, community a
    center: Venue  # 800 m north, community a
    shop: Venue  # ~990 m east, community b
    culture: Venue  # 1500 m south, community b
    outside: Venue  # 3020 m north: just outside the default 3000 m


@pytest.fixture
def places(app) -> Places:
    street = factories.street()
    a, b = factories.community(street, "demo-a"), factories.community(street, "demo-b")
    made = Places(
        a,
        b,
        red=make_venue(a, "百花洲红色驿站", "red_station", north(200)),
        center=make_venue(a, "百花洲社区党群服务中心", "service_center", north(800)),
        shop=make_venue(b, "中山路便民服务站", "convenience", east(990)),
        culture=make_venue(b, "八一广场社区文化服务中心", "culture", north(-1500)),
        outside=make_venue(a, "远处的邻里中心", "neighborhood", north(3020)),
    )
    db.session.commit()
    return made


PHOTO = "https://img.example.cn/venues/hall.jpg"


def venue_body(world, **changes) -> dict:
    """A venue as staff of community a send it to POST /staff/venues."""
    return {
        "name": "百花洲红色驿站",
        "type": "red_station",
        "community_id": world.a.community.id,
        "address": "东湖区百花洲路 1 号",
        "latitude": 28.6801,
        "longitude": 115.9062,
        "phone": "0791-86201234",
        "opening_hours": [{"days": "周一至周五", "hours": "08:30-17:30"}],
        "services": ["在职党员报到", "政策咨询"],
        "facilities": ["休息座椅", "饮水机"],
        "closed_dates": [{"date": "2026-12-31", "reason": "设备检修"}],
        "closed_on_holidays": True,
        "description": "社区居民的红色家园",
        "intro_html": "<h2>驿站简介</h2><p>欢迎<strong>来坐坐</strong></p>",
        "photos": [PHOTO],
        **changes,
    }


@pytest.fixture
def kept(world) -> dict:
    """A venue of each community of the world: {"a": Venue, "b": Venue}."""
    made = {
        "a": make_venue(world.a.community, "百花洲党群服务中心", "service_center", north(300)),
        "b": make_venue(world.b.community, "八一广场文化服务中心", "culture", north(-600)),
    }
    db.session.commit()
    return made
