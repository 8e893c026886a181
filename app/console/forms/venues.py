"""The console's venue form: the API's rules (app.venues.schemas) for each field, with the
lists written one entry a line: services, facilities, opening hours, closed dates
(`2027-01-01 元旦`) and photo URLs (which the photo field posts so). Every field is sent, so an
emptied one is cleared."""

from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import validate

from app.console.forms.places import Lines, OpeningHours, latitude_field, longitude_field
from app.validation import photo_list, text, text_id
from app.venues.models import VenueType
from app.venues.schemas import MAX_CLOSED_DATES, MAX_ITEMS, ClosedDateSchema, IntroHtml

CLOSED_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s+(.+))?$")


class LimitedLines(Lines):
    """Lines, at most `items` of them."""

    def __init__(self, max_length: int, items: int, **kwargs) -> None:
        super().__init__(max_length, **kwargs)
        self.items = items

    def _deserialize(self, value, attr, data, **kwargs):
        lines = super()._deserialize(value, attr, data, **kwargs)
        if len(lines) > self.items:
            raise ma.ValidationError(f"最多 {self.items} 行")
        return lines


class ClosedDates(LimitedLines):
    """Lines like `2027-01-01 元旦`, read as [{"date", "reason"}]."""

    def _deserialize(self, value, attr, data, **kwargs):
        dates = []
        for line in super()._deserialize(value, attr, data, **kwargs):
            found = CLOSED_DATE.match(line)
            if found is None:
                raise ma.ValidationError(f"“{line}”应写作“2027-01-01 元旦”")
            given = {"date": found[1], **({"reason": found[2]} if found[2] else {})}
            try:
                dates.append(ClosedDateSchema().load(given))
            except ma.ValidationError as error:
                problem = "不是有效的日期" if "date" in error.messages else "的原因最多 50 字"
                raise ma.ValidationError(f"“{found[1]}”{problem}") from None
        return dates


class PhotoLines(Lines):
    """Photo URLs one a line (as the photo field posts them), under the API's photo rules."""

    def _deserialize(self, value, attr, data, **kwargs):
        lines = super()._deserialize(value, attr, data, **kwargs)
        try:
            return photo_list().deserialize(lines)
        except ma.ValidationError as error:
            messages = error.messages
            if isinstance(messages, dict):  # {index: [message]}: name the line
                messages = [f"第 {int(i) + 1} 行：{m[0]}" for i, m in messages.items()]
            raise ma.ValidationError(messages) from None


class VenueFormSchema(ma.Schema):
    name = text(100, required=True, error_messages={"required": "请填写场所名称"})
    type = ma.fields.String(
        required=True,
        validate=validate.OneOf([t.value for t in VenueType], error="请选择类型"),
        error_messages={"required": "请选择类型"},
    )
    community_id = text_id(required=True, error_messages={"required": "请选择社区"})
    address = text(200, required=True, error_messages={"required": "请填写地址"})
    latitude = latitude_field()
    longitude = longitude_field()
    phone = text(30, load_default=None)
    services = LimitedLines(1500, MAX_ITEMS, load_default=list)
    facilities = LimitedLines(1500, MAX_ITEMS, load_default=list)
    opening_hours = OpeningHours(1000, checked=True, load_default=list)
    closed_dates = ClosedDates(5000, MAX_CLOSED_DATES, load_default=list)
    closed_on_holidays = ma.fields.Boolean(load_default=False)
    description = text(2000, load_default="")
    intro_html = IntroHtml(load_default="")
    photos = PhotoLines(6000, load_default=list)
