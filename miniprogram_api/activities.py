"""Activities (活动) for any signed-in user: the activities not yet ended, one activity,
sign up (or join the waitlist), cancel, check in, and my sign-ups."""

from __future__ import annotations

from app.activities import access, queries
from app.activities.schemas import (
    ActivityDetailSchema,
    ActivityListArgsSchema,
    ActivityPageSchema,
    CheckinInSchema,
    MySignupPageSchema,
    SignupInSchema,
    SignupSchema,
)
from app.activities.services import attendance, signups
from app.api import errors
from app.pagination import PageArgsSchema
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.bookings import in_reach
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("activities", __name__, description="活动：报名、候补、签到")


def _open(user, activity_id: int):
    return access.open_activity(activity_id)


@blp.get("/activities")
@errors(404)
@auth_required()
@blp.arguments(ActivityListArgsSchema, location="query")
@blp.response(200, ActivityPageSchema)
def list_activities(args):
    """尚未结束的活动，开始早的在前；community_id 只看该社区的。signed_up 为已占名额（不含候补）"""
    return queries.upcoming(**args)


@blp.get("/activities/<int:activity_id>")
@auth_required()
@blp.response(200, ActivityDetailSchema)
def activity_detail(activity_id):
    """活动详情，含我的报名状态 my_status"""
    return queries.activity_for(current_user(), activity_id)


@blp.post("/activities/<int:activity_id>/signup")
@errors(409)
@auth_required()
@in_reach(_open, "activity_id")
@blp.arguments(SignupInSchema)
@blp.response(201, SignupSchema)
def sign_up(data, activity_id):
    """报名：201 signed_up；409 ALREADY_SIGNED_UP（已报名或已候补）；409 ACTIVITY_FULL（已满）；
    请求体 {"waitlist": true} 时名额已满则加入候补名单（201 waitlisted），有人取消时按先后
    递补并通知；活动开始后 409 ACTIVITY_STATE_CONFLICT"""
    return signups.sign_up(current_user(), activity_id, waitlist=data["waitlist"])


@blp.post("/activities/<int:activity_id>/signup/cancel")
@errors(409)
@auth_required()
@blp.response(200, SignupSchema)
def cancel_signup(activity_id):
    """取消报名或候补：活动开始前（否则 409 SIGNUP_STATE_CONFLICT）；名额空出后由第一位候补者递补；
    从未报名 409 NOT_SIGNED_UP"""
    return signups.cancel(current_user(), activity_id)


@blp.post("/activities/<int:activity_id>/checkin")
@errors(409)
@auth_required()
@in_reach(_open, "activity_id")
@blp.arguments(CheckinInSchema)
@blp.response(200, SignupSchema)
def check_in(data, activity_id):
    """签到：{"code"} 活动签到码，或 {"latitude", "longitude"}（GCJ-02）在活动地点附近；
    开始前 30 分钟至结束前。签到码错误或不在附近 422；未报名 409 NOT_SIGNED_UP；不在签到时间
    409 CHECKIN_CLOSED；重复签到仍返回 checked_in。党员签到获得活动积分，每个活动一次"""
    return attendance.check_in(current_user(), activity_id, data)


@blp.get("/my/activities")
@auth_required()
@blp.arguments(PageArgsSchema, location="query")
@blp.response(200, MySignupPageSchema)
def my_activities(args):
    """我的报名（新的在前），含活动"""
    return queries.my_signups(current_user(), **args)
