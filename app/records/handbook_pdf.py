"""The 纪实手册 as a PDF: the member's profile and unit, each year's 1+X with progress, the
orders completed (date, item, rating), activities attended, 微心愿, visits and 反馈卡."""

from __future__ import annotations

from app.records.labels import EVALUATION_LABELS
from app.records.models import Evaluation
from app.records.pdf import Styles, build, day, spacer

TITLE = "在职党员服务纪实手册"


def handbook_pdf(record: dict) -> bytes:
    s = Styles()
    profile = record["profile"]
    story = [
        s.p(TITLE, s.title),
        s.p(f"{record['community_name']} · 一站一库一册两台账", s.subtitle),
        spacer(6),
        s.table(
            [
                ("姓名", profile.name, "工作单位", profile.unit_name),
                ("报到社区", record["community_name"], "介绍信编号", profile.letter_no),
                ("报到时间", day(profile.reviewed_at), "先锋积分", record["points"]),
            ],
            (24, 58, 24, 68),
            header=False,
        ),
        s.p("“1+X”承诺", s.heading),
        *_commitments(s, record["commitments"]),
        s.p(f"完成的服务工单（{len(record['orders'])} 单）", s.heading),
        _orders(s, record["orders"]),
        s.p(f"参加的组织活动（{len(record['activities'])} 次）", s.heading),
        _rows(
            s,
            [("日期", "活动")],
            [(day(a.start_at), a.title) for a in record["activities"]],
            (40, 134),
        ),
        s.p(f"点亮的微心愿（{len(record['wishes'])} 个）", s.heading),
        _rows(
            s,
            [("完成日期", "心愿")],
            [(day(w.done_at), w.description) for w in record["wishes"]],
            (40, 134),
        ),
        s.p(f"结对走访（{len(record['visits'])} 次）", s.heading),
        _rows(
            s,
            [("日期", "结对户", "走访情况")],
            [(f"{v.visited_on:%Y年%m月%d日}", v.address, v.note) for v in record["visits"]],
            (32, 52, 90),
        ),
        s.p("反馈卡", s.heading),
        _rows(
            s, [("期间", "社区评价", "出具日期")], [_card(c) for c in record["cards"]], (74, 40, 60)
        ),
    ]
    return build(story, TITLE)


def _commitments(s: Styles, by_year: dict[int, list[dict]]) -> list:
    if not by_year:
        return [s.empty("尚未认领承诺")]
    story: list = []
    for year, rows in by_year.items():
        table = [(f"{year} 年承诺项目", "完成 / 目标", "是否兑现")]
        for c in rows:
            done = "未计数" if c["done"] is None else f"{c['done']} / {c['target']}"
            table.append((c["title"], done, "已兑现" if c["kept"] else "未兑现"))
        story += [s.table(table, (80, 47, 47)), spacer(2)]
    return story


def _orders(s: Styles, orders: list):
    rows = [(day(o.done_at), o.name, f"{o.stars} 星" if o.stars else "未评价") for o in orders]
    return _rows(s, [("完成日期", "服务项目", "居民评价")], rows, (40, 94, 40))


def _rows(s: Styles, header: list, rows: list, widths: tuple):
    return s.table(header + rows, widths) if rows else s.empty()


def _card(card) -> tuple:
    period = f"{card.period_start:%Y.%m.%d}–{card.period_end:%Y.%m.%d}"
    return (period, EVALUATION_LABELS[Evaluation(card.evaluation)], day(card.issued_at))


def handbook_filename(record: dict) -> str:
    return f"纪实手册_{record['profile'].name}.pdf"
