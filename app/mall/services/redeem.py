"""A redemption with an `Idempotency-Key`, by the same rules as `POST /orders`: a replay of
the same request answers with the first redemption, the same key for another reward is
refused, and the key's unique constraint settles two redemptions racing with one key."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table

from app.accounts.models import User
from app.clock import utcnow
from app.errors import Conflict
from app.extensions import db
from app.idempotency import claim_statement, cutoff, live_target, request_hash
from app.mall.models import Redemption, RedemptionKey
from app.mall.spending import redeem
from app.transaction import use_case

KEYS = cast(Table, RedemptionKey.__table__)


@use_case
def redeem_reward(actor: User, reward_id: int, idempotency_key: str | None = None) -> Redemption:
    if idempotency_key is None:
        return redeem(actor, reward_id)
    hashed = request_hash({"reward_id": reward_id})
    replay = _replay(actor, idempotency_key, hashed)
    if replay is not None:
        return replay
    claim = {"user_id": actor.id, "key": idempotency_key, "request_hash": hashed}
    claim |= {"now": utcnow(), "cutoff": cutoff()}
    try:
        with db.session.begin_nested():
            redemption = redeem(actor, reward_id)
            claim["redemption_id"] = redemption.id
            stmt = claim_statement(KEYS, "redemption_id", db.engine.dialect.name)
            if db.session.execute(stmt, claim).first():
                return redemption
            raise _KeyIsLive()  # leaving the block rolls this redemption back
    except _KeyIsLive:
        pass
    except Conflict:
        # Refused (no stock left, no points): a concurrent call with this key may have taken
        # them, and then its redemption is the answer.
        replay = _replay(actor, idempotency_key, hashed)
        if replay is None:
            raise
        return replay
    replay = _replay(actor, idempotency_key, hashed)
    if replay is None:
        raise Conflict("提交冲突，请重试")
    return replay


class _KeyIsLive(Exception):
    """A concurrent redemption with this key won it: undo this one, answer with that one."""


def _replay(actor: User, key: str, hashed: str) -> Redemption | None:
    redemption_id = live_target(KEYS, "redemption_id", actor.id, key, hashed)
    return db.session.get(Redemption, redemption_id) if redemption_id is not None else None
