"""Demo 微心愿, 意见建议 and 结对: wishes in every state of their loop (some fulfilled, for the
wall), suggestions answered and not, and a pairing with its visits. Each is found by its
natural key (the resident and text; the author and text; the member and household)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.auth.permissions import member_community_id
from app.clock import beijing_today, utcnow
from app.extensions import db
from app.orders.models import Order
from app.orders.residents import offline_resident
from app.pairings.models import Pairing, PairingVisit
from app.seed.people import create_demo_order
from app.seed.tally import Tally
from app.suggestions.models import Suggestion, SuggestionStatus
from app.wishes.models import WISH_KIND, Wish

WISH_ITEM = ("volunteer", "助学帮困", "点亮微心愿")
_LOOP = ["approve", "publish", "grab", "complete"]
# resident, community, description, value (yuan), actions, member, whether named on the wall
WISHES = [
    (
        "resident-a1",
        "demo-a",
        "孙子上小学了，想要一个新书包。",
        80,
        [*_LOOP, "rate"],
        "member-a1",
        True,
    ),
    (
        "resident-a2",
        "demo-a",
        "想要一台收音机，每天听听新闻和戏曲。",
        120,
        _LOOP,
        "member-a2",
        False,
    ),
    (
        "resident-a1",
        "demo-a",
        "冬天到了，想要一床厚棉被。",
        150,
        ["approve", "publish"],
        None,
        False,
    ),
    ("resident-a2", "demo-a", "想要一副老花镜，看报纸方便些。", 50, [], None, False),
    (
        "resident-b1",
        "demo-b",
        "想给孩子买一套课外读物。",
        100,
        [*_LOOP, "rate"],
        "member-b2",
        False,
    ),
]
# author, community, text, answer (None: not answered yet)
SUGGESTIONS = [
    (
        "resident-a1",
        "demo-a",
        "建议在小区门口增设电动车充电桩，现在飞线充电很危险。",
        "已联系物业，充电桩将于下月安装完毕。",
    ),
    ("member-a1", "demo-a", "3 栋楼道的声控灯经常不亮，建议统一更换。", None),
    ("resident-b1", "demo-b", "建议周末开放社区活动室，方便孩子们看书。", None),
]
# member, household (name, phone), address, visits (days ago, note)
PAIRINGS = [
    (
        "member-a1",
        ("赵秀英", "13907910101"),
        "东湖区百花洲路3号1栋102",
        [
            (9, "上门了解老人身体状况，帮助整理了常用药品。"),
            (2, "陪老人聊天，检查了家中燃气灶和电线。"),
        ],
    ),
]


def load_neighbours(tally: Tally, places: dict, items: dict, people: dict) -> None:
    for resident, community, text, value, actions, member, named in WISHES:
        _wish(
            tally, places, items, people, resident, community, text, value, actions, member, named
        )
    for author, community, text, answer in SUGGESTIONS:
        _suggestion(tally, places, people, author, community, text, answer)
    for member, (name, phone), address, visits in PAIRINGS:
        _pairing(tally, people["users"][member], name, phone, address, visits)
    tally.line(f"微心愿 {len(WISHES)} 个，意见建议 {len(SUGGESTIONS)} 条，结对 {len(PAIRINGS)} 对")


def _wish(tally, places, items, people, resident, community, text, value, actions, member, named):
    user = people["users"][resident]
    found = db.session.scalar(
        select(Order.id).where(Order.resident_id == user.id, Order.description == text)
    )
    tally.count(Wish.__tablename__, created=found is None)
    if found is not None:
        return
    spec = {"resident": resident, "community": community, "item": WISH_ITEM, "kind": WISH_KIND}
    spec |= {"actions": actions, "member": member, "place": (0, 0), "days_ago": 5}
    spec |= {"description": text, "stars": 5, "completion_note": "心愿已送到居民手中。"}
    order = create_demo_order(tally, spec, places, items, people)
    db.session.add(
        Wish(
            order_id=order.id,
            community_id=order.community_id,
            value_yuan=value,
            show_member_name=named,
        )
    )


def _suggestion(tally, places, people, author, community, text, answer) -> None:
    staff = people["staff"][community]
    answered = {"status": SuggestionStatus.ANSWERED, "answer": answer, "answered_by_id": staff.id}
    tally.get_or_create(
        Suggestion,
        {"author_id": people["users"][author].id, "text": text},
        community_id=places["communities"][community].id,
        **(answered | {"answered_at": utcnow()} if answer else {}),
    )


def _pairing(tally, member, name, phone, address, visits) -> None:
    resident = offline_resident(name, phone)
    pairing = tally.get_or_create(
        Pairing,
        {"member_id": member.id, "resident_id": resident.id},
        community_id=member_community_id(member),
        address=address,
        created_by_id=member.id,
    )
    today = beijing_today(utcnow())
    for days_ago, note in visits:
        tally.get_or_create(
            PairingVisit,
            {"pairing_id": pairing.id, "note": note},
            member_id=member.id,
            visited_on=today - timedelta(days=days_ago),
        )
