"""Demo rewards of the points mall (积分兑单): a few per demo community, cheap enough that
the walkthrough's member can redeem one with the points of one order."""

from __future__ import annotations

from app.clock import beijing_today, utcnow
from app.mall.models import Reward
from app.seed.tally import Tally

# (name, points, stock, per-person limit, description)
REWARDS = [
    ("环保购物袋", 5, 100, None, "社区定制帆布袋，凭兑换码到党群服务中心领取"),
    ("洗衣液一瓶", 20, 30, 2, "2 升装洗衣液，凭兑换码到党群服务中心领取"),
    ("理发券一张", 30, 20, 1, "社区便民理发点单次理发券"),
]
COMMUNITIES = ("demo-a", "demo-b")


def load_rewards(tally: Tally, places: dict, people: dict) -> None:
    today = beijing_today(utcnow())
    for code in COMMUNITIES:
        community, staff = places["communities"][code], people["staff"][code]
        for name, points, stock, limit, description in REWARDS:
            tally.get_or_create(
                Reward,
                {"community_id": community.id, "name": name},
                points=points,
                stock=stock,
                per_person_limit=limit,
                description=description,
                valid_from=today,
                created_by_id=staff.id,
            )
