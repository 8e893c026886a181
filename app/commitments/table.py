"""Staff's table of 1+X progress: a page of their approved members, each with the year's
commitments. Four queries at most whatever the page's length, plus one per counted kind."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import scope_community_ids
from app.commitments.models import Commitment
from app.commitments.queries import shown
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.pagination import paginate


def progress_table(
    actor: User,
    year: int,
    limit: int,
    cursor: str | None = None,
    community_id: int | None = None,
) -> dict:
    """Approved members of the scope, newest first, each with `commitments` of the year and
    how many of them are `kept` (of those counted)."""
    stmt = select(MemberProfile).where(
        MemberProfile.community_id.in_(scope_community_ids(actor, community_id)),
        MemberProfile.status == RegistrationStatus.APPROVED,
    )
    page = paginate(stmt, MemberProfile.id, limit, cursor)
    profiles: list[MemberProfile] = page["items"]
    by_member = year_commitments({p.user_id for p in profiles}, year)
    items = [_row(profile, by_member.get(profile.user_id, [])) for profile in profiles]
    return {"year": year, "items": items, "next_cursor": page["next_cursor"]}


def year_commitments(member_ids: set[int], year: int) -> dict[int, list[dict]]:
    """{member id: the year's commitments shown with progress}, members without any left out:
    one query, and the counters' (app.commitments.queries.shown)."""
    commitments = list(
        db.session.scalars(
            select(Commitment)
            .where(Commitment.year == year, Commitment.member_id.in_(member_ids))
            .order_by(Commitment.id)
        )
    )
    by_member: dict[int, list[dict]] = {}
    for row in shown(commitments):
        by_member.setdefault(row["member_id"], []).append(row)
    return by_member


def _row(profile: MemberProfile, commitments: list[dict]) -> dict:
    return {
        "member_id": profile.user_id,
        "name": profile.name,
        "community_id": profile.community_id,
        "unit_name": profile.unit_name,
        "commitments": commitments,
        "kept": sum(1 for c in commitments if c["kept"]),
        "counted": sum(1 for c in commitments if c["counted"]),
    }
