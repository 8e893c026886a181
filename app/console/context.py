"""What every console page needs: the navigation and the signed-in user's scope."""

from __future__ import annotations

from flask import current_app, g, request

from app.accounts.models import Role
from app.bookings.queries import pending_count as pending_bookings
from app.cache import answers, register
from app.console.blueprint import bp
from app.console.read_models.inbox import unread_count
from app.devices.queries import waiting_count as waiting_devices
from app.extensions import db
from app.moderation.queries import pending_count as pending_reviews
from app.org.models import Community, Street

# (endpoint, label, endpoint prefix that marks the item active; the longest match wins)
NAV = [
    ("console.dashboard", "工作台", "console.dashboard"),
    ("console.orders", "工单", "console.order"),
    ("console.order_new", "代点单", "console.order_new"),
    ("console.devices", "一键通", "console.device"),
    ("console.members", "党员", "console.member"),
    ("console.duties_checkins", "报到", "console.duties"),
    ("console.merchants", "商户", "console.merchant"),
    ("console.venues", "场所", "console.venue"),
    ("console.content_reviews", "内容审核", "console.content_review"),
    ("console.announcements", "红喇叭", "console.announcements"),
    ("console.rewards_list", "积分商城", "console.reward"),
    ("console.redemptions", "兑换核销", "console.redemption"),
    ("console.bookings", "预约", "console.booking"),
    ("console.activities", "活动", "console.activit"),
    ("console.outbox", "消息发送", "console.outbox"),
    ("console.inbox", "我的消息", "console.inbox"),
]
# The first page of each group after the first: orders, people, content, points, messages.
NAV_GROUP_STARTS = frozenset(
    {"console.members", "console.content_reviews", "console.rewards_list", "console.outbox"}
)
# The name of each scope, shown on every page: kept until a street or community is renamed.
SCOPE_LABELS = register("console_scope_labels", [Street, Community])


@bp.context_processor
def console_context() -> dict:
    items = [item for item in NAV if item[0] in current_app.view_functions]
    endpoint = request.endpoint or ""
    matches = [item for item in items if endpoint.startswith(item[2])]
    active = max(matches, key=lambda item: len(item[2]))[0] if matches else None
    return {
        "nav_items": items,
        "active_nav": active,
        "nav_group_starts": NAV_GROUP_STARTS,
        "scope_label": _scope_label(g.get("current_user")),
        "nav_badges": _badges(g.get("current_user")),
        "badge_titles": BADGE_TITLES,
    }


BADGE_TITLES = {
    "console.content_reviews": "待处理",
    "console.devices": "待响应的一键通求助与失联设备",
    "console.bookings": "待审核的预约",
    "console.inbox": "未读消息",
}


def _badges(user) -> dict[str, int]:
    """The number waiting behind a navigation item, where something waits."""
    if user is None:
        return {}
    return {
        "console.devices": waiting_devices(user),
        "console.content_reviews": pending_reviews(user),
        "console.bookings": pending_bookings(user),
        "console.inbox": unread_count(user.id),
    }


def _scope_label(user) -> str:
    if user is None:
        return ""
    admin = user.role(Role.STREET_ADMIN)
    staff = user.role(Role.STAFF)
    key = f"street:{admin.street_id}" if admin else f"community:{staff and staff.community_id}"
    return answers().fetch(SCOPE_LABELS, key, lambda: _label(admin, staff))


def _label(admin, staff) -> str:
    if admin:
        street = db.session.get(Street, admin.street_id)
        return f"{street.name if street else ''} 街道管理员"
    community = db.session.get(Community, staff.community_id) if staff else None
    return community.name if community else ""
