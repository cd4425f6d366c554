"""Place pages: 地区 → 省 → 地市 → 县 (counts, child regions, each town's latest figures) and the
town page (every year it has and which are missing, charts over the years, checks by year)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from generator import measures_view
from generator.briefs import Brief, Listing
from generator.chart import town_series
from generator.markup import esc_md, yaml_str
from generator.pagekit import (
    chart_slot,
    checks_cell,
    figure_cells,
    figure_columns,
    md_table,
    place_crumbs,
    rel,
)

Pages = dict[str, str]  # docs-relative path -> content
LEVEL_NAMES = ("省份", "地市", "县（市、区、旗）", "乡镇（街道）")


@dataclass
class Region:
    """One node of the place tree and the towns (each with its reports, by year) below it."""

    place: tuple[str, ...]
    slugs: tuple[str, ...]
    towns: dict[tuple[str, ...], list[Brief]] = field(default_factory=dict)

    @property
    def page(self) -> str:
        return "/".join(("places", *self.slugs, "index.md"))

    @property
    def reports(self) -> int:
        return sum(len(es) for es in self.towns.values())

    def years(self) -> str:
        ys = [e.year for es in self.towns.values() for e in es]
        return f"{min(ys)}–{max(ys)}" if min(ys) != max(ys) else str(min(ys))


def region_tree(listing: Listing) -> dict[tuple[str, ...], Region]:
    """Every region (root, provinces, prefectures, counties) with the towns under it."""
    regions: dict[tuple[str, ...], Region] = {}
    for town, entries in listing.towns().items():
        slugs = entries[0].slugs
        for level in range(4):
            key = town[:level]
            region = regions.setdefault(key, Region(key, slugs[:level]))
            region.towns[town] = entries
    return regions


def children_table(region: Region, regions: dict[tuple[str, ...], Region]) -> str:
    """The regions one level down: how many towns and reports each has, over which years."""
    level = len(region.place)
    kids = sorted({t[: level + 1] for t in region.towns}, key=lambda k: regions[k].slugs if level < 3 else k)
    rows = []
    for kid in kids:
        node = regions[kid] if level < 3 else None
        if node is None:
            continue
        link = f"[{esc_md(kid[-1])}]({rel(region.page, node.page)})"
        rows.append([link, str(len(node.towns)), str(node.reports), node.years()])
    return md_table([LEVEL_NAMES[level], "乡镇数", "报告数", "年度"], rows, align="lrrr")


def towns_table(region: Region) -> str:
    """Each town under the region with its latest report's key figures."""
    level = len(region.place)
    within = ["所在县"] if level == 2 else ["所在地区"] if level < 2 else []
    header = ["乡镇（街道）", *within, "最新报告", *figure_columns(), "数据核验"]
    rows = []
    for town, entries in sorted(region.towns.items(), key=lambda kv: kv[1][0].slugs):
        latest = entries[-1]
        town_page = posixpath.dirname(latest.page) + "/index.md"
        cells = [f"[{esc_md(town[3])}]({rel(region.page, town_page)})"]
        cells += [esc_md("".join(town[level + 1 : 3]))] if within else []
        cells.append(f"[{latest.year} 年]({rel(region.page, latest.page)})")
        cells += figure_cells(latest) + [checks_cell(region.page, latest)]
        rows.append(cells)
    return md_table(header, rows, align="l" * (2 + len(within)) + "r" * (len(header) - 2 - len(within)))


