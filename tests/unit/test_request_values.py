"""Query and form values answer like werkzeug's, without raising inside a lookup."""

from __future__ import annotations

from flask import request

from app.requests import Values


def test_values_answer_as_werkzeugs_do():
    values = Values([("limit", "5"), ("tag", "a"), ("tag", "b")])
    assert values.get("limit", type=int) == 5
    assert values.get("limit", 0, type=lambda v: int("x")) == 0  # a failed type: the default
    assert values.get("missing") is None and values.get("missing", "d") == "d"
    assert values.get("tag") == "a" and values.getlist("tag") == ["a", "b"]


def test_the_platforms_requests_use_them(app):
    with app.test_request_context("/api/v1/catalog?kind=public"):
        assert isinstance(request.args, Values) and request.args.get("kind") == "public"
