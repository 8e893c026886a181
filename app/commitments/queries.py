"""Reads of the 1+X commitments: the menu of a member's community, a member's year with its
progress, a community's own items, and staff's table of members × commitments."""

from __future__ import annotations

from sqlalchemy import select

from app.accounts.models import User
from app.auth.permissions import member_community_id, require_managed_community
from app.commitments.labels import KIND_LABELS
from app.commitments.models import (
    REQUIRED_KIND,
    STANDARD_KINDS,
    Commitment,
    CommitmentItem,
    CommitmentKind,
)
from app.commitments.progress import COUNTERS, done_counts
from app.errors import NotFound
from app.extensions import db
from app.pagination import paginate

STANDARD_TARGET = 1


def require_community(actor: User) -> int:
    """The community of a member (the role checked the rest)."""
    community_id = member_community_id(actor)
    if community_id is None:
        raise NotFound("您还不是社区党员")
    return community_id


def menu(actor: User) -> dict:
    """The five standard kinds, then the active items of the member's community: one page."""
    items = [
        {
            "key": kind.value,
            "kind": kind.value,
            "title": KIND_LABELS[kind],
            "target": STANDARD_TARGET,
            "item_id": None,
            "required": kind == REQUIRED_KIND,
            "counted": kind in COUNTERS,
        }
        for kind in STANDARD_KINDS
    ]
    for item in active_items(require_community(actor)):
        items.append(
            {
                "key": custom_key(item.id),
                "kind": CommitmentKind.CUSTOM.value,
                "title": item.title,
                "target": item.target,
                "item_id": item.id,
                "required": False,
                "counted": True,
            }
        )
    return {"items": items, "next_cursor": None}


def custom_key(item_id: int) -> str:
    return f"custom:{item_id}"


def active_items(community_id: int) -> list[CommitmentItem]:
    return list(
        db.session.scalars(
            select(CommitmentItem)
            .where(CommitmentItem.community_id == community_id, CommitmentItem.is_active)
            .order_by(CommitmentItem.id)
        )
    )


def community_items(actor: User, community_id: int, limit: int, cursor: str | None = None) -> dict:
    """A managed community's own items, retired ones too, oldest first."""
    require_managed_community(actor, community_id)
    stmt = select(CommitmentItem).where(CommitmentItem.community_id == community_id)
    return paginate(stmt, CommitmentItem.id, limit, cursor, oldest_first=True)


def own_commitments(actor: User, year: int, limit: int, cursor: str | None = None) -> dict:
    """The member's commitments of a year, in the order chosen, each with its progress."""
    require_community(actor)
    stmt = select(Commitment).where(Commitment.member_id == actor.id, Commitment.year == year)
    page = paginate(stmt, Commitment.id, limit, cursor, oldest_first=True)
    return {"year": year, **page, "items": shown(page["items"])}


def shown(commitments: list[Commitment]) -> list[dict]:
    """Each commitment as the API and the console show it, with `done` and `kept`: a fixed
    number of queries (the counters', and one for the community items' titles)."""
    done = done_counts(commitments)
    item_ids = {c.item_id for c in commitments if c.item_id is not None}
    titles = (
        dict(
            db.session.execute(
                select(CommitmentItem.id, CommitmentItem.title).where(
                    CommitmentItem.id.in_(item_ids)
                )
            ).all()
        )
        if item_ids
        else {}
    )
    return [_shown(c, done[c.id], titles) for c in commitments]


def _shown(commitment: Commitment, done: int | None, titles: dict[int, str]) -> dict:
    kind = CommitmentKind(commitment.kind)
    title = titles.get(commitment.item_id) if commitment.item_id else KIND_LABELS[kind]
    return {
        "id": commitment.id,
        "key": commitment.key,
        "kind": kind.value,
        "title": title or KIND_LABELS[kind],
        "item_id": commitment.item_id,
        "member_id": commitment.member_id,
        "year": commitment.year,
        "target": commitment.target,
        "required": kind == REQUIRED_KIND,
        "counted": done is not None,
        "done": done,
        "kept": None if done is None else done >= commitment.target,
    }


def managed_commitment(actor: User, commitment_id: int) -> Commitment:
    commitment = db.session.get(Commitment, commitment_id)
    if commitment is None:
        raise NotFound()
    require_managed_community(actor, commitment.community_id)
    return commitment


def items_of(community_ids: set[int]) -> list[CommitmentItem]:
    """Every item of the communities, retired ones too: the console's list."""
    return list(
        db.session.scalars(
            select(CommitmentItem)
            .where(CommitmentItem.community_id.in_(community_ids))
            .order_by(CommitmentItem.id)
        )
    )
