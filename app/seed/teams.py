"""Demo service teams (志愿服务团队) of the demo communities, of their approved members,
each serving the catalog's categories of its name (a new team, members or categories are
added again on a second run only if missing)."""

from __future__ import annotations

from sqlalchemy import select

from app.catalog.models import Category
from app.extensions import db
from app.seed.tally import Tally
from app.teams.models import ServiceTeam, TeamCategory, TeamMembership
from app.teams.models import TeamKind as K

# (community, name, kind, description, leader's login code, other members, categories)
TEAMS = [
    ("demo-a", "水电维修队", K.PLUMBING, "水管、电路、灯具的小修小补，随叫随到。",
     "member-a1", ["member-a2"], ["水电维修"]),
    ("demo-a", "法律援助队", K.LEGAL, "租房、劳动、邻里纠纷的法律咨询。",
     "member-a2", [], ["法律服务", "法律援助"]),
    ("demo-a", "热心帮", K.HELPING_HAND, "为独居老人、残疾人代买代办、上门帮扶。",
     "member-a1", ["member-a2"], ["助老助残", "代买代办"]),
    ("demo-b", "红袖标巡逻队", K.RED_ARMBAND, "戴红袖标的夜间治安巡逻，守护小区平安。",
     "member-b1", [], ["治安巡逻"]),
    ("demo-b", "文化宣传队", K.CULTURE, "政策宣讲、文艺演出、移风易俗宣传。",
     "member-b1", ["member-b2"], ["文化宣传"]),
]  # fmt: skip


def load_teams(tally: Tally, places: dict, people: dict) -> None:
    for code, name, kind, description, leader, others, categories in TEAMS:
        leader_id = people["users"][leader].id
        team = tally.get_or_create(
            ServiceTeam,
            {"community_id": places["communities"][code].id, "name": name},
            kind=kind,
            description=description,
            leader_id=leader_id,
        )
        for user_id in [leader_id, *(people["users"][other].id for other in others)]:
            tally.get_or_create(TeamMembership, {"team_id": team.id, "user_id": user_id})
        for category_id in db.session.scalars(
            select(Category.id).where(Category.name.in_(categories)).order_by(Category.id)
        ):
            tally.get_or_create(TeamCategory, {"team_id": team.id, "category_id": category_id})
