"""Cursor pagination: `?limit=&cursor=` in, `{"items", "next_cursor"}` out.

Pages are keyset pages over the primary key, newest (highest id) first unless asked
otherwise. The cursor is the last id of the page, signed, so that a cursor the server did
not issue is refused (422)."""

from __future__ import annotations

from functools import lru_cache

import marshmallow as ma
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import Select, and_, or_

from app.errors import ValidationError
from app.extensions import db

DEFAULT_LIMIT, MAX_LIMIT = 20, 100


class PageArgsSchema(ma.Schema):
    limit = ma.fields.Integer(
        load_default=DEFAULT_LIMIT,
        validate=ma.validate.Range(min=1, max=MAX_LIMIT, error="limit 必须在 1 到 100 之间"),
    )
    cursor = ma.fields.String(validate=ma.validate.Length(max=200))


def page_schema(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    return ma.Schema.from_dict(
        {
            "items": ma.fields.List(ma.fields.Nested(item_schema)),
            "next_cursor": ma.fields.String(allow_none=True),
        },
        name=name,
    )


PAGE_CURSOR = "page-cursor-v1"


def sign_cursor(payload: object, salt: str = PAGE_CURSOR) -> str:
    """A cursor the server issues: `payload` signed with the app's key, so that a cursor it
    did not issue is refused. `salt` keeps the cursors of different lists apart."""
    return _serializer(salt).dumps(payload)


def read_cursor(cursor: str, salt: str = PAGE_CURSOR) -> object:
    """The payload of a cursor this server issued with `salt`, else a 422."""
    try:
        return _serializer(salt).loads(cursor)
    except BadSignature as exc:
        raise invalid_cursor() from exc


def invalid_cursor() -> ValidationError:
    return ValidationError(details={"cursor": ["无效的分页游标"]})


@lru_cache(maxsize=64)
def _signer(secret_key: str, salt: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt=salt)


def _serializer(salt: str) -> URLSafeSerializer:
    # Built once per key and salt: a page's cursor is signed on every list request.
    return _signer(current_app.config["SECRET_KEY"], salt)


def encode_cursor(last_id: int) -> str:
    return sign_cursor(last_id)


def decode_cursor(cursor: str) -> int:
    value = read_cursor(cursor)
    if not isinstance(value, int):
        raise invalid_cursor()
    return value


def paginate(
    stmt: Select,
    id_column,
    limit: int,
    cursor: str | None = None,
    *,
    oldest_first: bool = False,
    rows: bool = False,
    rank=None,
) -> dict:
    """Run `stmt` one page at a time by `id_column`, newest first (or `oldest_first`, for
    reference lists where a stable, natural order matters more than recency);
    returns {"items", "next_cursor"}: the objects selected, or with `rows` the result rows
    of a statement that selects columns. `rank` (rows only): an integer SQL expression
    whose higher values come first (urgent orders), newest first within each."""
    if rank is not None:
        return _ranked(stmt, id_column, limit, cursor, rank)
    if cursor:
        last_id = decode_cursor(cursor)
        stmt = stmt.where(id_column > last_id if oldest_first else id_column < last_id)
    order = id_column.asc() if oldest_first else id_column.desc()
    result = db.session.execute(stmt.order_by(order).limit(limit + 1))
    found = list(result.all() if rows else result.scalars())
    items = found[:limit]
    next_cursor = encode_cursor(getattr(items[-1], id_column.key)) if len(found) > limit else None
    return {"items": items, "next_cursor": next_cursor}


RANKED_CURSOR = "ranked-cursor-v1"


def _ranked(stmt: Select, id_column, limit: int, cursor: str | None, rank) -> dict:
    """Keyset pages over (rank, id), both descending; the cursor is the last row's pair."""
    if cursor:
        last = read_cursor(cursor, RANKED_CURSOR)
        if not (isinstance(last, list) and len(last) == 2 and all(type(v) is int for v in last)):
            raise invalid_cursor()
        last_rank, last_id = last
        stmt = stmt.where(or_(rank < last_rank, and_(rank == last_rank, id_column < last_id)))
    ordered = stmt.add_columns(rank.label("page_rank")).order_by(rank.desc(), id_column.desc())
    found = list(db.session.execute(ordered.limit(limit + 1)).all())
    items = found[:limit]
    next_cursor = None
    if len(found) > limit:
        tail = items[-1]
        next_cursor = sign_cursor([tail.page_rank, getattr(tail, id_column.key)], RANKED_CURSOR)
    return {"items": items, "next_cursor": next_cursor}
