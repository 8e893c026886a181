"""Members choose their 1+X commitments of a year; staff keep their community's own items
and mark them done for a member. The unique (member, year, key) settles two choices racing."""

from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.clock import beijing_today, utcnow
from app.commitments.models import (
    REQUIRED_KIND,
    Commitment,
    CommitmentItem,
    CommitmentKind,
    CommitmentMark,
)
from app.commitments.queries import (
    STANDARD_TARGET,
    custom_key,
    managed_commitment,
    own_commitments,
    require_community,
    shown,
)
from app.errors import CommitmentCounted, Conflict, NotFound, ValidationError
from app.extensions import db
from app.pagination import MAX_LIMIT
from app.transaction import use_case


def _item_title_taken(actor: User, data: dict) -> Conflict:
    return Conflict(f"本社区已有名为“{data['title']}”的承诺项目")


@use_case
def choose(actor: User, year: int, kinds: list[str], item_ids: list[int]) -> dict:
    """The member's commitments of `year` become these kinds and community items, with
    参加一次组织活动 (the "1") always among them. This year or the next only."""
    community_id = require_community(actor)
    this_year = beijing_today(utcnow()).year
    if year not in (this_year, this_year + 1):
        raise ValidationError(
            details={"year": [f"只能选择 {this_year} 或 {this_year + 1} 年的承诺"]}
        )
    wanted = _wanted(actor.id, year, community_id, {REQUIRED_KIND.value, *kinds}, set(item_ids))
    dropped = select(Commitment.id).where(
        Commitment.member_id == actor.id,
        Commitment.year == year,
        Commitment.key.not_in(list(wanted)),
    )
    # Their marks first: SQLite does not enforce the foreign key's ON DELETE CASCADE.
    db.session.execute(delete(CommitmentMark).where(CommitmentMark.commitment_id.in_(dropped)))
    db.session.execute(delete(Commitment).where(Commitment.id.in_(dropped)))
    have = set(
        db.session.scalars(
            select(Commitment.key).where(Commitment.member_id == actor.id, Commitment.year == year)
        )
    )
    for key, (kind, item_id, target) in wanted.items():
        if key not in have:
            db.session.add(
                Commitment(
                    member_id=actor.id,
                    community_id=community_id,
                    year=year,
                    kind=kind,
                    key=key,
                    item_id=item_id,
                    target=target,
                )
            )
    db.session.flush()
    return own_commitments(actor, year, MAX_LIMIT)


def _wanted(member_id: int, year: int, community_id: int, kinds: set[str], item_ids: set[int]):
    """{key: (kind, item id, target)} of the choice; an item not on the menu (nor already
    chosen that year, before staff retired it) is a 422."""
    wanted: dict[str, tuple[str, int | None, int]] = {
        kind: (kind, None, STANDARD_TARGET) for kind in sorted(kinds)
    }
    chosen = select(Commitment.item_id).where(
        Commitment.member_id == member_id, Commitment.year == year
    )
    items = list(
        db.session.scalars(
            select(CommitmentItem).where(
                CommitmentItem.id.in_(item_ids),
                CommitmentItem.community_id == community_id,
                or_(CommitmentItem.is_active, CommitmentItem.id.in_(chosen)),
            )
        )
    )
    if len(items) != len(item_ids):
        raise ValidationError(details={"item_ids": ["只能选择本社区承诺清单中的项目"]})
    for item in sorted(items, key=lambda item: item.id):
        wanted[custom_key(item.id)] = (CommitmentKind.CUSTOM.value, item.id, item.target)
    return wanted


@use_case(conflict=_item_title_taken)
def create_item(actor: User, data: dict) -> CommitmentItem:
    """An item of a managed community's 1+X menu; a title taken there is 409 (unique)."""
    require_managed_community(actor, data["community_id"])
    item = CommitmentItem(**data, created_by_id=actor.id)
    db.session.add(item)
    db.session.flush()
    return item


@use_case
def set_item_active(actor: User, item_id: int, active: bool) -> CommitmentItem:
    """Retire an item from the menu (or bring it back); chosen commitments stay."""
    item = db.session.get(CommitmentItem, item_id)
    if item is None:
        raise NotFound()
    require_managed_community(actor, item.community_id)
    db.session.execute(
        update(CommitmentItem).where(CommitmentItem.id == item_id).values(is_active=active)
    )
    db.session.refresh(item)
    return item


@use_case
def mark(actor: User, commitment_id: int, note: str | None) -> dict:
    """Staff record that the member did a community item once more; standard kinds are
    counted from what members did and refuse a mark (409)."""
    commitment = managed_commitment(actor, commitment_id)
    if commitment.kind != CommitmentKind.CUSTOM:
        raise CommitmentCounted()
    db.session.add(CommitmentMark(commitment_id=commitment.id, note=note, marked_by_id=actor.id))
    db.session.flush()
    return shown([commitment])[0]
