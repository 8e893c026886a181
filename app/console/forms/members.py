"""The console's member forms: the registration queue's and the roster's query strings,
and the reject form."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.members.models import RegistrationStatus
from app.pagination import PageArgsSchema
from app.validation import text, text_id


class ScopeArgsSchema(PageArgsSchema):
    class Meta:
        unknown = ma.EXCLUDE  # a stray query arg is no reason to refuse a list page

    community_id = text_id()


class QueueArgsSchema(ScopeArgsSchema):
    status = ma.fields.String(
        load_default=RegistrationStatus.PENDING.value,
        validate=validate.OneOf([s.value for s in RegistrationStatus]),
    )


class RosterArgsSchema(ScopeArgsSchema):
    q = text(50)


REJECT_PRESETS = ("介绍信信息有误", "不属于本社区", "重复报到", "工作单位信息不符")


class RegistrationRejectFormSchema(ma.Schema):
    """The console's reject form: a common reason, a written one, or both (joined)."""

    preset = ma.fields.String(validate=validate.OneOf(REJECT_PRESETS, error="请从列表中选择"))
    reason = text(200)

    @ma.post_load
    def joined_reason(self, data: dict, **kwargs) -> dict:
        reason = "：".join(part for part in (data.get("preset"), data.get("reason")) if part)
        if not reason:
            raise ma.ValidationError("请选择常用理由或填写驳回理由", "reason")
        if len(reason) > 200:
            raise ma.ValidationError("驳回理由连同常用理由最多 200 字", "reason")
        return {"reason": reason}
