"""Charts: Altair builds Vega-Lite specs; the site renders them with a local Vega bundle.

Specs are written as .json files beside the pages and fetched by assets/charts.js, never inlined
in <script> tags (Material's instant navigation would re-execute them). A spec file holds one
`vconcat` of views over shared top-level data; a page places each view in its own slot
(`data-view="0"`, …), so every chart fits the width of a phone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import altair as alt

SERIES = (
    ("proactive_total", "主动公开信息（条）"),
    ("applications_received", "新收公开申请（件）"),
    ("reviews_litigations", "行政复议与诉讼（件）"),
)
PROACTIVE = "主动公开信息（条）"
BAR_LIMIT = 30  # a year page shows one bar per town only when it has at most this many
HEIGHT = 200


def count_axis(top: float) -> alt.Axis:
    """An axis of whole counts: no 0.5 steps, at most five ticks."""
    return alt.Axis(tickMinStep=1, format="d", tickCount=int(max(1, min(5, top))))


@dataclass(frozen=True)
class Bin:
    low: int  # inclusive
    high: int  # exclusive
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high - 1}"


def _clean(spec: dict[str, Any]) -> dict[str, Any]:
    spec.pop("$schema", None)  # a URL the browser never needs; keeps pages free of foreign hosts
    return spec


def town_series(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The series that have at least one value in this town's reports (one chart each)."""
    return [(key, label) for key, label in SERIES if any(r.get(key) is not None for r in rows)]


def town_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Key figures of one town over the years: one bar chart per series; a year without a
    report (or without the figure) has no bar, so gaps are visible."""
    data = [
        {"年度": str(r["year"]), "指标": label, "数值": r[key]}
        for r in rows
        for key, label in SERIES
        if r.get(key) is not None
    ]
    years = [r["year"] for r in rows] or [0]
    domain = [str(y) for y in range(min(years), max(years) + 1)]
    views = []
    for key, label in town_series(rows):
        top = max([r[key] for r in rows if r.get(key) is not None] + [1])
        base = (
            alt.Chart()
            .transform_filter(alt.datum["指标"] == label)
            .encode(
                x=alt.X("年度:O", title=None, scale=alt.Scale(domain=domain), axis=alt.Axis(labelAngle=0)),
                y=alt.Y(
                    "数值:Q", title=None, scale=alt.Scale(domain=[0, top], nice=True), axis=count_axis(top)
                ),
            )
        )
        bars = base.mark_bar().encode(tooltip=["年度:O", "数值:Q"])
        text = base.mark_text(dy=-6).encode(text="数值:Q")
        views.append(alt.layer(bars, text).properties(title=label, width="container", height=HEIGHT))
    return _clean(alt.vconcat(*views, data=alt.Data(values=data)).to_dict())


def nice_step(top: float, bins: int = 10) -> int:
    """A round bin width (1, 2, 5 × 10ⁿ) giving about `bins` bins up to `top`."""
    raw = max(top / bins, 1)
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def histogram(values: list[float]) -> list[Bin]:
    """Counts of values in round bins from 0 (negative values count in the first bin)."""
    if not values:
        return []
    step = nice_step(max(values))
    n = int(max(values) // step) + 1
    counts = [0] * n
    for v in values:
        counts[max(0, int(v // step))] += 1
    return [Bin(i * step, (i + 1) * step, c) for i, c in enumerate(counts)]


def year_views(rows: list[dict[str, Any]]) -> list[str]:
    """Which views a year's spec has: 'histogram' when any town gives the figure, 'bars' when few."""
    n = sum(1 for r in rows if r.get("proactive_total") is not None)
    return (["histogram"] if n else []) + (["bars"] if 0 < n <= BAR_LIMIT else [])


def year_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Towns of one year by proactive disclosures: the distribution, and one bar per town when few
    (towns without the figure omitted)."""
    data = [
        {
            "乡镇": r["label"],
            "名称": f"{r['label']}（{r.get('county', '')}）",
            PROACTIVE: r["proactive_total"],
        }
        for r in rows
        if r.get("proactive_total") is not None
    ]
    bins = histogram([d[PROACTIVE] for d in data])
    views = []
    for view in year_views(rows):
        if view == "histogram":
            step, top = bins[0].high, bins[-1].high
            x = alt.X(f"{PROACTIVE}:Q", bin=alt.Bin(step=step, extent=[0, top]), title=PROACTIVE)
            chart = alt.Chart(title="乡镇数量按主动公开信息数分布").mark_bar()
            views.append(
                chart.encode(
                    x=x, y=alt.Y("count():Q", title="乡镇数", axis=count_axis(max(b.count for b in bins)))
                )
            )
        else:
            chart = alt.Chart(title="各乡镇主动公开信息数").mark_bar()
            y = alt.Y("名称:N", sort="-x", title=None)
            views.append(chart.encode(y=y, x=alt.X(f"{PROACTIVE}:Q"), tooltip=["名称:N", f"{PROACTIVE}:Q"]))
    sized = [
        v.properties(width="container", height=HEIGHT if i == 0 else max(60, 22 * len(data)))
        for i, v in enumerate(views)
    ]
    return _clean(alt.vconcat(*sized, data=alt.Data(values=data)).to_dict())


def spec_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
