"""结对 use cases: a member pairs with a household, or staff pair one of their members with
it; the member logs visits. The household is a resident who logs in (`resident_id`) or one
without WeChat known by phone, recorded as 代点单 records one
(`app.orders.residents.offline_resident`). One pairing per member and household:
the unique key settles two entering it at once (PAIRING_EXISTS)."""

from __future__ import annotations

from app.accounts.models import Role, User
from app.auth.permissions import managed_community_ids, member_community_id
from app.clock import beijing_today, utcnow
from app.errors import Forbidden, PairingExists, ValidationError
from app.extensions import db
from app.moderation.screening import Screening, mark_for_review
from app.orders.residents import offline_resident
from app.org.models import Building
from app.pairings.models import Pairing, PairingVisit
from app.pairings.queries import pairing_of_member
from app.transaction import use_case


@use_case(conflict=PairingExists)
def pair(actor: User, data: dict) -> Pairing:
    """The acting member pairs with the household of `data`."""
    community_id = member_community_id(actor)
    if community_id is None:
        raise Forbidden()
    return _paired(actor, actor.id, community_id, data)


@use_case(conflict=PairingExists)
def pair_for_member(actor: User, data: dict) -> Pairing:
    """Staff pair `data["member_id"]`, a member of a community they manage, with a household."""
    member = db.session.get(User, data["member_id"])
    community_id = member_community_id(member) if member is not None else None
    if community_id is None or community_id not in managed_community_ids(actor):
        raise ValidationError(details={"member_id": ["不是本社区已审核通过的党员"]})
    return _paired(actor, data["member_id"], community_id, data)


@use_case
def log_visit(
    pairing_id: int, actor: User, data: dict, screening: Screening | None = None
) -> PairingVisit:
    """走访: the pairing's member logs a visit on a day not after today (Beijing)."""
    pairing = pairing_of_member(actor, pairing_id)
    if data["date"] > beijing_today(utcnow()):
        raise ValidationError(details={"date": ["走访日期不能晚于今天"]})
    visit = PairingVisit(
        pairing_id=pairing.id,
        member_id=actor.id,
        visited_on=data["date"],
        note=data["note"],
        photos=data["photos"],
    )
    db.session.add(visit)
    db.session.flush()
    mark_for_review(screening, pairing.community_id, visit.id, actor.id)
    return visit


def _paired(actor: User, member_id: int, community_id: int, data: dict) -> Pairing:
    resident_id = _household(data)
    if resident_id == member_id:
        raise ValidationError(details={"resident_id": ["不能与自己结对"]})
    building_id = data.get("building_id")
    if building_id is not None:
        building = db.session.get(Building, building_id)
        if building is None or building.grid.community_id != community_id:
            raise ValidationError(details={"building_id": ["该楼栋不属于本社区"]})
    pairing = Pairing(
        community_id=community_id,
        member_id=member_id,
        resident_id=resident_id,
        address=data["address"],
        building_id=building_id,
        note=data.get("note"),
        created_by_id=actor.id,
    )
    db.session.add(pairing)
    db.session.flush()
    return pairing


def _household(data: dict) -> int:
    """The household's user: the resident named by id, or the offline one of the phone."""
    if data.get("resident_id") is None:
        return offline_resident(data["name"], data["phone"]).id
    resident = db.session.get(User, data["resident_id"])
    if resident is None or not resident.has_any_role((Role.RESIDENT,)):
        raise ValidationError(details={"resident_id": ["居民不存在"]})
    return resident.id
