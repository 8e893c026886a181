"""What the bookings tell their booker: the decision (approved, rejected, or approved as
made for a room staff marked so), written in the decision's transaction."""

from __future__ import annotations

from app.bookings.labels import BOOKING_STATUS
from app.bookings.models import Booking, BookingStatus
from app.clock import BEIJING
from app.notifications.outbox import post
from app.notifications.templates import Event

BOOKING_PAGE = "pages/bookings/detail?id={id}"


def tell_decided(booking: Booking, weeks: int = 1) -> None:
    """`booking_decided` to the booker; a weekly series approved as made is told once."""
    room = booking.room
    place = f"{room.venue.name}{room.name}"
    when = booking.start_at.astimezone(BEIJING).strftime("%m月%d日 %H:%M")
    approved = booking.status != BookingStatus.REJECTED
    if approved:
        title = "场地预约已通过"
        repeat = f"（每周一次，共 {weeks} 次）" if weeks > 1 else ""
        body = f"您预约的{place}（{when}起{repeat}）已通过，请按时到场签到。"
    else:
        title = "场地预约未通过"
        body = f"您预约的{place}（{when}起）未通过：{booking.reason or ''}"
    key = f"booking-series:{booking.series_id}" if weeks > 1 else f"booking:{booking.id}"
    post(
        [booking.user_id],
        Event.BOOKING_DECIDED,
        key=f"{key}:decided",
        title=title,
        body=body,
        page=BOOKING_PAGE.format(id=booking.id),
        community_id=booking.community_id,
        fields={
            "thing1": place,
            "time2": booking.start_at,
            "phrase3": BOOKING_STATUS[BookingStatus(booking.status)],
            "thing4": booking.reason if not approved else booking.purpose,
        },
    )
