"""The key figures every page shows, in one place (labels in Chinese, units, where they come from).

Also the glossary terms (docs/glossary.md) that figure labels and table rows link to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.records import Figure, Report


@dataclass(frozen=True)
class KeyFigure:
    key: str  # summary key (shared/contract.md)
    label: str
    unit: str
    facts: tuple[str, ...]  # fact keys it may have been read from, in summarize()'s order
    term: str = ""  # glossary term the label links to
    short: str = ""  # column header in wide tables

    @property
    def column(self) -> str:
        return f"{self.short or self.label}（{self.unit}）"


KEY_FIGURES = (
    KeyFigure("proactive_total", "主动公开政府信息", "条", ("proactive_total",), "主动公开", "主动公开"),
    KeyFigure(
        "applications_received",
        "新收政府信息公开申请",
        "件",
        ("table_b.new.total", "applications_received"),
        "依申请公开",
        "新收申请",
    ),
    KeyFigure(
        "applications_carried_over",
        "上年结转申请",
        "件",
        ("table_b.carried_over.total",),
        "上年结转",
        "上年结转",
    ),
    KeyFigure("reviews_total", "行政复议", "件", ("table_c.review.total", "reviews_total"), "行政复议"),
    KeyFigure(
        "litigations_total", "行政诉讼", "件", ("table_c.litigation.total", "litigations_total"), "行政诉讼"
    ),
)

# Shown on the report's facts card only when the report gives them (not in summary/contract).
HANDLED = KeyFigure(
    "applications_handled",
    "办结申请（办理结果总计）",
    "件",
    ("table_b.total.total", "applications_handled"),
    "办理结果",
)
FEES = KeyFigure("fees_total", "收取信息处理费", "元", ("fees_total", "fees", "fee_total"), "信息处理费")
OPTIONAL_FIGURES = (HANDLED, FEES)

# Glossary terms (headings of docs/glossary.md; anchors are the terms themselves).
GLOSSARY_TERMS = (
    "政府信息公开年度报告",
    "主动公开",
    "依申请公开",
    "第二十条",
    "上年结转",
    "办理结果",
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年度",
    "行政复议",
    "行政诉讼",
    "勾稽关系",
    "信息处理费",
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "数据核验",
    "未提及",
)


def term_for(label: str) -> str | None:
    """The (longest) glossary term a table row or figure label contains, or None."""
    for term in sorted(GLOSSARY_TERMS, key=len, reverse=True):
        if term in label:
            return term
    return None


def source_of(report: Report, fig: KeyFigure) -> Figure | None:
    """The fact a summary figure was read from (for its line link), or None."""
    for key in fig.facts:
        found = report.facts.get(key)
        if found is not None and found.value is not None:
            return found
    return None


def in_tables(report: Report, line: int | None) -> bool:
    """Whether a line lies inside one of the statutory tables as read."""
    spans = [(t.line, t.end_line or t.line) for t in report.tables.values() if t.line]
    return line is not None and any(a <= line <= b for a, b in spans)


def value_of(report: Report, fig: KeyFigure) -> Any:
    """The figure's value: the summary's when it has the key, else the first fact that gives it.
    信息处理费 is never read from the tables (Table A's 行政事业性收费 is a different fee)."""
    if fig.key in report.summary:
        return report.summary.get(fig.key)
    found = source_of(report, fig)
    if found is not None:
        return None if fig is FEES and in_tables(report, found.line) else found.value
    if fig is HANDLED:
        return table_total(report)
    return None


def line_of(report: Report, fig: KeyFigure) -> int | None:
    """The line of the report text a figure was read from (None when unknown)."""
    found = source_of(report, fig)
    if found is not None:
        return found.line
    table = report.tables.get("B")
    row = table.row("total") if table and fig is HANDLED else None
    return row.line if row else None


def table_total(report: Report) -> Any:
    """（七）总计 of Table B's 总计 column: all applications handled this year."""
    table = report.tables.get("B")
    row = table.row("total") if table else None
    return row.cells[-1] if row and row.cells else None
