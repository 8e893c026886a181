"""Login (WeChat for residents and members, password for staff) and `/me`."""

from flask_limiter.util import get_remote_address

from app.accounts import services
from app.accounts.schemas import LoginResultSchema, MeSchema, StaffLoginSchema, WechatLoginSchema
from app.limits import staff_login_limit, wechat_login_limit
from app.members.queries import ME, profile
from miniprogram_api.blueprint import Blueprint
from miniprogram_api.ready import own_answer
from miniprogram_api.security import auth_required, current_user

blp = Blueprint("auth", __name__, description="登录与当前用户")


@blp.post("/auth/wechat")
@wechat_login_limit
@blp.arguments(WechatLoginSchema)
@blp.response(200, LoginResultSchema)
@blp.alt_response(401, description="WECHAT_CODE_INVALID：code 无效或已使用")
@blp.alt_response(503, description="WECHAT_UNAVAILABLE：微信服务失败或 5 秒内无响应")
@blp.alt_response(429, description="RATE_LIMITED：登录太频繁")
def wechat_login(payload):
    """小程序登录：用 wx.login() 的 code 换取 token（首次登录即注册为居民）"""
    return services.login_with_wechat(payload["code"])


@blp.post("/auth/staff")
@staff_login_limit
@blp.arguments(StaffLoginSchema)
@blp.response(200, LoginResultSchema)
@blp.alt_response(401, description="INVALID_CREDENTIALS：用户名或密码错误")
@blp.alt_response(429, description="RATE_LIMITED：登录太频繁，或同一用户名从同一地址连续输错密码")
def staff_login(payload):
    """社区工作人员 / 街道管理员用户名密码登录（商户、共建单位账号同样使用）"""
    return services.login_staff(payload["username"], payload["password"], get_remote_address())


@blp.get("/me")
@auth_required()
@own_answer(ME)
@blp.response(200, MeSchema)
def me():
    """当前用户：角色、所在社区、党员报到状态、工作人员管理范围"""
    return profile(current_user())
