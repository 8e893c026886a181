"""The console's activity forms: the create and edit form (times typed as Beijing local
times in datetime-local inputs), and the list's query string."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.activities.labels import AUDIENCE
from app.activities.queries import TABS
from app.activities.rules import MAX_WEEKS
from app.clock import BEIJING
from app.console.forms.mall import _count
from app.pagination import PageArgsSchema
from app.validation import photo_url, text, text_id


def _local_time(required: str) -> ma.fields.NaiveDateTime:
    return ma.fields.NaiveDateTime(
        format="%Y-%m-%dT%H:%M",
        required=True,
        error_messages={"invalid": "请填写日期和时间", "required": required},
    )


class ActivityFormSchema(ma.Schema):
    """Every field of the form; an optional one left empty is cleared (None)."""

    CLEARABLE = ("venue_id", "address", "cover_url")

    title = text(50, required=True, error_messages={"required": "请填写活动名称"})
    description = text(
        2000, multiline=True, required=True, error_messages={"required": "请填写活动介绍"}
    )
    community_id = text_id()
    start = _local_time("请填写开始时间")
    end = _local_time("请填写结束时间")
    capacity = _count(1, "名额应大于 0", required=True, error_messages={"required": "请填写名额"})
    points = _count(0, "积分不能为负数", load_default=0)
    venue_id = text_id()
    address = text(200)
    cover_url = photo_url()
    tags = ma.fields.List(text(20), load_default=list)
    audience = ma.fields.String(validate=validate.OneOf(list(AUDIENCE)), load_default="all")
    repeat_weeks = ma.fields.Integer(
        validate=validate.Range(1, MAX_WEEKS, error=f"每周重复次数应在 1 到 {MAX_WEEKS} 之间"),
        load_default=1,
    )
    announce = ma.fields.Boolean(load_default=False)

    @ma.post_load
    def in_beijing(self, data: dict, **kwargs) -> dict:
        for name in ("start", "end"):
            data[name] = data[name].replace(tzinfo=BEIJING)
        if data["end"] <= data["start"]:
            raise ma.ValidationError("结束时间应晚于开始时间", "end")
        return dict.fromkeys(self.CLEARABLE) | data


class ActivityListArgsSchema(PageArgsSchema):
    tab = ma.fields.String(validate=validate.OneOf(TABS), load_default="upcoming")
    community_id = text_id()
