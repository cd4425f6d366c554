"""The key figures every page shows, in one place (labels in Chinese, units, where they come from)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.records import Figure, Report


@dataclass(frozen=True)
class KeyFigure:
    key: str  # summary key (shared/contract.md)
    label: str
    unit: str
    facts: tuple[str, ...]  # fact keys it may have been read from, in summarize()'s order


KEY_FIGURES = (
    KeyFigure("proactive_total", "主动公开政府信息", "条", ("proactive_total",)),
    KeyFigure("applications_received", "新收政府信息公开申请", "件", ("table_b.new.total", "applications_received")),
    KeyFigure("applications_carried_over", "上年结转申请", "件", ("table_b.carried_over.total",)),
    KeyFigure("reviews_total", "行政复议", "件", ("table_c.review.total", "reviews_total")),
    KeyFigure("litigations_total", "行政诉讼", "件", ("table_c.litigation.total", "litigations_total")),
)


def source_of(report: Report, fig: KeyFigure) -> Figure | None:
    """The fact a summary figure was read from (for its line link), or None."""
    for key in fig.facts:
        found = report.facts.get(key)
        if found is not None and found.value is not None:
            return found
    return None
