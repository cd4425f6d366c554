"""Index pages: the home page and the problems page; the place, town and year pages live in
generator/regions.py and generator/yearpages.py and are re-exported here for the build."""

from __future__ import annotations

from generator import measures_view
from generator.briefs import Brief, Listing
from generator.markup import esc_md, yaml_str
from generator.pagekit import figure_cells, figure_columns, figure_row, md_table, rel, url_rel
from generator.regions import region_pages, region_tree, town_page
from generator.yearpages import year_page, years_index

__all__ = [
    "figure_row",
    "home_page",
    "problems_page",
    "region_pages",
    "rel",
    "town_page",
    "url_rel",
    "year_page",
    "years_index",
]
LATEST = 10  # reports listed under 最新收录 on the home page
INTRO = (
    "依照《中华人民共和国政府信息公开条例》，每个乡、镇、街道每年都要公布上一年的"
    "[政府信息公开工作年度报告](glossary.md#政府信息公开年度报告)：主动公开了多少信息，"
    "收到和办理了多少公开申请，有没有因此被申请行政复议或者被起诉。"
    "这些报告是了解身边的政府做了什么、答复得怎么样的第一手材料，"
    "但它们分散在数千个地方政府网站上，格式不一，难以查找和比较。\n\n"
    "本站把这些报告收集起来，读出其中的数字，整理成统一的数据：可以按地区、按年度查阅，"
    "可以看到同一个乡镇历年的变化，也可以检索报告全文。每个数字都注明它在原文中的位置，"
    "并用法定表格本身的[勾稽关系](glossary.md#勾稽关系)核对。\n"
)


def search_box() -> str:
    """A prominent search form: it opens the site search with the query (`?q=`)."""
    return (
        '<form class="home-search" role="search" action="." method="get">\n'
        '<label for="home-q">搜索乡镇名称或报告中的词语</label>\n'
        '<input id="home-q" type="search" name="q" placeholder="例如：曙光镇、政府公报" autocomplete="off">\n'
        '<button type="submit">搜索</button>\n'
        "</form>\n"
    )


def totals(listing: Listing) -> str:
    """Counts of reports, towns, counties and provinces, and the years covered."""
    years = sorted({e.year for e in listing.briefs})
    places = [{e.place[:n] for e in listing.briefs} for n in (1, 3, 4)]
    span = f"{years[0]}–{years[-1]}" if years else "—"
    return (
        f"本站目前收录 **{len(listing.briefs)}** 份报告，来自 **{len(places[2])}** 个乡镇（街道）、"
        f"**{len(places[1])}** 个县（市、区、旗）、**{len(places[0])}** 个省级地区，年度 {span}。\n"
    )


def latest_table(page: str, entries: list[Brief]) -> str:
    """The newest reports (by year covered, then publication date) with their key figures."""

    def newest(e: Brief) -> tuple:
        published = e.published
        return (e.year, published.isoformat() if published else "", e.place)

    latest = sorted(entries, key=newest, reverse=True)[:LATEST]
    rows = [
        [f"[{esc_md(e.place[3])} {e.year} 年]({rel(page, e.page)})", esc_md(e.place[0] + e.place[2])]
        + figure_cells(e)[:2]
        for e in latest
    ]
    return md_table(["报告", "地区", *figure_columns()[:2]], rows, align="llrr")


def home_page(listing: Listing) -> str:
    """index.md: what the portal is and why, search, totals, newest reports, ways to browse."""
    regions = region_tree(listing)
    provinces = sorted((k for k in regions if len(k) == 1), key=lambda k: regions[k].slugs)
    years = listing.years()
    out = [
        "---\n"
        f"description: {yaml_str('全国乡镇（街道）政府信息公开工作年度报告：统一的数据、检索与比较')}\n---\n",
        "# 乡镇政府信息公开工作年度报告\n",
        INTRO,
        search_box(),
        totals(listing),
        "## 最新收录的报告\n",
        latest_table("index.md", listing.briefs),
        "## 按地区浏览\n",
    ]
    out += [
        f"- [{esc_md(p[0])}]({regions[p].page})：{len(regions[p].towns)} 个乡镇，{regions[p].reports} 份报告"
        for p in provinces
    ]
    out += ["", "## 按年度浏览\n"]
    out += [f"- [{y} 年](years/{y}.md)：{len(es)} 份报告" for y, es in sorted(years.items(), reverse=True)]
    out += ["", "## 怎样读这些报告\n"]
    out.append(
        "报告里的“予以公开”“不予处理”“行政复议”等说法，见[术语解释](glossary.md)。"
        "数字均按报告原文照录；每个数字都标明它在原文中的行号，核验结果见各报告页。"
        "本站怎样收集和核对数据，见[关于本站](about.md)。\n"
    )
    out.append(measures_view.home_links())  # open data, feed, coverage, measures (measures_view.py)
    if listing.rejected:
        out.append(f"另有 {len(listing.rejected)} 个文件暂时无法使用，见[无法使用的报告](problems.md)。\n")
    return "\n".join(out)


def problems_page(listing: Listing) -> str:
    out = [
        "---\ntitle: 无法使用的报告\n---\n",
        "# 无法使用的报告\n",
        "reports/ 目录下的每个文件，要么出现在本站，要么列在这里并说明原因。\n",
    ]
    if not listing.rejected:
        out.append("目前没有无法使用的文件。\n")
    else:
        rows = [[esc_md(r.source), esc_md("；".join(r.reasons))] for r in listing.rejected]
        out.append(md_table(["文件", "原因"], rows, align="ll"))
    return "\n".join(out)
