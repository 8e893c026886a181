"""微心愿 use cases. A wish is an order of kind `wish`, so every move is the order loop's own
(`app.orders.state.transition`: one conditional UPDATE decides a race); these use cases add
what a wish has beside its order and refuse an id that is not a wish (404).

- a resident posts one (`post_wish`), or staff post one for a resident (`post_for_resident`,
  approved at once: staff screened it as they typed it);
- staff screen and publish it with the order moves (approve, reject, publish);
- a member lights it (`light`: the grab, exactly one wins), fulfils it with photos
  (`fulfil`: the completion, which credits the wish item's points once);
- its resident confirms it (`confirm`: the rating)."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import Row, select, update

from app.accounts.models import User
from app.auth.permissions import require_managed_community
from app.catalog.models import CatalogItem
from app.errors import WishesUnavailable
from app.extensions import db
from app.moderation.screening import Screening, mark_for_review
from app.orders.intake import check_references, new_order
from app.orders.models import OrderSource, OrderStatus
from app.orders.points import credit_points
from app.orders.residents import offline_resident
from app.orders.snapshot import Item, OrderSnapshot
from app.orders.state import record_event, transition
from app.orders.vocabulary import Action
from app.transaction import use_case
from app.wishes.access import wish_facts
from app.wishes.models import WISH_KIND, Wish


@use_case(keep_loaded=True)
def post_wish(actor: User, data: dict, screening: Screening | None = None) -> OrderSnapshot:
    """A resident's wish, submitted for staff to screen. `screening`: its text's content
    check (`app.moderation.screening.screen`), written beside it."""
    order, item = _new_wish(actor.id, data, OrderSource.MINIPROGRAM)
    mark_for_review(screening, order.community_id, order.id, actor.id)
    created = record_event(
        order.id, order.community_id, Action.CREATE, None, order.status, actor.id
    )
    return OrderSnapshot(order, Item(item.id, item.name, item.points), [created])


@use_case(keep_loaded=True)
def post_for_resident(actor: User, data: dict) -> OrderSnapshot:
    """A wish staff post for a resident without a smartphone (known by phone, as for 代点单),
    approved at once; a community outside the actor's reach is 404."""
    require_managed_community(actor, data["community_id"])
    resident = offline_resident(data["contact_name"], data["contact_phone"])
    order, _ = _new_wish(resident.id, data, OrderSource.DESK)
    note = f"代发微心愿：{actor.shown_name}"
    record_event(order.id, order.community_id, Action.CREATE, None, order.status, actor.id, note)
    return transition(order.id, Action.APPROVE, actor, expected_from=OrderStatus.SUBMITTED)


@use_case(keep_loaded=True)
def light(order_id: int, actor: User) -> OrderSnapshot:
    """点亮: the member takes the published wish; of members lighting it at once, one wins
    and the others get ORDER_ALREADY_TAKEN."""
    facts = wish_facts(Action.GRAB, actor, order_id)
    return transition(
        facts.id, Action.GRAB, actor, expected_from=facts.status, values={"member_id": actor.id}
    )


@use_case(keep_loaded=True)
def fulfil(
    order_id: int, actor: User, note: str | None, photos: list[str], show_name: bool
) -> OrderSnapshot:
    """The member fulfilled the wish (photos of it): the order's completion, and its points
    credited once; `show_name`: the member agrees to be named on the public wall."""
    facts = wish_facts(Action.COMPLETE, actor, order_id)
    values = {"completion_note": note, "completion_photos": photos}
    order = transition(
        facts.id, Action.COMPLETE, actor, expected_from=facts.status, values=values, note=note
    )
    credit_points(order)
    db.session.execute(
        update(Wish).where(Wish.order_id == order.id).values(show_member_name=show_name)
    )
    return order


@use_case(keep_loaded=True)
def confirm(
    order_id: int,
    actor: User,
    stars: int,
    comment: str | None = None,
    screening: Screening | None = None,
) -> OrderSnapshot:
    """The resident confirms the fulfilled wish: its rating (once)."""
    facts = wish_facts(Action.RATE, actor, order_id)
    values = {"stars": stars, "comment": comment}
    order = transition(facts.id, Action.RATE, actor, expected_from=facts.status, values=values)
    mark_for_review(screening, order.community_id, order.id, actor.id)
    return order


def _new_wish(resident_id: int, data: dict, source: str) -> tuple[Row, Row]:
    """The wish's order (submitted, of the wish item) and its wish row."""
    fields = {key: value for key, value in data.items() if key != "value"}
    item = check_references({**fields, "item_id": _wish_item_id()})
    order = new_order(resident_id, {**fields, "item_id": item.id, "kind": WISH_KIND}, item, source)
    db.session.add(
        Wish(order_id=order.id, community_id=order.community_id, value_yuan=data["value"])
    )
    db.session.flush()
    return order, item


def _wish_item_id() -> int:
    """The catalog item wishes are orders of (`WISH_ITEM_NAME`): its points are the member's."""
    item_id = db.session.scalar(
        select(CatalogItem.id)
        .where(CatalogItem.name == current_app.config["WISH_ITEM_NAME"], CatalogItem.is_active)
        .order_by(CatalogItem.id)
        .limit(1)
    )
    if item_id is None:
        raise WishesUnavailable()
    return item_id
