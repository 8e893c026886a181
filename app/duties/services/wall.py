"""先锋墙 / 承诺墙: a member puts themself on the community's wall with a photo and a commitment,
having consented to be shown in public, and takes themself off; staff hide and show entries."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from app.accounts.models import User
from app.auth.permissions import member_community_id, require_managed_community
from app.clock import utcnow
from app.db_types import upsert
from app.duties.models import WallEntry
from app.errors import NotCommunityMember, NotFound
from app.extensions import db
from app.orders.candidates import candidate_name
from app.transaction import use_case


@use_case
def publish(actor: User, data: dict) -> WallEntry:
    """The member's entry, new or changed; a hidden one stays hidden."""
    community_id = member_community_id(actor)
    if community_id is None or candidate_name(actor.id, community_id) is None:
        raise NotCommunityMember()
    now = utcnow()
    row = {"user_id": actor.id, "community_id": community_id, "photo_url": data["photo_url"]}
    row |= {"commitment": data["commitment"], "consented_at": now, "updated_at": now}
    insert = upsert(WallEntry, db.session.get_bind().dialect.name).values(**row)
    changed = ("community_id", "photo_url", "commitment", "consented_at", "updated_at")
    db.session.execute(
        insert.on_conflict_do_update(
            index_elements=["user_id"], set_={key: insert.excluded[key] for key in changed}
        )
    )
    return db.session.scalars(
        select(WallEntry)
        .where(WallEntry.user_id == actor.id)
        .execution_options(populate_existing=True)
    ).one()


@use_case
def withdraw(actor: User) -> None:
    """The member takes their entry off the wall (nothing to do when there is none)."""
    db.session.execute(delete(WallEntry).where(WallEntry.user_id == actor.id))


@use_case
def set_hidden(actor: User, entry_id: int, hidden: bool) -> WallEntry:
    """Staff of the entry's community hide it from the public wall, or show it again."""
    entry = db.session.get(WallEntry, entry_id)
    if entry is None:
        raise NotFound("找不到该先锋墙条目")
    require_managed_community(actor, entry.community_id)
    db.session.execute(
        update(WallEntry)
        .where(WallEntry.id == entry_id)
        .values(hidden=hidden, hidden_by_id=actor.id if hidden else None, updated_at=utcnow())
    )
    db.session.refresh(entry)
    return entry
