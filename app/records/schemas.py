"""The API's schemas of the 反馈卡 (they are its OpenAPI document)."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from app.pagination import page_schema
from app.records.labels import EVALUATION_LABELS
from app.records.models import Evaluation
from app.validation import text

EVALUATIONS = "、".join(f"{e.value} {label}" for e, label in EVALUATION_LABELS.items())


class CardJudgementSchema(ma.Schema):
    """What staff decide: the evaluation and the comment (a reissue sends only these)."""

    evaluation = ma.fields.String(
        required=True,
        validate=validate.OneOf([e.value for e in Evaluation], error="请选择社区评价"),
        metadata={"description": EVALUATIONS},
    )
    comment = text(500, multiline=True, required=True, metadata={"description": "社区评语"})


class CardInSchema(CardJudgementSchema):
    start = ma.fields.Date(
        data_key="from", required=True, metadata={"description": "期间起（含，北京时间）"}
    )
    end = ma.fields.Date(
        data_key="to", required=True, metadata={"description": "期间止（含，北京时间）"}
    )

    @ma.validates_schema
    def ordered(self, data: dict, **kwargs) -> None:
        if "start" in data and "end" in data and data["start"] > data["end"]:
            raise ma.ValidationError("开始日期不能晚于结束日期", "from")
        if "start" in data and "end" in data and (data["end"] - data["start"]).days > 366:
            raise ma.ValidationError("期间最长一年", "to")


class CardSchema(ma.Schema):
    id = ma.fields.Integer()
    member_id = ma.fields.Integer()
    member_name = ma.fields.String()
    community_id = ma.fields.Integer()
    unit_id = ma.fields.Integer(allow_none=True, metadata={"description": "出具时的共建单位"})
    unit_name = ma.fields.String()
    start = ma.fields.Date(data_key="from", attribute="period_start")
    end = ma.fields.Date(data_key="to", attribute="period_end")
    evaluation = ma.fields.String(metadata={"description": EVALUATIONS})
    evaluation_label = ma.fields.Function(lambda card: EVALUATION_LABELS[card.evaluation])
    comment = ma.fields.String()
    facts = ma.fields.Dict(
        metadata={
            "description": "出具时冻结的履职情况：orders_completed、activities、reports、"
            "wishes、suggestions、visits、points、ratings、average_rating、"
            "commitments（当年 1+X 各项 done/target/kept）、commitments_kept"
        }
    )
    revision = ma.fields.Integer(metadata={"description": "第几次出具（重新出具加一）"})
    issued_by_id = ma.fields.Integer()
    issued_at = ma.fields.DateTime()


CardPageSchema = page_schema(CardSchema, "FeedbackCardPage")
