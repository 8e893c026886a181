"""The dispatch console (`/console/`): server-rendered pages for community staff (两委) and
street admins. Views call the same services as the mini-program API; the pages' read models
are in `read_models/`, their form schemas in `forms/`."""

from app.console import (  # noqa: F401
    activities,
    activity_export,
    announcements,
    auth,
    bookings,
    commitments,
    content_reviews,
    context,
    dashboard,
    devices,
    duties,
    duty_leads,
    duty_wall,
    errors,
    feedback_cards,
    filters,
    inbox,
    ledgers,
    member_points,
    member_record,
    members,
    merchant_ranking,
    merchants,
    order_detail,  # each registers its routes
    order_new,
    orders_list,
    outbox,
    pairings,
    redemption_export,
    redemptions,
    rewards,
    rooms,
    stats,
    suggestions,
    teams,
    unit_members,
    units,
    uploads,
    venues,
)
from app.console.blueprint import bp

__all__ = ["bp"]
