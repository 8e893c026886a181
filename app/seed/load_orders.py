"""The orders of `seed load`, a chunk at a time: each order with its whole timeline (one
event per move, as `app.orders.state` writes them), the points its completion credited, and
the follow-up call staff made. Creation times run evenly over the last year, so ids grow
with time as they do in a real database; the recent orders are the ones still open."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import accumulate

from app.catalog.models import CatalogItem
from app.orders.labels import follow_up_outcome
from app.orders.models import FollowUp, Order, OrderEvent, OrderSource
from app.orders.models import OrderStatus as S
from app.orders.state import MOVES, Actor
from app.orders.vocabulary import FINISHED
from app.orders.vocabulary import Action as A
from app.points.models import PointsEntry, PointsReason
from app.seed import histories
from app.seed import load_data as words
from app.seed.bulk import BulkWriter
from app.seed.load_town import Town, member_is_pending

YEAR = timedelta(days=365)
SOURCES = [(OrderSource.MINIPROGRAM, 88), (OrderSource.DESK, 9), (OrderSource.DEVICE, 3)]
MODELS = (Order, OrderEvent, PointsEntry, FollowUp)


@dataclass(frozen=True)
class ItemRef:
    id: int
    name: str
    points: int
    response_hours: int
    completion_hours: int

    @classmethod
    def of(cls, item: CatalogItem) -> ItemRef:
        return cls(item.id, item.name, item.points, item.response_hours, item.completion_hours)


class _Weighted:
    """rng.choices over fixed weights, with the cumulative weights computed once."""

    def __init__(self, pairs: list) -> None:
        self.values = [value for value, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))

    def pick(self, rng: random.Random):
        return self.values[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_FINISHED = _Weighted([(moves, weight) for weight, moves in histories.FINISHED_PATHS])
_ANY = _Weighted(
    [(moves, weight) for weight, moves in histories.FINISHED_PATHS + histories.OPEN_PATHS]
)
_SOURCES, _STARS = _Weighted(SOURCES), _Weighted(words.STARS)


@dataclass
class _Rows:
    orders: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    points: list[dict] = field(default_factory=list)
    follow_ups: list[dict] = field(default_factory=list)


@dataclass
class OrderMaker:
    writer: BulkWriter
    town: Town
    items: list[ItemRef]
    now: datetime
    rng: random.Random

    def write_chunk(self, first: int, count: int) -> None:
        """Orders number `first` .. `first + count - 1` of the load, and all that hangs on them."""
        rows = _Rows()
        for i, order_id in zip(
            range(first, first + count), self.writer.ids(Order, count), strict=True
        ):
            self._order(rows, order_id, i)
        for table, batch in zip(
            MODELS, (rows.orders, rows.events, rows.points, rows.follow_ups), strict=True
        ):
            self.writer.write(table, batch)

    def _order(self, rows: _Rows, order_id: int, i: int) -> None:
        rng, town = self.rng, self.town
        created = self.now - YEAR + YEAR * ((i + rng.random()) / self.town.sizes.orders)
        recent = self.now - created < timedelta(days=histories.RECENT_DAYS)
        moves = (_ANY if recent else _FINISHED).pick(rng)
        status = histories.final_status(moves)
        follow_up = status in FINISHED and rng.random() < histories.FOLLOW_UP_SHARE
        actions = (*moves, A.FOLLOW_UP) if follow_up else moves
        times = self._times(created, actions)
        c = rng.randrange(town.sizes.communities)
        resident = town.person(c, rng.randrange(town.sizes.residents_per_community))
        item = rng.choice(self.items)
        order = self._order_row(order_id, c, resident, item, created, status, times[-1])
        actors = {
            Actor.RESIDENT: town.resident_id(resident),
            Actor.STAFF: rng.choice(town.communities[c].staff_ids),
            Actor.MEMBER: None,
        }
        rows.orders.append(order)
        rows.events.append(self._event(order, A.CREATE, None, S.SUBMITTED, actors, None, created))
        steps = histories.replay(moves) + ([(status, status)] if follow_up else [])
        for action, (before, after), at in zip(actions, steps, times[1:], strict=True):
            note = self._apply(rows, order, action, actors, c, item, at)
            rows.events.append(self._event(order, action, before, after, actors, note, at))

    def _times(self, created: datetime, moves: tuple[A, ...]) -> list[datetime]:
        """When each move happened (creation first); squeezed to end before now."""
        times = [created]
        for action in moves:
            times.append(times[-1] + histories.step_gap(action, self.rng.random()))
        if times[-1] >= self.now:
            scale = (self.now - created) / (times[-1] - created) * 0.98
            times = [created + (at - created) * scale for at in times]
        return times

    def _apply(self, rows, order, action, actors, c, item, at) -> str | None:
        """The move's effect on the order row and the ledgers; returns its event's note."""
        if action in (A.DISPATCH, A.REASSIGN, A.GRAB):
            member = self._member(c)
            actors[Actor.MEMBER] = order["member_id"] = self.town.member_id(member)
            return f"派给党员 {words.person_name(member + 17)}" if action != A.GRAB else None
        if action == A.REJECT:
            order["reject_reason"] = self.rng.choice(words.REJECT_REASONS)
            return order["reject_reason"]
        if action == A.COMPLETE:
            order["completion_note"] = self.rng.choice(words.COMPLETION_NOTES)
            rows.points.append(self._credit(order, item, at))
            return order["completion_note"]
        if action == A.RATE:
            order["stars"], order["comment"] = (
                _STARS.pick(self.rng),
                self.rng.choice(words.COMMENTS),
            )
        if action == A.FOLLOW_UP:
            return self._follow_up(rows, order["id"], actors[Actor.STAFF], at)
        return None

    def _member(self, c: int) -> int:
        k = self.rng.randrange(self.town.sizes.members_per_community)
        return self.town.person(c, k - 1 if member_is_pending(k) else k)

    def _order_row(self, order_id, c, resident, item, created, status, last) -> dict:
        rng, home = self.rng, self.town.home(resident)
        source = _SOURCES.pick(rng)
        located = source == OrderSource.MINIPROGRAM and rng.random() < 0.6
        return {
            "id": order_id,
            "community_id": self.town.communities[c].id,
            "resident_id": self.town.resident_id(resident),
            "item_id": item.id,
            "kind": "wish" if rng.random() < 0.05 else "service",
            "source": source,
            "status": status,
            "description": f"{item.name}：{rng.choice(words.DETAILS)}",
            "address": f"{home.address}{rng.randint(1, 4)}单元{rng.randint(101, 1804)}室",
            "contact_name": words.person_name(resident),
            "contact_phone": words.mobile("139", resident),
            "latitude": 28.60 + rng.random() * 0.15 if located else None,
            "longitude": 115.80 + rng.random() * 0.15 if located else None,
            "photos": [],
            "grid_id": home.grid_id,
            "building_id": home.building_id,
            "member_id": None,
            "reject_reason": None,
            "completion_note": None,
            "completion_photos": [],
            "stars": None,
            "comment": None,
            "created_at": created,
            "updated_at": last,
            "respond_by": created + timedelta(hours=item.response_hours),
            "complete_by": created + timedelta(hours=item.completion_hours),
        }

    def _event(self, order, action, before, after, actors, note, at) -> dict:
        order_id, community_id = order["id"], order["community_id"]
        actor = Actor.RESIDENT if action == A.CREATE else MOVES[action].actor
        (event_id,) = self.writer.ids(OrderEvent, 1)
        return {
            "id": event_id,
            "order_id": order_id,
            "community_id": community_id,
            "action": action.value,
            "from_status": before,
            "to_status": after,
            "actor_id": actors[actor],
            "note": note,
            "at": at,
        }

    def _credit(self, order: dict, item: ItemRef, at: datetime) -> dict:
        (entry_id,) = self.writer.ids(PointsEntry, 1)
        return {
            "id": entry_id,
            "member_id": order["member_id"],
            "delta": item.points,
            "reason": PointsReason.ORDER_COMPLETED.value,
            "order_id": order["id"],
            "note": f"完成工单：{item.name}",
            "created_at": at,
        }

    def _follow_up(self, rows: _Rows, order_id: int, staff_id: int, at: datetime) -> str:
        reached = self.rng.random() < 0.85
        satisfied = (self.rng.random() < 0.9) if reached else None
        (follow_up_id,) = self.writer.ids(FollowUp, 1)
        rows.follow_ups.append(
            {
                "id": follow_up_id,
                "order_id": order_id,
                "staff_id": staff_id,
                "reached": reached,
                "satisfied": satisfied,
                "note": None,
                "created_at": at,
            }
        )
        return follow_up_outcome(reached, satisfied)
