"""Charts: Vega-Lite specs as plain dicts; the site renders them with a local Vega bundle.

(Altair, used at first, costs about 80 ms per spec in copying and schema work: 80 s for a
thousand towns. These dicts are what it produced, minus the cost.)

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

SERIES = (
    ("proactive_total", "主动公开信息（条）"),
    ("applications_received", "新收公开申请（件）"),
    ("reviews_litigations", "行政复议与诉讼（件）"),
)
PROACTIVE = "主动公开信息（条）"
BAR_LIMIT = 30  # a year page shows one bar per town only when it has at most this many
HEIGHT = 200


Spec = dict[str, Any]


def count_axis(top: float) -> Spec:
    """An axis of whole counts: no 0.5 steps, at most five ticks."""
    return {"format": "d", "tickCount": int(max(1, min(5, top))), "tickMinStep": 1}


def field(name: str, kind: str, **more: Any) -> Spec:
    """One encoding channel: a field, its type (quantitative, ordinal, nominal) and options."""
    return {"field": name, "type": kind, **more}


def concat(views: list[Spec], data: list[dict[str, Any]]) -> Spec:
    """Views stacked over shared data (assets/charts.js shows one view per slot)."""
    return {
        "config": {"view": {"continuousHeight": 300, "continuousWidth": 300}},
        "data": {"values": data},
        "vconcat": views,
    }


@dataclass(frozen=True)
class Bin:
    low: int  # inclusive
    high: int  # exclusive
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high - 1}"


def town_series(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The series that have at least one value in this town's reports (one chart each)."""
    return [(key, label) for key, label in SERIES if any(r.get(key) is not None for r in rows)]


def town_chart(rows: list[dict[str, Any]]) -> Spec:
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
        encoding = {
            "x": field("年度", "ordinal", axis={"labelAngle": 0}, scale={"domain": domain}, title=None),
            "y": field(
                "数值",
                "quantitative",
                axis=count_axis(top),
                scale={"domain": [0, top], "nice": True},
                title=None,
            ),
        }
        bars = {
            "mark": {"type": "bar"},
            "encoding": {**encoding, "tooltip": [field("年度", "ordinal"), field("数值", "quantitative")]},
        }
        text = {
            "mark": {"type": "text", "dy": -6},
            "encoding": {**encoding, "text": field("数值", "quantitative")},
        }
        views.append(
            {
                "title": label,
                "transform": [{"filter": f"(datum['指标'] === '{label}')"}],
                "layer": [bars, text],
                "width": "container",
                "height": HEIGHT,
            }
        )
    return concat(views, data)


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


def year_chart(rows: list[dict[str, Any]]) -> Spec:
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
    views: list[Spec] = []
    for view in year_views(rows):
        if view == "histogram":
            x = field(
                PROACTIVE,
                "quantitative",
                bin={"step": bins[0].high, "extent": [0, bins[-1].high]},
                title=PROACTIVE,
            )
            y = {
                "aggregate": "count",
                "type": "quantitative",
                "title": "乡镇数",
                "axis": count_axis(max(b.count for b in bins)),
            }
            views.append(
                {
                    "title": "乡镇数量按主动公开信息数分布",
                    "mark": {"type": "bar"},
                    "encoding": {"x": x, "y": y},
                    "height": HEIGHT,
                }
            )
        else:
            encoding = {
                "x": field(PROACTIVE, "quantitative"),
                "y": field("名称", "nominal", sort="-x", title=None),
                "tooltip": [field("名称", "nominal"), field(PROACTIVE, "quantitative")],
            }
            views.append(
                {
                    "title": "各乡镇主动公开信息数",
                    "mark": {"type": "bar"},
                    "encoding": encoding,
                    "height": max(60, 22 * len(data)),
                }
            )
    return concat([{**v, "width": "container"} for v in views], data)


def spec_json(spec: Spec) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
