"""Charts: Altair builds Vega-Lite specs; the site renders them with a local Vega bundle.

Specs are written as .json files beside the pages and fetched by assets/charts.js, never inlined
in <script> tags (Material's instant navigation would re-execute them).
"""

from __future__ import annotations

import json
from typing import Any

import altair as alt

SERIES = (
    ("proactive_total", "主动公开信息（条）"),
    ("applications_received", "新收公开申请（件）"),
    ("reviews_litigations", "行政复议与诉讼（件）"),
)


def _clean(spec: dict[str, Any]) -> dict[str, Any]:
    spec.pop("$schema", None)  # a URL the browser never needs; keeps pages free of foreign hosts
    return spec


def town_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Key figures of one town over the years: one line per series, points where a value exists."""
    data = [
        {"年度": str(r["year"]), "指标": label, "数值": r[key]}
        for r in rows
        for key, label in SERIES
        if r.get(key) is not None
    ]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_line(point=True)
        .encode(
            x=alt.X("年度:O", title="年度"),
            y=alt.Y("数值:Q", title="数量"),
            color=alt.Color("指标:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=["年度:O", "指标:N", "数值:Q"],
        )
        .properties(width="container", height=240)
    )
    return _clean(chart.to_dict())


def year_chart(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Towns of one year compared by proactive disclosures (towns without the figure omitted)."""
    data = [{"乡镇": r["label"], "主动公开信息（条）": r["proactive_total"]} for r in rows
            if r.get("proactive_total") is not None]
    chart = (
        alt.Chart(alt.Data(values=data))
        .mark_bar()
        .encode(
            y=alt.Y("乡镇:N", sort="-x", title=None),
            x=alt.X("主动公开信息（条）:Q"),
            tooltip=["乡镇:N", "主动公开信息（条）:Q"],
        )
        .properties(width="container", height=max(60, 22 * len(data)))
    )
    return _clean(chart.to_dict())


def spec_json(spec: dict[str, Any]) -> str:
    return json.dumps(spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
