"""Get-or-create by natural key, counting what a seed run created and what it found."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import select

from app.extensions import db


class Tally:
    def __init__(self, echo: Callable[[str], None]) -> None:
        self.echo = echo
        self.created: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self._mark = (0, 0)  # totals when the current step began

    def get_or_create(self, model, key: dict, **fields):
        """The row whose natural `key` matches, untouched; else a new one with `fields`."""
        obj = db.session.scalar(select(model).filter_by(**key))
        if obj is not None:
            self.found[model.__tablename__] += 1
            return obj
        obj = model(**key, **fields)
        db.session.add(obj)
        db.session.flush()
        self.created[model.__tablename__] += 1
        return obj

    def count(self, table: str, created: bool) -> None:
        (self.created if created else self.found)[table] += 1

    @contextmanager
    def step(self, number: int, total: int, title: str) -> Iterator[None]:
        """Announce a step, then report what it created and found."""
        self.echo(f"[{number}/{total}] {title} ...")
        yield
        created, found = sum(self.created.values()), sum(self.found.values())
        self.echo(f"    → 新建 {created - self._mark[0]} 条，已存在 {found - self._mark[1]} 条")
        self._mark = (created, found)

    def line(self, text: str) -> None:
        self.echo(f"    {text}")

    def summary(self) -> str:
        tables = sorted(set(self.created) | set(self.found))
        parts = ", ".join(f"{t} {self.created[t]}/{self.found[t]}" for t in tables)
        return (
            f"演示数据载入完成：新建 {sum(self.created.values())} 条，"
            f"已存在 {sum(self.found.values())} 条（表 新建/已存在：{parts}）"
        )
