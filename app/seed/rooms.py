"""Demo rooms: each 邻里中心 has its 三室一厅 (服务室, 议事室, 互助室, 休闲厅), each 党群服务中心
a 党员活动室 to book. Every one waits for staff approval, as the contract's booking answers
`pending`; staff may mark a room 自动通过 in the console."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.seed.tally import Tally
from app.venues.models import Venue, VenueType
from app.venues.rooms import RoomKind, VenueRoom

# venue type -> [(name, kind, capacity, facilities, auto_approve)]
ROOMS = {
    VenueType.NEIGHBORHOOD: [
        ("邻里服务室", RoomKind.SERVICE_ROOM, 8, ["办公桌椅", "打印机"], False),
        ("邻里议事室", RoomKind.MEETING_ROOM, 20, ["会议桌", "投影仪", "白板"], False),
        ("邻里互助室", RoomKind.MUTUAL_AID_ROOM, 12, ["工具箱", "储物柜"], False),
        ("邻里休闲厅", RoomKind.LOUNGE, 40, ["茶水台", "图书角", "音响"], False),
    ],
    VenueType.SERVICE_CENTER: [
        ("党员活动室", RoomKind.MEETING_ROOM, 30, ["会议桌", "投影仪", "党旗"], False),
    ],
}


def load_rooms(tally: Tally) -> None:
    venues = db.session.scalars(
        select(Venue).where(Venue.type.in_(list(ROOMS))).order_by(Venue.id)
    ).all()
    for venue in venues:
        for name, kind, capacity, facilities, auto_approve in ROOMS[VenueType(venue.type)]:
            tally.get_or_create(
                VenueRoom,
                {"venue_id": venue.id, "name": name},
                kind=kind,
                capacity=capacity,
                facilities=list(facilities),
                auto_approve=auto_approve,
            )
    tally.line(f"{len(venues)} 个场所的可预约房间")
