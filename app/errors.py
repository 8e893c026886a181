"""Domain errors: what a use case refuses, with the contract's status, code and Chinese
message. They know nothing of HTTP or Flask; `app.envelope` renders them as the contract's
error envelope, and the console renders them as a page."""

from __future__ import annotations


class DomainError(Exception):
    status = 400
    code = "BAD_REQUEST"
    message = "请求有误"

    def __init__(
        self, message: str | None = None, details: dict | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(message or self.message)
        self.message = message or self.message
        self.details = details or {}
        self.headers = headers or {}


class Unauthorized(DomainError):
    status, code, message = 401, "UNAUTHORIZED", "请先登录"


class InvalidCredentials(DomainError):
    status, code, message = 401, "INVALID_CREDENTIALS", "用户名或密码错误"


class WechatCodeInvalid(DomainError):
    status, code, message = 401, "WECHAT_CODE_INVALID", "微信登录凭证无效或已过期，请重新进入小程序"


class Forbidden(DomainError):
    status, code, message = 403, "FORBIDDEN", "没有权限进行此操作"


class NotFound(DomainError):
    status, code, message = 404, "NOT_FOUND", "找不到该内容"


class Conflict(DomainError):
    status, code, message = 409, "CONFLICT", "当前状态下不能进行此操作"


class OrderStateConflict(Conflict):
    code, message = "ORDER_STATE_CONFLICT", "工单当前状态不允许此操作"


class OrderAlreadyTaken(Conflict):
    code, message = "ORDER_ALREADY_TAKEN", "该工单已被其他党员接走"


class ReopenNeedsFollowUp(Conflict):
    code = "REOPEN_NEEDS_FOLLOW_UP"
    message = "回访时居民表示不满意的工单才能重新办理，请先记录回访"


class ValidationError(DomainError):
    status, code, message = 422, "VALIDATION_ERROR", "提交的内容有误，请检查后重试"


class IdempotencyKeyReused(DomainError):
    status, code, message = 422, "IDEMPOTENCY_KEY_REUSED", "同一个幂等键不能用于不同的请求内容"


class ContentRisky(DomainError):
    status, code, message = 422, "CONTENT_RISKY", "内容含有不适宜发布的信息，请修改后再提交"


class RateLimited(DomainError):
    status, code, message = 429, "RATE_LIMITED", "操作太频繁，请稍后再试"


class WechatUnavailable(DomainError):
    status, code, message = 503, "WECHAT_UNAVAILABLE", "微信服务暂时不可用，请稍后再试"
    # WeChat's errcode when it answered one: for operators (`flask wechat check`), never shown
    # in an answer.
    errcode: int | None = None


class RegistrationExists(Conflict):
    code, message = "REGISTRATION_EXISTS", "您已提交过报到申请，请勿重复提交"


class RegistrationStateConflict(Conflict):
    code, message = "REGISTRATION_STATE_CONFLICT", "该报到申请已处理，不能重复操作"


class AlreadyMember(RegistrationStateConflict):
    message = "该用户已经是党员"


class DeliveryStateConflict(Conflict):
    code = "DELIVERY_STATE_CONFLICT"
    message = "只有发送失败的消息可以重发"


class ReviewStateConflict(Conflict):
    code, message = "REVIEW_STATE_CONFLICT", "该内容已审核过，不能重复操作"


class ServiceAlreadyConfirmed(Conflict):
    code, message = "SERVICE_ALREADY_CONFIRMED", "您今天已确认过该商户的服务，明天再来吧"


class InsufficientPoints(Conflict):
    code, message = "INSUFFICIENT_POINTS", "积分不足"


class OutOfStock(Conflict):
    code, message = "OUT_OF_STOCK", "该礼品已兑完"


class RewardNotOnOffer(Conflict):
    code, message = "REWARD_NOT_ON_OFFER", "该礼品不在兑换期内或已下架"


class RedemptionLimitReached(Conflict):
    code, message = "REDEMPTION_LIMIT_REACHED", "已达到该礼品的每人兑换上限"


class RedemptionStateConflict(Conflict):
    code, message = "REDEMPTION_STATE_CONFLICT", "该兑换当前状态不允许此操作"


class BookingConflict(Conflict):
    code, message = "BOOKING_CONFLICT", "该时段已被预约，请选择其他时间"


class BookingStateConflict(Conflict):
    code, message = "BOOKING_STATE_CONFLICT", "该预约当前状态不允许此操作"


class BookingCheckinClosed(Conflict):
    code, message = "CHECKIN_CLOSED", "不在签到时间内：开始前 15 分钟至结束前可签到"


class VenueNameTaken(Conflict):
    """Venue names are unique (the unique constraint settles two staff adding one at once);
    named on the form's name field."""

    code, message = "VENUE_NAME_TAKEN", "已有同名的场所，请换一个名称"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(details={"name": [self.message]})


class AlreadySignedUp(Conflict):
    code, message = "ALREADY_SIGNED_UP", "您已报名该活动（或已在候补名单中）"


class ActivityFull(Conflict):
    code, message = "ACTIVITY_FULL", "活动名额已满，可加入候补名单"


class ActivityStarted(Conflict):
    code, message = "ACTIVITY_STATE_CONFLICT", "活动已开始或已结束，不能再报名"


class SignupStateConflict(Conflict):
    code, message = "SIGNUP_STATE_CONFLICT", "活动开始后不能取消报名"


class NotSignedUp(Conflict):
    code, message = "NOT_SIGNED_UP", "您尚未报名该活动"


class ActivityCheckinClosed(Conflict):
    code, message = "CHECKIN_CLOSED", "不在签到时间内：活动开始前 30 分钟至结束前可签到"


class DeviceUnauthorized(DomainError):
    status, code, message = 401, "DEVICE_UNAUTHORIZED", "设备认证失败"


class DeviceExists(Conflict):
    code, message = "DEVICE_EXISTS", "该设备编号已登记"


class UnitNameTaken(Conflict):
    code, message = "UNIT_NAME_TAKEN", "已有同名的共建单位"


class CommitmentCounted(Conflict):
    """Standard 1+X kinds are counted from what the member did, never marked by hand."""

    code, message = "COMMITMENT_COUNTED", "该承诺项目按党员的实际行动自动计数，不能手工标记"


class WishesUnavailable(Conflict):
    """The catalog has no active item for wishes (`WISH_ITEM_NAME`): nothing to credit."""

    code, message = "WISHES_UNAVAILABLE", "微心愿服务暂未开放"


class SuggestionStateConflict(Conflict):
    code, message = "SUGGESTION_STATE_CONFLICT", "该意见建议已答复"


class PairingExists(Conflict):
    code, message = "PAIRING_EXISTS", "该党员已与这户居民结对"


class TeamNameTaken(Conflict):
    """A community's teams have unique names (the unique constraint settles a race)."""

    code, message = "TEAM_NAME_TAKEN", "本社区已有同名的服务团队，请换一个名称"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(details={"name": [self.message]})


class NotCommunityMember(Conflict):
    code, message = "NOT_COMMUNITY_MEMBER", "您还不是该社区已审核通过的报到党员"


class BuildingLeadExists(Conflict):
    code, message = "BUILDING_LEAD_EXISTS", "该楼栋已有党员楼栋长，请先卸任再任命"


class FeedbackCardExists(Conflict):
    """One 反馈卡 per member and period (the unique key settles two issued at once)."""

    code, message = "FEEDBACK_CARD_EXISTS", "该党员在这一期间已有反馈卡，可重新出具以更新"
