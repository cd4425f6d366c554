"""Index pages: home, regions (省 → 地市 → 县 → 乡镇), towns over the years, years across towns."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from typing import Any

from generator import measures_view
from generator.catalog import Catalog, Entry
from generator.figures import KEY_FIGURES
from generator.markup import esc_html, esc_md, fmt_number, yaml_str

Pages = dict[str, str]  # docs-relative path -> content


def rel(page: str, target: str) -> str:
    """A Markdown link from one docs page to another file (MkDocs resolves it from the file)."""
    return posixpath.relpath(target, posixpath.dirname(page))


def url_rel(page: str, target: str) -> str:
    """A raw-HTML URL from the page's served URL (use_directory_urls) to a file under docs/."""
    base = posixpath.dirname(page) if page.endswith("index.md") else page[:-3]
    return posixpath.relpath(target, base or ".")


def figure_row(e: Entry) -> dict[str, Any]:
    s = e.report.summary
    both = [v for v in (s.get("reviews_total"), s.get("litigations_total")) if v is not None]
    return {
        "year": e.year,
        "label": e.place[3],
        **{f.key: s.get(f.key) for f in KEY_FIGURES},
        "reviews_litigations": sum(both) if both else None,
        "failed_checks": sum(1 for c in e.report.checks if c.ok is False),
    }


def figures_header(first: str) -> str:
    cols = [first] + [f"{f.label}（{f.unit}）" for f in KEY_FIGURES] + ["核验未通过"]
    return "| " + " | ".join(cols) + " |\n|" + "---|" + "---:|" * (len(cols) - 1) + "\n"


def figures_cells(e: Entry) -> str:
    row = figure_row(e)
    return " | ".join([fmt_number(row[f.key]) for f in KEY_FIGURES] + [str(row["failed_checks"])])


def chart_block(page: str, spec_path: str, summary: str) -> str:
    return (
        f'<div class="vega-chart" role="img" aria-label="{esc_html(summary)}" '
        f'data-spec="{esc_html(url_rel(page, spec_path))}" data-search-exclude></div>\n\n'
        f"图表的数据见下表（不支持 JavaScript 时请直接阅读表格）。\n"
    )


def town_page(page: str, entries: list[Entry]) -> str:
    first = entries[0]
    p = first.place
    years = [e.year for e in entries]
    missing = [y for y in range(min(years), max(years) + 1) if y not in years]
    out = [
        f"---\ntitle: {yaml_str(p[3])}\n---\n",
        f"# {esc_md(p[3])}\n",
        f"{esc_md(p[0])} › {esc_md(p[1])} › [{esc_md(p[2])}](../index.md) › {esc_md(p[3])}\n\n",
        f"本站收录 {len(entries)} 份年度报告（{min(years)}–{max(years)} 年）。"
        + (f"缺少年份：{'、'.join(map(str, missing))}。" if missing else "")
        + "\n\n",
        "## 历年主要数据\n\n",
        chart_block(
            page, posixpath.dirname(page) + "/chart.json", f"{p[3]}历年主动公开、申请、复议诉讼数量折线图"
        ),
        "\n",
        figures_header("年度"),
    ]
    for e in entries:
        out.append(f"| [{e.year} 年]({e.year}.md) | {figures_cells(e)} |\n")
    return "".join(out)


def year_page(page: str, year: int, entries: list[Entry]) -> str:
    out = [
        f'---\ntitle: "{year} 年"\n---\n',
        f"# {year} 年度报告\n",
        f"本站收录 {year} 年度报告 {len(entries)} 份。\n\n",
        "## 各乡镇主动公开信息数量\n\n",
        chart_block(page, f"years/{year}.json", f"{year}年各乡镇主动公开信息数量条形图"),
        "\n",
        figures_header("乡镇（县）"),
    ]
    for e in entries:
        label = f"{esc_md(e.place[3])}（{esc_md(e.place[2])}）"
        out.append(f"| [{label}]({rel(page, e.page)}) | {figures_cells(e)} |\n")
    return "".join(out) + measures_view.year_ranking(page, entries)  # generator/measures_view.py


