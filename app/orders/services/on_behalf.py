"""代点单: staff enter an order for a resident without a smartphone, taken by phone or at
the desk. The resident is known by phone; one without WeChat is created on first entry."""

from __future__ import annotations

from sqlalchemy import Row

from app.accounts.models import User
from app.auth.permissions import managed_community_ids, require_managed_community
from app.errors import Forbidden
from app.orders.intake import check_references, new_order
from app.orders.models import OrderSource, OrderStatus
from app.orders.residents import check_place, offline_resident
from app.orders.snapshot import OrderSnapshot, snapshot
from app.orders.state import record_event, transition
from app.orders.vocabulary import Action
from app.transaction import use_case


@use_case
def create_on_behalf(actor: User, data: dict) -> OrderSnapshot:
    """A submitted order of source `desk` for the resident of `contact_phone` (found, or
    created without WeChat), entered by `actor`. `data` is the console form's; its
    `community_id` may be None when the actor manages one community only. With `approve`
    the order is approved in the same transaction."""
    return _enter(actor, data)


@use_case
def create_on_behalf_by_api(actor: User, data: dict) -> OrderSnapshot:
    """`POST /staff/orders` (hotlines, call centres): the console's 代点单 with its rules,
    except that a community outside the actor's reach is 404, as the API's rule is."""
    if data.get("community_id") is not None:
        require_managed_community(actor, data["community_id"])
    return _enter(actor, data)


def _enter(actor: User, data: dict) -> OrderSnapshot:
    data = dict(data)
    approve_now = data.pop("approve", False)
    item = _check_on_behalf(actor, data)
    resident = offline_resident(data["contact_name"], data["contact_phone"])
    order = new_order(resident.id, data, item, OrderSource.DESK)
    note = f"代点单：{actor.shown_name}"
    record_event(order.id, order.community_id, Action.CREATE, None, order.status, actor.id, note)
    if approve_now:
        return transition(order.id, Action.APPROVE, actor, expected_from=OrderStatus.SUBMITTED)
    return snapshot(order)


def _check_on_behalf(actor: User, data: dict) -> Row:
    """Fills in `community_id` (and `grid_id` from the building); all errors at once."""
    managed = managed_community_ids(actor)
    if not managed:
        raise Forbidden()
    if data.get("community_id") is None and len(managed) == 1:
        data["community_id"] = next(iter(managed))
    errors: dict = {}
    if data.get("community_id") not in managed:
        errors["community_id"] = ["请选择您管理的社区"]
    else:
        errors.update(check_place(data))
    return check_references(data, errors)
