"""What the order loop tells whom: the resident when their order is taken, refused or done;
the member when an order is dispatched to them, every member of a team when it is
dispatched to the team. Written with the move, in its transaction
(`app.notifications.outbox`), so a move that rolls back tells nobody."""

from __future__ import annotations

from app.notifications.outbox import post
from app.notifications.templates import Event
from app.orders.labels import STATUS_LABELS
from app.orders.snapshot import OrderSnapshot
from app.orders.vocabulary import Action
from app.teams.access import team_member_ids

ORDER_PAGE = "pages/orders/detail?id={id}"

_EVENTS = {
    Action.DISPATCH: Event.ORDER_DISPATCHED,
    Action.REASSIGN: Event.ORDER_DISPATCHED,
    Action.DISPATCH_TEAM: Event.ORDER_DISPATCHED,
    Action.TAKE: Event.ORDER_ACCEPTED,
    Action.GRAB: Event.ORDER_ACCEPTED,
    Action.ACCEPT: Event.ORDER_ACCEPTED,
    Action.REJECT: Event.ORDER_REJECTED,
    Action.COMPLETE: Event.ORDER_COMPLETED,
}


def tell(action: Action, order: OrderSnapshot) -> None:
    """The message of a move, if it is one that tells somebody."""
    event = _EVENTS.get(action)
    if event is None:
        return
    item = order.item.name
    to_member = event is Event.ORDER_DISPATCHED
    title, body = _TEAM_TEXT if action is Action.DISPATCH_TEAM else _TEXTS[event]
    detail = order.address if to_member else (order.reject_reason or STATUS_LABELS[order.status])
    moved = order.events[-1]
    post(
        _recipients(action, order, to_member),
        event,
        key=f"order:{order.id}:event:{moved.id}",
        title=title,
        body=body.format(item=item, address=order.address, reason=order.reject_reason or ""),
        page=ORDER_PAGE.format(id=order.id),
        community_id=order.community_id,
        at=moved.at,
        fields={
            "thing1": item,
            "phrase2": STATUS_LABELS[order.status],
            "time3": moved.at,
            "thing4": detail,
            "character_string5": str(order.id),
        },
    )


def _recipients(action: Action, order: OrderSnapshot, to_member: bool) -> list[int]:
    if action is Action.DISPATCH_TEAM:
        return team_member_ids(order.team_id)
    return [order.member_id if to_member else order.resident_id]


_TEAM_TEXT = (
    "您的团队有新的派单",
    "社区派给您所在团队一项服务：{item}，地址：{address}。团队中一人接单即可。",
)
_TEXTS = {
    Event.ORDER_DISPATCHED: (
        "您有新的派单",
        "社区派给您一项服务：{item}，地址：{address}。请尽快接单。",
    ),
    Event.ORDER_ACCEPTED: ("已有党员接单", "您点的“{item}”已有党员接单，请保持电话畅通。"),
    Event.ORDER_REJECTED: ("点单未通过审核", "您点的“{item}”未通过社区审核：{reason}"),
    Event.ORDER_COMPLETED: ("服务已完成", "您点的“{item}”已完成，欢迎为本次服务评价。"),
}
