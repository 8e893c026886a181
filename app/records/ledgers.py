"""The two ledgers (两台账) of a scope and a period: 共建单位服务台账, one row per unit paired
with the scope's communities, and 在职党员服务台账, one row per approved member. Each is a
fixed number of queries whatever the rows: the rows, then the facts' grouped queries."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import scope_community_ids
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.org.models import Community
from app.records.facts import facts_of
from app.units.labels import UNIT_KIND_LABELS
from app.units.models import CoBuildingUnit
from app.units.queries import managed_units_query

# The member's facts that a unit's row adds up.
SUMMED = ("orders_completed", "activities", "reports", "wishes", "visits", "points")


def member_ledger(actor: User, start: date, end: date, community_id: int | None = None) -> list:
    """[(profile, community name, facts)] of the scope's approved members, by community."""
    communities = scope_community_ids(actor, community_id)
    profiles = _approved(MemberProfile.community_id.in_(communities))
    names = _community_names(communities)
    facts = facts_of({p.user_id for p in profiles}, start, end)
    return [(p, names[p.community_id], facts[p.user_id]) for p in profiles]


def unit_ledger(actor: User, start: date, end: date, community_id: int | None = None) -> list:
    """One dict per unit paired with the scope: its kind, paired communities, its members
    in the scope (names) and their facts added up."""
    communities = scope_community_ids(actor, community_id)
    units = list(
        db.session.scalars(managed_units_query(actor, community_id).order_by(CoBuildingUnit.id))
    )
    profiles = _approved(
        MemberProfile.community_id.in_(communities),
        MemberProfile.unit_id.in_([u.id for u in units]),
    )
    facts = facts_of({p.user_id for p in profiles}, start, end)
    rows = []
    for unit in units:
        members = [p for p in profiles if p.unit_id == unit.id]
        totals = {key: sum(facts[p.user_id][key] for p in members) for key in SUMMED}
        rows.append(
            {
                "unit": unit,
                "kind": UNIT_KIND_LABELS.get(unit.kind, unit.kind),
                "communities": "、".join(c.name for c in unit.communities),
                "members": [p.name for p in members],
                "kept": sum(facts[p.user_id]["commitments_kept"] for p in members),
                **totals,
            }
        )
    return rows


def _approved(*conditions) -> list[MemberProfile]:
    return list(
        db.session.scalars(
            select(MemberProfile)
            .where(MemberProfile.status == RegistrationStatus.APPROVED, *conditions)
            .order_by(MemberProfile.community_id, MemberProfile.id)
        )
    )


def _community_names(ids: set[int]) -> dict[int, str]:
    return dict(
        db.session.execute(select(Community.id, Community.name).where(Community.id.in_(ids))).all()
    )
