"""Form handling for console pages: marshmallow schemas parse forms and query strings, with
the API's rules; the schemas themselves are in this package, one module per page group."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import marshmallow as ma
from flask import request
from werkzeug.datastructures import MultiDict

from app.errors import DomainError, ValidationError

T = TypeVar("T")


def parse_form(
    schema: ma.Schema, form: MultiDict, list_fields: tuple[str, ...] = ()
) -> tuple[dict, dict]:
    """(data, {}) when the form is valid, else ({}, {field: [messages]}). Empty inputs count
    as not given; `list_fields` are read with getlist. The CSRF token is not data. Browsers
    send a textarea's line breaks as \\r\\n; the API's text rules allow \\n only."""
    raw: dict = {}
    for key in form:
        if key == "csrf_token":
            continue
        if key in list_fields:
            raw[key] = [v for v in form.getlist(key) if v.strip()]
        elif form.get(key, "").strip() != "":
            raw[key] = form.get(key, "").replace("\r\n", "\n")
    try:
        return schema.load(raw), {}
    except ma.ValidationError as error:
        return {}, error.normalized_messages()


def errors_of(error: DomainError) -> dict:
    """A domain error as form errors: its field details, or one message for the whole form."""
    if error.details and all(isinstance(v, list) for v in error.details.values()):
        return dict(error.details)
    return {"_form": [error.message]}


def run_query(schema: ma.Schema, use_case: Callable[[dict], T]) -> tuple[dict, dict, T | None]:
    """Parse the query string with `schema`, then run `use_case(data)`: (data, errors,
    result). A filter the service refuses (out of the user's scope) is an error too."""
    data, errors = parse_form(schema, request.args)
    if errors:
        return data, errors, None
    try:
        return data, {}, use_case(data)
    except ValidationError as error:
        return data, errors_of(error), None


def query_args(schema: ma.Schema) -> dict:
    """The page's query string parsed with `schema`; a bad one is a 422 page."""
    data, errors = parse_form(schema, request.args)
    if errors:
        raise ValidationError(details=errors)
    return data
