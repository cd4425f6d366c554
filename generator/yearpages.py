"""Year pages: every town's report of one year in one table (sortable and filterable with
assets/tables.js, plain Markdown without it) and the distribution of proactive disclosures.

A year may hold thousands of reports: a row is one line of Markdown with one link.
"""

from __future__ import annotations

import statistics

from generator import measures_view
from generator.briefs import Brief
from generator.chart import BAR_LIMIT, histogram, year_views
from generator.markup import esc_md, fmt_number, yaml_str
from generator.pagekit import (
    chart_slot,
    figure_cells,
    figure_columns,
    md_table,
    numeric_class,
    rel,
)

PLACE_COLUMNS = ["省份", "地市", "县（市、区、旗）", "乡镇（街道）"]


def check_text(e: Brief) -> str:
    """Failed checks as plain text (the town link opens the report and its checks panel)."""
    row = e.figures
    return "—" if not row["checks"] else f"✗ {row['failed_checks']}" if row["failed_checks"] else "✓ 0"


def distribution(page: str, year: int, entries: list[Brief]) -> str:
    """Histogram (and per-town bars when few) with the same counts as a table."""
    rows = [e.figures for e in entries]
    values = [r["proactive_total"] for r in rows if r["proactive_total"] is not None]
    if not values:
        return "本年度的报告都没有给出主动公开信息数。\n"
    views = year_views(rows)
    spec = f"years/{year}.json"
    out = [
        f"{len(values)} 份报告给出了主动公开信息数：最少 {fmt_number(min(values))} 条，"
        f"最多 {fmt_number(max(values))} 条，中位数 {fmt_number(statistics.median(values))} 条。\n",
        chart_slot(page, spec, 0, f"{year}年乡镇按主动公开信息数分布的直方图"),
        md_table(
            ["主动公开信息（条）", "乡镇数"], [[b.label, str(b.count)] for b in histogram(values) if b.count]
        ),
    ]
    if "bars" in views:
        out.append(chart_slot(page, spec, views.index("bars"), f"{year}年各乡镇主动公开信息数条形图"))
        out.append("各乡镇的数字见下表。\n")
    elif len(values) > BAR_LIMIT:
        out.append(f"乡镇超过 {BAR_LIMIT} 个，不逐一画出；各乡镇的数字见下表。\n")
    return "\n".join(out)


def towns_table(page: str, entries: list[Brief]) -> str:
    """All towns of the year: place columns to filter by, key figures to sort by, link to the report."""
    rows = []
    for e in sorted(entries, key=lambda e: e.slugs):
        p = e.place
        town = f"[{esc_md(p[3])}]({rel(page, e.page)})"
        rows.append([esc_md(p[0]), esc_md(p[1]), esc_md(p[2]), town, *figure_cells(e), check_text(e)])
    header = [*PLACE_COLUMNS, *figure_columns(), "核验未通过"]
    align = "llll" + "r" * (len(header) - 4)
    tools = f'<div class="table-tools {numeric_class(align)}" data-filter-columns="0,1,2" data-search-exclude></div>\n'
    return tools + "\n" + md_table(header, rows, align=align, marker=False)  # tools carry the alignment


def year_page(page: str, year: int, entries: list[Brief]) -> str:
    """years/<年>.md."""
    provinces = len({e.place[0] for e in entries})
    return "\n".join(
        [
            f"---\ntitle: {yaml_str(f'{year} 年')}\n"
            f"description: {yaml_str(f'{year} 年度各乡镇（街道）政府信息公开工作年度报告一览')}\n---\n",
            f"# {year} 年度报告\n",
            f"本站收录 {year} 年度报告 **{len(entries)}** 份，来自 {provinces} 个省级地区。"
            "下表可按省份、地市、县筛选，点击表头可排序；点击乡镇名称查看报告。\n",
            "## 主动公开信息数的分布\n",
            distribution(page, year, entries),
            "## 各乡镇数据\n",
            towns_table(page, entries),
            "“—”表示报告没有给出这个数字；“核验未通过”是未通过的核验项数（“—”为没有可核验的统计表）。\n",
            measures_view.year_ranking(page, entries),  # 问责指标排行 (generator/measures_view.py)
        ]
    )


def years_index(years: dict[int, list[Brief]]) -> str:
    """years/index.md: each year with its number of reports."""
    rows = [[f"[{y} 年]({y}.md)", str(len(es))] for y, es in sorted(years.items(), reverse=True)]
    return (
        '---\ntitle: "年度"\ndescription: "按年度浏览乡镇政府信息公开工作年度报告"\n---\n\n# 按年度浏览\n\n'
        + md_table(["年度", "报告数"], rows)
    )
