"""Charts: Vega-Lite specs made with Altair; the site renders them with a local Vega bundle.

Altair builds each kind of chart once (a template with named placeholders such as "__DOMAIN__");
a page's spec is that template filled with its values and data. Building every spec with Altair
costs about 50 ms (80 s for a thousand towns); filling a cached template costs well under 1 ms.

Specs are written as .json files beside the pages and fetched by assets/charts.js, never inlined
in <script> tags (Material's instant navigation would re-execute them). A spec file holds one
`vconcat` of views over shared top-level data; a page places each view in its own slot
(`data-view="0"`, …), so every chart fits the width of a phone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
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

Spec = dict[str, Any]


@dataclass(frozen=True)
class Bin:
    low: int  # inclusive
    high: int  # exclusive
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high - 1}"


def fill(template: Any, values: dict[str, Any]) -> Any:
    """A copy of an Altair-made template with every placeholder string replaced by its value."""
    if isinstance(template, str):
        return values.get(template, template)
    if isinstance(template, dict):
        if set(template) == {"expr"} and template["expr"] in values:  # a numeric placeholder
            return values[template["expr"]]
        return {k: fill(v, values) for k, v in template.items()}
    if (
        isinstance(template, list)
        and len(template) == 1
        and isinstance(template[0], str)
        and template[0] in values
    ):
        return values[template[0]]
    if isinstance(template, list):
        return [fill(v, values) for v in template]
    return template


def count_axis() -> alt.Axis:
    """An axis of whole counts: no 0.5 steps, at most "__TICKS__" ticks."""
    return alt.Axis(format="d", tickCount=alt.ExprRef("__TICKS__"), tickMinStep=1)


def as_view(chart: alt.TopLevelMixin) -> Spec:
    """The Altair chart as a Vega-Lite view dict (no schema URL, no data: the page supplies it)."""
    return without_data(chart.to_dict(validate=False))


def without_data(spec: Any) -> Any:
    """Drop Altair's schema URL, config and its placeholder for absent data at every level."""
    if isinstance(spec, dict):
        return {
            k: without_data(v) for k, v in spec.items() if k not in ("$schema", "config", "data", "datasets")
        }
    if isinstance(spec, list):
        return [without_data(v) for v in spec]
    return spec


@cache
def town_view(label: str) -> Spec:
    """Bars with their values over the years for one series (template, built once per series)."""
    base = alt.Chart()
    x = alt.X("年度:O", axis=alt.Axis(labelAngle=0), scale=alt.Scale(domain=["__DOMAIN__"]), title=None)
    y = alt.Y("数值:Q", axis=count_axis(), scale=alt.Scale(domain=[0, "__TOP__"], nice=True), title=None)
    bars = base.mark_bar().encode(x=x, y=y, tooltip=[alt.Tooltip("年度:O"), alt.Tooltip("数值:Q")])
    text = base.mark_text(dy=-6).encode(x=x, y=y, text=alt.Text("数值:Q"))
    layered = (
        alt.layer(bars, text)
        .transform_filter(f"(datum['指标'] === '{label}')")
        .properties(title=label, width="container", height=HEIGHT)
    )
    return as_view(layered)


@cache
def histogram_view() -> Spec:
    """How many towns fall in each band of proactive disclosures (bands chosen by histogram())."""
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X(f"{PROACTIVE}:Q", bin=alt.Bin(step=1), title=PROACTIVE),  # step set per page
            y=alt.Y("count():Q", title="乡镇数", axis=count_axis()),
        )
        .properties(title="乡镇数量按主动公开信息数分布", height=HEIGHT, width="container")
    )
    return as_view(chart)


@cache
def bars_view() -> Spec:
    """One bar per town, longest first."""
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X(f"{PROACTIVE}:Q"),
            y=alt.Y("名称:N", sort="-x", title=None),
            tooltip=[alt.Tooltip("名称:N"), alt.Tooltip(f"{PROACTIVE}:Q")],
        )
        .properties(title="各乡镇主动公开信息数", height=HEIGHT, width="container")  # height set per page
    )
    return as_view(chart)


def concat(views: list[Spec], data: list[dict[str, Any]]) -> Spec:
    """Views stacked over shared data (assets/charts.js shows one view per slot)."""
    return {
        "config": {"view": {"continuousHeight": 300, "continuousWidth": 300}},
        "data": {"values": data},
        "vconcat": views,
    }


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
        values = {"__DOMAIN__": domain, "__TOP__": top, "__TICKS__": int(max(1, min(5, top)))}
        views.append(fill(town_view(label), values))
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
            view = fill(histogram_view(), {"__TICKS__": int(max(1, min(5, max(b.count for b in bins))))})
            view["encoding"]["x"]["bin"] = {"step": bins[0].high, "extent": [0, bins[-1].high]}
            views.append(view)
        else:
            views.append({**bars_view(), "height": max(60, 22 * len(data))})
    return concat(views, data)


def spec_json(spec: Spec) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
