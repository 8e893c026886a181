"""`seed demo`: load the demo data idempotently. Every row is found by its natural key
(codes, names, usernames, openids) and created only when missing; nothing existing is
changed, so a second run writes nothing."""

from __future__ import annotations

from collections.abc import Callable

from app.catalog.models import CatalogItem, Category, CategoryKind
from app.extensions import db
from app.orders.calendar import DeadlineBasis
from app.org.models import Building, Community, Grid, Street
from app.seed import catalog_data, org_data, places_data
from app.seed.activities import load_activities
from app.seed.devices import load_devices
from app.seed.duties import load_duties
from app.seed.merchants import load_merchants
from app.seed.neighbours import load_neighbours
from app.seed.people import load_accounts, load_orders
from app.seed.records import load_records
from app.seed.rewards import load_rewards
from app.seed.rooms import load_rooms
from app.seed.tally import Tally
from app.seed.teams import load_teams
from app.seed.units import load_units
from app.transaction import use_case
from app.venues.models import Venue

STEPS = 15
# How each kind's items count their deadlines (app.orders.calendar).
_BASIS = {
    CategoryKind.PUBLIC: DeadlineBasis.WORKING_HOURS,
    CategoryKind.SOCIAL: DeadlineBasis.HOURS,
    CategoryKind.VOLUNTEER: DeadlineBasis.HOURS,
}


@use_case
def load_demo(echo: Callable[[str], None] = print) -> Tally:
    """Load everything in one transaction; returns the tally of created and found rows."""
    tally = Tally(echo)
    with tally.step(1, STEPS, "街道、社区、网格、楼栋"):
        places = load_org(tally)
    with tally.step(2, STEPS, "服务清单"):
        items = load_catalog(tally)
    with tally.step(3, STEPS, "场所（红色驿站、党群服务中心等）"):
        load_venues(tally, places)
    with tally.step(4, STEPS, "演示账号、居民与报到党员"):
        people = load_accounts(tally, places)
    with tally.step(5, STEPS, "演示工单"):
        load_orders(tally, places, items, people)
    with tally.step(6, STEPS, "便民服务圈商户与便民服务积分"):
        load_merchants(tally, places, people)
    with tally.step(7, STEPS, "积分兑换礼品"):
        load_rewards(tally, places, people)
    with tally.step(8, STEPS, "场所的可预约房间（三室一厅）"):
        load_rooms(tally)
    with tally.step(9, STEPS, "一个月的社区活动（邻里节、四点半课堂、道德讲堂等）"):
        load_activities(tally, places, people)
    with tally.step(10, STEPS, "一键通设备"):
        load_devices(tally, places, people)
    with tally.step(11, STEPS, "共驻共建单位（5+1）与“1+X”承诺"):
        load_units(tally, places, people)
    with tally.step(12, STEPS, "微心愿、意见建议与结对帮扶"):
        load_neighbours(tally, places, items, people)
    with tally.step(13, STEPS, "志愿服务团队"):
        load_teams(tally, places, people)
    with tally.step(14, STEPS, "周六报到点、党员楼栋长与先锋墙"):
        load_duties(tally, places)
    with tally.step(15, STEPS, "纪实手册与反馈卡"):
        load_records(tally, places, people)
    db.session.flush()
    echo(tally.summary())
    return tally


def load_org(tally: Tally) -> dict:
    """Returns {"streets": {code: Street}, "communities": {code: Community},
    "grids": {community code: [(Grid, [Building, ...]), ...]}} in data order."""
    places: dict = {"streets": {}, "communities": {}, "grids": {}}
    for street_data in org_data.STREETS:
        street = tally.get_or_create(
            Street,
            {"code": street_data["code"]},
            name=street_data["name"],
            district=street_data["district"],
        )
        places["streets"][street.code] = street
        for data in street_data["communities"]:
            community = tally.get_or_create(
                Community,
                {"code": data["code"]},
                name=data["name"],
                street_id=street.id,
                address=data["address"],
            )
            places["communities"][community.code] = community
            places["grids"][community.code] = _load_grids(tally, community, street, data["grids"])
            tally.line(
                f"{street.district}{street.name} · {community.name}：{len(data['grids'])} 个网格"
            )
    return places


def _load_grids(tally: Tally, community: Community, street: Street, grids: list) -> list:
    loaded = []
    for grid_name, road, building_names in grids:
        grid = tally.get_or_create(Grid, {"community_id": community.id, "name": grid_name})
        buildings = [
            tally.get_or_create(
                Building,
                {"grid_id": grid.id, "name": f"{road}{name}"},
                address=f"{street.district}{road}{name}",
            )
            for name in building_names
        ]
        loaded.append((grid, buildings))
    return loaded


def load_catalog(tally: Tally) -> dict:
    """Returns {(kind, category name, item name): CatalogItem}."""
    items: dict = {}
    groups = [
        (CategoryKind.PUBLIC, catalog_data.PUBLIC),
        (CategoryKind.SOCIAL, catalog_data.SOCIAL),
        (CategoryKind.VOLUNTEER, catalog_data.VOLUNTEER),
    ]
    for kind, categories in groups:
        for position, (name, skill, response_h, completion_h, entries) in enumerate(categories):
            category = tally.get_or_create(
                Category, {"kind": kind.value, "name": name}, position=position
            )
            for item_position, (item_name, points) in enumerate(entries):
                item = tally.get_or_create(
                    CatalogItem,
                    {"category_id": category.id, "name": item_name},
                    points=points,
                    response_hours=response_h,
                    completion_hours=completion_h,
                    # 政务 items are handled in office hours: their deadlines count those.
                    deadline_basis=_BASIS[kind],
                    skill=skill,
                    position=item_position,
                )
                items[(kind.value, name, item_name)] = item
        total = sum(len(c[4]) for c in categories)
        tally.line(f"{kind.value}：{len(categories)} 个分类，{total} 个服务项目")
    return items


def load_venues(tally: Tally, places: dict) -> None:
    for code, kind, name, address, lat, lng, phone, description in places_data.VENUES:
        hours, services, facilities = places_data.TYPE_PRESETS[kind]
        tally.get_or_create(
            Venue,
            {"name": name},
            community_id=places["communities"][code].id,
            type=kind,
            address=address,
            latitude=lat,
            longitude=lng,
            phone=phone,
            opening_hours=[dict(h) for h in hours],
            services=list(services),
            facilities=list(facilities),
            description=description,
        )
    tally.line(f"{len(places_data.VENUES)} 个场所")
