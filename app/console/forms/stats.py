"""The 统计 page's filter: a period of Beijing days and optionally one community."""

from __future__ import annotations

import marshmallow as ma

from app.validation import PeriodArgsSchema


class PeriodFormSchema(PeriodArgsSchema):
    class Meta:
        unknown = ma.EXCLUDE
