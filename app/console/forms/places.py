"""Form fields of the places on the map, merchants and venues: lists written one entry a
line, opening hours like `周一至周五 08:30-17:30`, GCJ-02 coordinates."""

from __future__ import annotations

import re

import marshmallow as ma
from marshmallow import validate

from app.geo.hours import check_entry
from app.validation import Text

HOURS = re.compile(r"^(\S.*?)\s+(\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})$")


class Lines(Text):
    """Text of up to `max_length` characters, one entry a line; empty lines are dropped."""

    def __init__(self, max_length: int, **kwargs) -> None:
        super().__init__(max_length, multiline=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text_value = super()._deserialize(value, attr, data, **kwargs)
        return [line.strip() for line in text_value.split("\n") if line.strip()]


class OpeningHours(Lines):
    """Lines like `周一至周五 08:30-17:30`, read as [{"days", "hours"}]; with `checked`, each
    must also read as days of the week and a span (app.geo.hours)."""

    def __init__(self, max_length: int, *, checked: bool = False, **kwargs) -> None:
        super().__init__(max_length, **kwargs)
        self.checked = checked

    def _deserialize(self, value, attr, data, **kwargs):
        hours = []
        for line in super()._deserialize(value, attr, data, **kwargs):
            found = HOURS.match(line)
            if found is None:
                raise ma.ValidationError(f"“{line}”应写作“周一至周五 08:30-17:30”")
            entry = {"days": found[1], "hours": found[2].replace(" ", "")}
            if self.checked:
                try:
                    check_entry(entry)
                except ValueError as error:
                    raise ma.ValidationError(str(error)) from None
            hours.append(entry)
        return hours


def latitude_field() -> ma.fields.Float:
    return ma.fields.Float(
        required=True,
        validate=validate.Range(min=-90, max=90, error="纬度应在 -90 到 90 之间"),
        error_messages={"required": "请填写纬度", "invalid": "纬度应是数字"},
    )


def longitude_field() -> ma.fields.Float:
    return ma.fields.Float(
        required=True,
        validate=validate.Range(min=-180, max=180, error="经度应在 -180 到 180 之间"),
        error_messages={"required": "请填写经度", "invalid": "经度应是数字"},
    )
