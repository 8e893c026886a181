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
# The navigation, in groups: orders, people, places, content, points, messages.
NAV_GROUPS = [
    [
        ("console.dashboard", "工作台", "console.dashboard"),
        ("console.stats", "统计", "console.stats"),
        ("console.orders", "工单", "console.order"),
        ("console.order_new", "代点单", "console.order_new"),
        ("console.devices", "一键通", "console.device"),
    ],
    [
        ("console.members", "党员", "console.member"),
        ("console.duties_checkins", "报到", "console.duties"),
        ("console.units", "共建单位", "console.unit"),
        ("console.commitments", "1+X 承诺", "console.commitment"),
        ("console.teams", "团队", "console.team"),
        ("console.pairings", "结对帮扶", "console.pairing"),
        ("console.ledgers_page", "台账", "console.ledgers"),
    ],
    [
        ("console.venues", "场所", "console.venue"),
        ("console.bookings", "预约", "console.booking"),
        ("console.activities", "活动", "console.activit"),
        ("console.merchants", "商户", "console.merchant"),
    ],
    [
        ("console.content_reviews", "内容审核", "console.content_review"),
        ("console.suggestions", "意见建议", "console.suggestion"),
        ("console.announcements", "红喇叭", "console.announcements"),
    ],
    [
        ("console.rewards_list", "积分商城", "console.reward"),
        ("console.redemptions", "兑换核销", "console.redemption"),
    ],
    [
        ("console.outbox", "消息发送", "console.outbox"),
        ("console.inbox", "我的消息", "console.inbox"),
    ],
]
NAV = [item for group in NAV_GROUPS for item in group]
# What a co-building unit's account sees (app/console/unit_members.py): its members only.
UNIT_NAV = [("console.unit_members", "本单位党员", "console.unit_member")]
# The name of each scope, shown on every page: kept until a street or community is renamed.
SCOPE_LABELS = register("console_scope_labels", [Street, Community])


@bp.context_processor
def console_context() -> dict:
    user = g.get("current_user")
    unit = user is not None and user.has_role(Role.UNIT)
    groups = [
        [item for item in group if item[0] in current_app.view_functions]
        for group in ([UNIT_NAV] if unit else NAV_GROUPS)
    ]
    items = [item for group in groups for item in group]
    endpoint = request.endpoint or ""
    matches = [item for item in items if endpoint.startswith(item[2])]
    active = max(matches, key=lambda item: len(item[2]))[0] if matches else None
    return {
        "nav_groups": [group for group in groups if group],
        "active_nav": active,
        "scope_label": "共建单位" if unit else _scope_label(user),
        "nav_badges": {} if unit else _badges(user),
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