def region_pages(catalog: Catalog) -> Pages:
    """places/index.md and one index per province, prefecture and county."""
    pages: Pages = {}
    rankings = measures_view.region_rankings(catalog)  # 问责指标排行 per region (measures_view.py)
    children: dict[tuple[str, ...], dict[str, tuple[str, int]]] = defaultdict(dict)
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for e in catalog.entries:
        for level in range(4):
            parent = e.place[:level]
            children[parent][e.place[level]] = ("/".join(e.slugs[: level + 1]), 0)
            counts[e.place[: level + 1]] += 1
    names = ["省份", "地市", "县（市、区、旗）", "乡镇（街道）"]
    for parent, kids in sorted(children.items()):
        level = len(parent)
        slug_dir = "places" + ("/" + "/".join(_slugs_of(catalog, parent)) if parent else "")
        page = f"{slug_dir}/index.md"
        title = parent[-1] if parent else "地区"
        crumbs = _crumbs(parent)
        lines = [
            f"---\ntitle: {yaml_str(title)}\n---\n",
            f"# {esc_md(title)}\n",
            crumbs,
            f"| {names[level]} | 报告数 |\n|---|---:|\n",
        ]
        for name, (slug_path, _) in sorted(kids.items()):
            lines.append(
                f"| [{esc_md(name)}]({rel(page, 'places/' + slug_path + '/index.md')}) "
                f"| {counts[parent + (name,)]} |\n"
            )
        pages[page] = "".join(lines) + rankings.get(parent, "")
    return pages


def _slugs_of(catalog: Catalog, place_prefix: tuple[str, ...]) -> tuple[str, ...]:
    for e in catalog.entries:
        if e.place[: len(place_prefix)] == place_prefix:
            return e.slugs[: len(place_prefix)]
    return ()


def _crumbs(parent: tuple[str, ...]) -> str:
    if not parent:
        return "按省份浏览本站收录的乡镇报告。\n\n"
    ups = ["../" * (len(parent) - i) + "index.md" for i in range(len(parent))]
    names = ["地区", *parent[:-1]]
    return (
        " › ".join(f"[{esc_md(n)}]({u})" for n, u in zip(names, ups, strict=True))
        + f" › {esc_md(parent[-1])}\n\n"
    )


def years_index(years: dict[int, list[Entry]]) -> str:
    lines = ['---\ntitle: "年度"\n---\n', "# 按年度浏览\n", "| 年度 | 报告数 |\n|---|---:|\n"]
    lines += [f"| [{y} 年]({y}.md) | {len(es)} |\n" for y, es in sorted(years.items(), reverse=True)]
    return "".join(lines)


def home_page(catalog: Catalog) -> str:
    towns = catalog.towns()
    years = catalog.years()
    provinces = sorted({e.place[0] for e in catalog.entries})
    latest = sorted(catalog.entries, key=lambda e: (e.year, e.place), reverse=True)[:10]
    out = [
        "---\ntitle: 乡镇政府信息公开年报\n---\n",
        "# 乡镇政府信息公开工作年度报告\n",
        "依照《中华人民共和国政府信息公开条例》，每个乡、镇、街道、苏木每年都要公布上一年的政府信息公开工作年度报告："
        "主动公开了多少信息、收到和办理了多少公开申请、有没有因此被申请行政复议或提起行政诉讼。"
        "这些报告分散在数千个地方政府网站上，格式不一。本站把它们整理成统一的数据，方便查阅、检索和比较。\n",
        f"本站目前收录 **{len(catalog.entries)}** 份报告，涉及 **{len(towns)}** 个乡镇（街道）、"
        f"**{len(provinces)}** 个省级地区，年度跨度 {min(years, default=0)}–{max(years, default=0)}。\n",
        "## 按地区浏览\n",
    ]
    out += [f"- [{esc_md(p)}](places/{_slugs_of(catalog, (p,))[0]}/index.md)\n" for p in provinces]
    out += ["\n## 按年度浏览\n"] + [
        f"- [{y} 年](years/{y}.md)（{len(es)} 份）\n" for y, es in sorted(years.items(), reverse=True)
    ]
    out += ["\n## 最近收录\n"]
    out += [f"- [{esc_md(e.place[2] + e.place[3])} {e.year} 年]({e.page})\n" for e in latest]
    if catalog.rejected:
        out.append(f"\n另有 {len(catalog.rejected)} 个文件暂时无法使用，见[无法使用的报告](problems.md)。\n")
    out.append("\n数字均按报告原文照录；每个数字都标明它在原文中的行号，核验结果见各报告页。\n")
    out.append("\n" + measures_view.home_links())  # open data, feed, coverage, measures (measures_view.py)
    return "".join(out)


def problems_page(catalog: Catalog) -> str:
    out = [
        "---\ntitle: 无法使用的报告\n---\n",
        "# 无法使用的报告\n",
        "reports/ 目录下的每个文件，要么出现在本站，要么列在这里并说明原因。\n",
    ]
    if not catalog.rejected:
        out.append("目前没有无法使用的文件。\n")
    else:
        out.append("| 文件 | 原因 |\n|---|---|\n")
        for r in catalog.rejected:
            out.append(f"| {esc_md(r.source)} | {esc_md('；'.join(r.reasons))} |\n")
    return "".join(out)