def region_page(region: Region, regions: dict[tuple[str, ...], Region]) -> str:
    """places/…/index.md for the root, a province, a prefecture or a county."""
    title = region.place[-1] if region.place else "地区"
    level = len(region.place)
    out = [
        f"---\ntitle: {yaml_str(title)}\n"
        f"description: {yaml_str(''.join(region.place) + '各乡镇（街道）政府信息公开工作年度报告')}\n---\n",
        f"# {esc_md(title)}\n",
    ]
    if region.place:
        out.append(place_crumbs(region.page, region.place, region.slugs))
    out.append(
        f"本站收录{esc_md(title) if region.place else '全国'} **{len(region.towns)}** 个乡镇（街道）的 "
        f"**{region.reports}** 份年度报告（{region.years()} 年）。\n"
    )
    if level < 3:
        out += [f"## 按{LEVEL_NAMES[level]}浏览\n", children_table(region, regions)]
    if level > 0:
        out += [
            "## 各乡镇最新报告\n",
            "数字取自每个乡镇最新一年的报告；“—”表示报告没有给出。\n",
            towns_table(region),
        ]
    out.append(measures_view.latest_ranking(region.page, list(region.towns.values())))  # measures_view.py
    return "\n".join(out)


def region_pages(listing: Listing) -> Pages:
    """places/index.md and one index per province, prefecture and county."""
    regions = region_tree(listing)
    return {r.page: region_page(r, regions) for r in regions.values() if len(r.place) < 4}


def missing_years(entries: list[Brief]) -> list[int]:
    years = {e.year for e in entries}
    return [y for y in range(min(years), max(years) + 1) if y not in years]


def year_strip(entries: list[Brief]) -> str:
    """Every year from the first report to the last: a link where there is a report, 缺 where not."""
    by_year = {e.year: e for e in entries}
    parts = [
        f"[{y} 年]({y}.md)" if y in by_year else f"{y} 年（缺）"
        for y in range(min(by_year), max(by_year) + 1)
    ]
    return "历年报告：" + " · ".join(parts) + "\n"


def town_table(page: str, entries: list[Brief]) -> str:
    """Key figures by year, missing years included, with each year's check result."""
    by_year = {e.year: e for e in entries}
    rows = []
    for y in range(min(by_year), max(by_year) + 1):
        e = by_year.get(y)
        if e is None:
            rows.append([f"{y} 年（未收录）", *(["—"] * len(figure_columns())), "—"])
        else:
            rows.append([f"[{y} 年]({y}.md)", *figure_cells(e), checks_cell(page, e)])
    return md_table(["年度", *figure_columns(), "数据核验"], rows)


def town_charts(page: str, entries: list[Brief]) -> str:
    """One chart per series the town's reports give (the table below has the same numbers)."""
    name = entries[0].place[3]
    series = town_series([e.figures for e in entries])
    if not series:
        return "历年报告都没有给出这些数字，因此没有图表。\n"
    spec = posixpath.dirname(page) + "/chart.json"
    slots = [chart_slot(page, spec, i, f"{name}历年{label}柱状图") for i, (_, label) in enumerate(series)]
    return '<div class="chart-grid">\n' + "".join(slots) + "</div>\n\n图表的数字见下表。\n"


def town_page(page: str, entries: list[Brief]) -> str:
    """places/<省>/<地市>/<县>/<乡镇>/index.md."""
    first = entries[0]
    name = first.place[3]
    gaps = missing_years(entries)
    span = f"{entries[0].year}–{entries[-1].year}" if len(entries) > 1 else str(entries[0].year)
    summary = f"本站收录{esc_md(name)} {len(entries)} 份年度报告（{span} 年）。" + (
        f"缺少 {'、'.join(map(str, gaps))} 年的报告。" if gaps else ""
    )
    description = f"{''.join(first.place)}历年政府信息公开工作年度报告（{span} 年）"
    return "\n".join(
        [
            f"---\ntitle: {yaml_str(name)}\ndescription: {yaml_str(description)}\n---\n",
            f"# {esc_md(name)}\n",
            place_crumbs(page, first.place, first.slugs),
            summary + "\n",
            year_strip(entries),
            "## 历年主要数据\n",
            town_charts(page, entries),
            town_table(page, entries),
            "“—”表示该年报告没有给出这个数字。“数据核验”一栏是该年报告未通过的核验项数，点击可查看详情。\n",
        ]
    )
