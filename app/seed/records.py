"""A demo 反馈卡: the demo member's card for the first half of this year, issued by the
demo community's staff, so that the unit account (demo-unit) has one to download."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

# Every model mapped first: the counters' modules build aliased queries when imported, and the
# seed is imported before the app (and app.models) in the seed's tests.
import app.models  # noqa: F401
from app.clock import beijing_today, utcnow
from app.extensions import db
from app.members.models import MemberProfile
from app.records.facts import facts_of
from app.records.models import Evaluation, FeedbackCard
from app.seed.tally import Tally

MEMBER, STAFF = "member-a1", "demo-a"  # the member and the community whose staff issue it
COMMENT = "报到以来积极参加社区组织活动，认真兑现“1+X”承诺，服务群众热情主动，居民评价良好。"


def load_records(tally: Tally, places: dict, people: dict) -> None:
    member = people["users"][MEMBER]
    year = beijing_today(utcnow()).year
    start, end = date(year, 1, 1), date(year, 6, 30)
    key = {"member_id": member.id, "period_start": start, "period_end": end}
    if db.session.scalar(select(FeedbackCard.id).filter_by(**key)) is not None:
        tally.count(FeedbackCard.__tablename__, created=False)
        return
    profile = db.session.scalars(
        select(MemberProfile).where(MemberProfile.user_id == member.id)
    ).one()
    tally.get_or_create(
        FeedbackCard,
        key,
        community_id=profile.community_id,
        unit_id=profile.unit_id,
        member_name=profile.name,
        unit_name=profile.unit_name,
        facts=facts_of({member.id}, start, end)[member.id],
        evaluation=Evaluation.EXCELLENT.value,
        comment=COMMENT,
        issued_by_id=people["staff"][STAFF].id,
    )
    tally.line(f"{profile.name} {year} 年上半年的反馈卡（优秀），送达 {profile.unit_name}")
