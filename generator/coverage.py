"""Coverage: which reports are on the portal and which are missing (towns × years, per county, per year).

coverage/index.md summarises per year and per county; coverage/<省>/<地市>/<县>.md is one county's
grid. A town is expected every year of the portal's span; a missing cell means the portal has no
report for that town and year, not that the town published none.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from generator.briefs import Brief, Listing
from generator.markup import esc_md, yaml_str
from generator.pagekit import relpath

County = tuple[str, str, str]
CAVEAT = (
    "“缺少”只表示本站还没有收录这份报告，不表示该乡镇没有公布：报告可能在本站尚未收集的网站上。"
    "统计范围是本站收录的乡镇，在本站全部年度（{first}–{last} 年）中的每一年。"
)


def span(listing: Listing) -> list[int]:
    years = [e.year for e in listing.briefs]
    return list(range(min(years), max(years) + 1)) if years else []


def by_county(listing: Listing) -> dict[County, dict[str, dict[int, Brief]]]:
    """county -> town -> year -> entry, all sorted."""
    grid: dict[County, dict[str, dict[int, Brief]]] = defaultdict(lambda: defaultdict(dict))
    for e in listing.briefs:
        grid[e.place[:3]][e.place[3]][e.year] = e
    return {
        c: {t: dict(sorted(ys.items())) for t, ys in sorted(towns.items())}
        for c, towns in sorted(grid.items())
    }


def county_page_path(towns: dict[str, dict[int, Brief]]) -> str:
    first = next(iter(next(iter(towns.values())).values()))
    return "coverage/" + "/".join(first.slugs[:3]) + ".md"


def coverage_pages(listing: Listing) -> dict[str, str]:
    """The summary page and one grid page per county."""
    years = span(listing)
    counties = by_county(listing)
    pages = {"coverage/index.md": summary_page(listing, years, counties)}
    for county, towns in counties.items():
        path = county_page_path(towns)
        pages[path] = county_page(path, county, towns, years)
    return pages


def summary_page(
    listing: Listing, years: list[int], counties: dict[County, dict[str, dict[int, Brief]]]
) -> str:
    towns = sum(len(t) for t in counties.values())
    out = [
        "---\ntitle: 收录情况\n---\n",
        "# 收录情况\n\n",
        f"本站收录 {len(listing.briefs)} 份报告，涉及 {towns} 个乡镇（街道）、{len(counties)} 个县级地区。\n\n",
    ]
    if not years:
        return "".join(out) + "目前没有收录报告。\n"
    out.append(CAVEAT.format(first=years[0], last=years[-1]) + "\n\n")
    out.append("## 按年度\n\n| 年度 | 已收录 | 缺少 | 收录比例 |\n|---|---:|---:|---:|\n")
    per_year = defaultdict(int)
    for e in listing.briefs:
        per_year[e.year] += 1
    for y in years:
        have = per_year[y]
        out.append(f"| {y} 年 | {have} | {towns - have} | {have / towns * 100:.0f}% |\n")
    out.append(
        "\n## 按县级地区\n\n| 省份 | 地市 | 县（市、区、旗） | 乡镇数 | 已收录 | 缺少 | 详情 |\n"
        "|---|---|---|---:|---:|---:|---|\n"
    )
    for county, county_towns in counties.items():
        have = sum(len(ys) for ys in county_towns.values())
        expected = len(county_towns) * len(years)
        link = relpath(county_page_path(county_towns), "coverage")
        names = " | ".join(esc_md(n) for n in county)
        out.append(f"| {names} | {len(county_towns)} | {have} | {expected - have} | [逐年]({link}) |\n")
    return "".join(out)


def county_page(path: str, county: County, towns: dict[str, dict[int, Brief]], years: list[int]) -> str:
    """One county's towns × years grid: ✓ links to the report, · marks a missing one."""
    here = posixpath.dirname(path)
    title = f"{county[2]}收录情况"
    out = [
        f"---\ntitle: {yaml_str(title)}\n---\n",
        f"# {esc_md(title)}\n\n",
        f"{esc_md(county[0])} › {esc_md(county[1])} › {esc_md(county[2])} · "
        f"[全部地区的收录情况]({relpath('coverage/index.md', here)})\n\n",
        "✓ 表示本站已收录（点击查看报告），· 表示本站缺少这一年的报告。\n\n",
        "| 乡镇（街道） | " + " | ".join(str(y) for y in years) + " | 已收录 |\n",
        "|---|" + ":---:|" * len(years) + "---:|\n",
    ]
    for town, by_year in towns.items():
        first = next(iter(by_year.values()))
        town_link = relpath(f"{first.town_dir}/index.md", here)
        cells = [f"[✓]({relpath(by_year[y].page, here)})" if y in by_year else "·" for y in years]
        out.append(f"| [{esc_md(town)}]({town_link}) | " + " | ".join(cells) + f" | {len(by_year)} |\n")
    totals = [str(sum(1 for ys in towns.values() if y in ys)) for y in years]
    out.append("| **合计** | " + " | ".join(totals) + f" | {sum(len(ys) for ys in towns.values())} |\n")
    return "".join(out)
