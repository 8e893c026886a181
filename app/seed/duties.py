"""The demo's duties: each community's liaison venue (its 党群服务中心, else its first venue),
a 党员楼栋长 for each building where an approved demo member lives (the first of them), and a
demo 先锋墙 entry. Found by their keys on a second run, like every demo row."""

from __future__ import annotations

from sqlalchemy import select

from app.duties.labels import LEAD_COMMITMENT, LEAD_DUTIES
from app.duties.models import LiaisonVenue, WallEntry
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.org.leads import BuildingLead
from app.seed.tally import Tally
from app.venues.models import Venue, VenueType

# A picture the console serves itself, so the demo wall shows a face without any photo host.
DEMO_PHOTO = "/console/static/duties-avatar.svg"
DEMO_WALL_COMMITMENT = "每周六回社区报到，每月为独居老人办一件实事"


def load_duties(tally: Tally, places: dict) -> None:
    for community in places["communities"].values():
        venue = _liaison_choice(community.id)
        if venue is not None:
            tally.get_or_create(LiaisonVenue, {"community_id": community.id}, venue_id=venue.id)
        members = _approved_members(community.id)
        for profile in members:
            if profile.building_id is not None:
                tally.get_or_create(
                    BuildingLead,
                    {"building_id": profile.building_id},
                    user_id=profile.user_id,
                    duties=LEAD_DUTIES,
                    commitment=LEAD_COMMITMENT,
                )
        if members and community.code == "demo-a":
            tally.get_or_create(
                WallEntry,
                {"user_id": members[0].user_id},
                community_id=community.id,
                photo_url=DEMO_PHOTO,
                commitment=DEMO_WALL_COMMITMENT,
            )
    tally.line("每个社区的报到点、各楼栋的党员楼栋长、先锋墙示例")


def _liaison_choice(community_id: int) -> Venue | None:
    venues = list(
        db.session.scalars(
            select(Venue).where(Venue.community_id == community_id).order_by(Venue.id)
        )
    )
    centers = [venue for venue in venues if venue.type == VenueType.SERVICE_CENTER]
    return (centers or venues)[0] if venues else None


def _approved_members(community_id: int) -> list[MemberProfile]:
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(
                MemberProfile.community_id == community_id,
                MemberProfile.status == RegistrationStatus.APPROVED,
            )
            .order_by(MemberProfile.id)
        )
    )
