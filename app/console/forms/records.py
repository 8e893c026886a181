"""The console's forms of the records: issuing a 反馈卡, and a ledger's period."""

from __future__ import annotations

import marshmallow as ma

from app.records.schemas import CardInSchema
from app.validation import text_id


class CardFormSchema(CardInSchema):
    """The API's rules, read from the member page's form."""


class LedgerArgsSchema(ma.Schema):
    class Meta:
        unknown = ma.EXCLUDE

    start = ma.fields.Date(
        data_key="from", required=True, error_messages={"required": "请选择开始日期"}
    )
    end = ma.fields.Date(
        data_key="to", required=True, error_messages={"required": "请选择结束日期"}
    )
    community_id = text_id()

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if "start" in data and "end" in data and data["start"] > data["end"]:
            raise ma.ValidationError("开始日期不能晚于结束日期", "from")
