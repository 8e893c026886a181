"""The 反馈卡 as an A4 PDF: title, the member, unit, community and period, a table of what
the member did, the 1+X of the year, the community's evaluation and comment, issuer and date."""

from __future__ import annotations

from app.records.models import FeedbackCard
from app.records.pdf import Styles, build, day, spacer
from app.records.queries import presented

TITLE = "在职党员回家报到反馈卡"


def card_pdf(card: FeedbackCard) -> bytes:
    shown = presented(card)
    s = Styles()
    period = f"{card.period_start:%Y年%m月%d日} 至 {card.period_end:%Y年%m月%d日}"
    story = [
        s.p(TITLE, s.title),
        s.p(f"{shown['community_name']} 出具 · 第 {card.revision} 版", s.subtitle),
        spacer(6),
        s.table(
            [
                ("姓名", card.member_name, "工作单位", card.unit_name),
                ("报到社区", shown["community_name"], "期间", period),
            ],
            (24, 58, 24, 68),
            header=False,
        ),
        s.p("履职情况", s.heading),
        s.table([("项目", "期间内")] + shown["fact_rows"], (87, 87)),
        s.p(f"{shown['commitment_year']} 年“1+X”承诺", s.heading),
        _commitments(s, shown),
        s.p("社区评价", s.heading),
        s.table(
            [("评价等次", shown["evaluation_label"]), ("评语", card.comment)],
            (30, 144),
            header=False,
        ),
        spacer(10),
        s.p(f"出具人：{shown['issuer_name']}　　出具日期：{day(card.issued_at)}"),
        s.p(f"（盖章）{shown['community_name']}"),
    ]
    return build(story, TITLE)


def _commitments(s: Styles, shown: dict):
    if not shown["commitments"]:
        return s.empty("当年尚未认领承诺")
    rows = [("承诺项目", "完成 / 目标", "是否兑现")]
    for c in shown["commitments"]:
        done = "未计数" if c["done"] is None else f"{c['done']} / {c['target']}"
        rows.append((c["title"], done, "已兑现" if c["kept"] else "未兑现"))
    kept = f"已兑现 {shown['commitments_kept']} 项，共 {len(shown['commitments'])} 项"
    rows.append(("合计", "", kept))
    return s.table(rows, (80, 47, 47))


def card_filename(card: FeedbackCard) -> str:
    return f"反馈卡_{card.member_name}_{card.period_start:%Y%m%d}-{card.period_end:%Y%m%d}.pdf"
