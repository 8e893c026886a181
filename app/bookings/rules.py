"""What a booking must be, beside free: in the future, 30 minutes to 8 hours, no more
people than the room holds, inside the venue's opening hours every week it repeats, and on
a behalf the booker may speak for. Each refusal is a 422 naming its field."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from app.accounts.models import User
from app.bookings.models import Behalf
from app.clock import BEIJING
from app.errors import ValidationError
from app.extensions import db
from app.members.models import MemberProfile, RegistrationStatus
from app.merchants.models import Merchant
from app.venues.hours import open_throughout
from app.venues.rooms import VenueRoom

SHORTEST = timedelta(minutes=30)
LONGEST = timedelta(hours=8)
MAX_WEEKS = 12
Slot = tuple[datetime, datetime]


def weekly(start: datetime, end: datetime, weeks: int) -> list[Slot]:
    """The slot and the same slot in each of the following weeks, `weeks` in all."""
    return [(start + timedelta(weeks=k), end + timedelta(weeks=k)) for k in range(weeks)]


def day_of(slot: Slot) -> date:
    return slot[0].astimezone(BEIJING).date()


def check(room: VenueRoom, slots: list[Slot], attendees: int, now: datetime) -> None:
    start, end = slots[0]
    if start <= now:
        raise ValidationError(details={"start": ["不能预约已经过去的时间"]})
    if end - start < SHORTEST:
        raise ValidationError(details={"end": ["预约时长不能少于 30 分钟"]})
    if end - start > LONGEST:
        raise ValidationError(details={"end": ["预约时长不能超过 8 小时"]})
    if attendees > room.capacity:
        message = f"超过房间容纳人数（{room.capacity} 人）"
        raise ValidationError(details={"attendees": [message]})
    closed = [day_of(s).isoformat() for s in slots if not open_throughout(room.venue, *s)]
    if closed:
        details: dict[str, list[str]] = {"start": ["不在场所开放时间内"]}
        if len(slots) > 1:
            details["dates"] = closed
        raise ValidationError("所选时段不在场所开放时间内", details=details)


def behalf_name(actor: User, behalf: str) -> str | None:
    """The unit's or the shop's name a booking is made for; 422 unless the booker is an
    approved member (for their unit) or a merchant's account (for its shop)."""
    if behalf == Behalf.SELF:
        return None
    if behalf == Behalf.UNIT:
        name = db.session.scalar(
            select(MemberProfile.unit_name).where(
                MemberProfile.user_id == actor.id,
                MemberProfile.status == RegistrationStatus.APPROVED,
            )
        )
        message = "只有已报到的党员可以代表共建单位预约"
    else:
        name = db.session.scalar(
            select(Merchant.name).where(Merchant.account_id == actor.id, Merchant.is_active)
        )
        message = "只有商户账号可以代表商户预约"
    if name is None:
        raise ValidationError(details={"on_behalf_of": [message]})
    return name
