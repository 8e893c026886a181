"""The Chinese names of the records' words."""

from __future__ import annotations

from app.records.models import Evaluation

EVALUATION_LABELS = {
    Evaluation.EXCELLENT: "优秀",
    Evaluation.GOOD: "良好",
    Evaluation.FAIR: "一般",
    Evaluation.POOR: "较差",
}

# The rows of a card's table of facts, in order: (key in the frozen facts, label, unit).
FACT_ROWS = (
    ("orders_completed", "完成服务工单", "单"),
    ("activities", "参加组织活动", "次"),
    ("reports", "周六报到", "次"),
    ("wishes", "点亮并完成微心愿", "个"),
    ("suggestions", "提出意见建议", "条"),
    ("visits", "走访结对户", "次"),
    ("points", "获得先锋积分", "分"),
)
