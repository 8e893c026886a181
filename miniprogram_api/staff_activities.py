"""Activities for staff of the activity's community: publish (once or weekly), change, the
list, and the check-in code's QR image."""

from __future__ import annotations

from flask import current_app

from app.accounts.models import STAFF_ROLES
from app.activities import access, queries
from app.activities.schemas import (
    ActivityFieldsSchema,
    ActivityInSchema,
    StaffActivityArgsSchema,
    StaffActivityPageSchema,
    StaffActivitySchema,
)
from app.activities.services import publish
from app.api import errors
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.bookings import in_reach
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("staff_activities", __name__, description="活动：发布与管理")


@blp.post("/staff/activities")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(ActivityInSchema)
@blp.response(201, StaffActivitySchema)
def create_activity(data):
    """发布活动（含签到码 checkin_code）：场所 venue_id（本社区的）或地点 address；repeat_weeks
    每周同一时段发布多次（一次全部发布）；默认通过红喇叭向活动对象 audience 发布公告"""
    return publish.publish(current_user(), data)


@blp.patch("/staff/activities/<int:activity_id>")
@auth_required(*STAFF_ROLES)
@in_reach(access.managed_activity, "activity_id")
@blp.arguments(ActivityFieldsSchema)
@blp.response(200, StaffActivitySchema)
def update_activity(data, activity_id):
    """修改尚未结束的活动；名额不能少于已报名人数，增加的名额按先后由候补者递补"""
    return publish.revise(current_user(), activity_id, data)


@blp.get("/staff/activities")
@errors(404)
@auth_required(*STAFF_ROLES)
@blp.arguments(StaffActivityArgsSchema, location="query")
@blp.response(200, StaffActivityPageSchema)
def list_activities(args):
    """本社区的活动：tab 为 upcoming 即将开始（开始早的在前）、ongoing 进行中、ended 已结束"""
    return queries.staff_activities(current_user(), **args)


@blp.get("/staff/activities/<int:activity_id>/checkin-qr.png")
@auth_required(*STAFF_ROLES)
@blp.response(200, content_type="image/png")
def checkin_qr(activity_id):
    """活动签到码的二维码图片（PNG），供投屏或打印张贴"""
    png = queries.checkin_qr_png(current_user(), activity_id)
    return current_app.response_class(png, mimetype="image/png")
