"""Generated pages: what a reader finds on them, from synthetic reports and from the built seeds site."""

from __future__ import annotations

import re
import time
from pathlib import Path

import markdown
import pytest

from generator import chart, index, render, statutory
from generator.briefs import Brief, Listing, brief
from generator.catalog import Entry
from generator.figures import GLOSSARY_TERMS
from generator.pagekit import md_table
from generator.publish import build
from generator.records import Check, Figure, Meta, Report, Section, Table, TableRow
from tests.test_build import ROOT, make_project

PLACE = ("黑龙江省", "佳木斯市", "桦川县", "悦来镇")
SLUGS = ("heilongjiangsheng", "jiamusishi", "huachuanxian", "yuelaizhen")
EVIL = "<script>alert(1)</script>[点我](http://evil.example) *粗* |"


def report(year: int = 2020, **summary: object) -> Report:
    """A 2019-format report with Table B, Table C, checks and a sidecar text that tries to be markup."""
    b_rows = [
        TableRow("new", "一、本年新收政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3], 50),
        TableRow("carried_over", "二、上年结转政府信息公开申请数量", [0] * 7, 51),
        TableRow("public", "（一）予以公开", [2, 0, 0, 0, 0, 0, 2], 52),
        TableRow("withheld_secret", "1.属于国家秘密", [None] * 7, 54),
        TableRow("unavailable_not_held", "1.本机关不掌握相关政府信息", [1, 0, 0, 0, 0, 0, 1], 60),
        TableRow("total", "（七）总计", [3, 0, 0, 0, 0, 0, 3], 77),
        TableRow("carry_forward", "四、结转下年度继续办理", [0] * 7, 78),
    ]
    cols = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    c_cols = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    tables = {
        "B": Table("B", "2019", cols, b_rows, line=44, end_line=78),
        "C": Table("C", "2019", c_cols, [TableRow("review", "行政复议", [0, 0, 0, 0, 0], 87)], line=80),
    }
    checks = [
        Check("B-1", "收办平衡", True, "一+二 = 三（七）+ 四", [50, 51, 77, 78]),
        Check("C-1", "复议总计", False, "结果之和 0 ≠ 总计 1", [87]),
        Check("B-2", "明细合计", None, "缺少单元格", []),
    ]
    lines = [f"第{i}行的文字" for i in range(1, 100)]
    lines[34] = "全年主动公开政府信息98条"
    lines[4] = "一、总体情况"
    base = {"proactive_total": 98, "applications_received": 3, "applications_carried_over": 0}
    base |= {"reviews_total": None, "litigations_total": None}
    return Report(
        path="reports/x.txt",
        meta=Meta(
            title=EVIL, town="悦来镇", county="桦川县", prefecture="佳木斯市", province="黑龙江省", year=year
        ),
        template="2019",
        summary=base | summary,
        facts={
            "proactive_total": Figure(98, 35, "全年主动公开政府信息98条"),
            "table_b.new.total": Figure(3, 50),
        },
        sections=[Section("总体情况", 5, "一")],
        tables=tables,
        checks=checks,
        lines=lines,
    )


def entry(year: int = 2020, place: tuple[str, str, str, str] = PLACE, **summary: object) -> Entry:
    return Entry(report(year, **summary), f"reports/{'/'.join(place)}/{year}.txt", place, year, SLUGS)


DOWNLOADS = {"结构化数据（YAML）": "2020.yaml", "原始文件": "2020.source.txt"}


@pytest.fixture(scope="module")
def page_md() -> str:
    return render.render_report(entry(), entry(2018), None, DOWNLOADS)


def h2s(md: str) -> list[str]:
    return re.findall(r"(?m)^## (.+)$", md)


def test_report_page_starts_with_the_facts_then_checks_then_tables(page_md: str) -> None:
    heads = h2s(page_md)
    assert heads[:2] == ["主要数据", "数据核验"]
    assert heads.index("表二　收到和处理政府信息公开申请情况") < heads.index("报告全文")
    assert heads[-1] == "报告全文"


def cells(html: str) -> list[list[str]]:
    """The rows of a raw HTML table as lists of cell contents."""
    return [re.findall(r"<t[dh]>(.*?)</t[dh]>", row, re.S) for row in html.split("<tr>")[1:]]


def test_facts_card_links_every_figure_to_its_line_and_says_when_missing(page_md: str) -> None:
    card = cells(page_md.split("## 主要数据")[1].split("## 数据核验")[0])
    by_label = {re.sub(r"<[^>]+>", "", row[0]): row[1:] for row in card}
    assert by_label["主动公开政府信息"] == [
        "98 条",
        '<a href="#L35">第 35 行</a>：“全年主动公开政府信息98条”',
    ]
    assert by_label["新收政府信息公开申请"] == ["3 件", '<a href="#L50">第 50 行</a>']
    assert by_label["行政复议"] == ["未提及", "—"]
    assert '<a href="../../../../../../glossary/#行政复议">行政复议</a>' in str(card)  # served URL
    assert by_label["办结申请（办理结果总计）"][1] == '<a href="#L77">第 77 行</a>'  # Table B （七）总计
    assert "收取信息处理费" not in by_label  # fees only when the report gives them


def test_fees_show_only_when_the_text_states_them() -> None:
    e = entry()
    e.report.facts["fees"] = Figure(0, 60, "行政事业性收费 0")  # a Table B line: not the disclosure fee
    assert "收取信息处理费" not in render.facts_card(e.page, e.report)
    e.report.facts["fees"] = Figure(120, 92, "共收取信息处理费120元")
    fees = next(row for row in cells(render.facts_card(e.page, e.report)) if "收取信息处理费" in row[0])
    assert fees[1:] == ["120 元", '<a href="#L92">第 92 行</a>：“共收取信息处理费120元”']


def test_checks_panel_shows_marks_cells_and_lines_failures_first(page_md: str) -> None:
    panel = page_md.split("## 数据核验")[1].split("## ")[0]
    assert "共 3 项：✓ 通过 1 项，✗ 未通过 1 项，？ 无法核验 1 项" in panel
    items = re.findall(r"<li>(.*?)</li>", panel)
    assert [re.search(r">(.)</span>", i).group(1) for i in items] == ["✗", "？", "✓"]
    assert "结果之和 0 ≠ 总计 1" in items[0] and '<a href="#L87">第 87 行</a>' in items[0]
    assert (
        '第 <a href="#L50">50</a>、<a href="#L51">51</a>、<a href="#L77">77</a>、<a href="#L78">78</a> 行'
        in items[2]
    )


def test_statutory_rows_keep_official_labels_link_the_glossary_and_regain_their_groups(page_md: str) -> None:
    # The statutory tables are raw HTML blocks (fast to convert); links are served URLs.
    table_b = page_md.split("## 表二")[1].split("## 表三")[0]
    glossary = "../../../../../../glossary/#"
    assert f'（一）<a href="{glossary}予以公开">予以公开</a>' in table_b
    assert f'（三）<a href="{glossary}不予公开">不予公开</a>' in table_b  # the template's group row
    assert f'（四）<a href="{glossary}无法提供">无法提供</a>' in table_b
    assert f'三、本年度<a href="{glossary}办理结果">办理结果</a>' in table_b
    rows = table_b.split("<tr>")
    secret = next(row for row in rows if "属于国家秘密" in row)
    assert secret.count("<td>—</td>") == 7 and '<td><a href="#L54">第 54 行</a></td>' in secret
    header = "".join(
        f"<th>{c}</th>\n" for c in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
    )
    assert "<th>项目</th>\n" + header + "<th>总计</th>\n<th>原文</th>" in table_b
    assert f'<a href="{glossary}行政复议">行政复议</a>' in page_md.split("## 表三")[1]


def test_every_glossary_link_has_its_entry() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"(?m)^## (.+)$", glossary))
    assert set(GLOSSARY_TERMS) <= headings


def test_full_text_has_line_and_heading_anchors_and_an_outline(page_md: str) -> None:
    text = page_md.split("## 报告全文")[1]
    assert "- [一、总体情况](#L5)" in text
    assert '<h3 id="L5"><a href="#L5">5</a>一、总体情况</h3>' in text
    assert '<p id="L35"><a href="#L35">35</a>全年主动公开政府信息98条</p>' in text
    # every non-blank line has its anchor and its visible number linked to it
    for n in range(1, 100):
        assert re.search(rf'<(p|h3) id="L{n}"><a href="#L{n}">{n}</a>[^<]*</\1>', text), n


def test_numeric_columns_are_right_aligned_by_a_class_not_per_cell(page_md: str) -> None:
    assert "---:" not in page_md  # no Markdown alignment: it puts a style attribute on every cell
    table_b = page_md.split("## 表二")[1].split("## 表三")[0]
    assert (
        '<div class="tnum-2 tnum-inner"></div>\n\n<table>\n<thead>\n<tr>\n<th>项目</th>\n<th>自然人</th>'
        in table_b
    )
    card = page_md.split("## 主要数据")[1].split("## ")[0]
    assert '<div class="tnum-2 tnum-inner"></div>\n\n<table>\n<thead>\n<tr>\n<th>指标</th>' in card


@pytest.mark.parametrize(
    ("align", "marker"),
    [("lrl", "tnum-2 tnum-inner"), ("lrrr", "tnum-2"), ("llrr", "tnum-3"), ("lllllr", "tnum-6")],
)
def test_numeric_marker_names_the_css_rule(align: str, marker: str) -> None:
    table = md_table(["x"] * len(align), [["1"] * len(align)], align=align)
    assert table.startswith(f'<div class="{marker}"></div>\n\n| x |')
    assert "style" not in markdown.markdown(table, extensions=["tables"])


def test_numeric_marker_refuses_columns_css_cannot_align() -> None:
    assert md_table(["a", "b"], [["1", "2"]], align="ll").startswith("| a | b |")
    with pytest.raises(ValueError):
        md_table(["a", "b", "c"], [["1", "2", "3"]], align="rlr")


def test_check_lines_are_ranges_and_a_long_passed_list_is_summarised() -> None:
    assert statutory.lines_link([7]) == "[第 7 行](#L7)"
    assert statutory.lines_link([52, 53, 57]) == "第 [52](#L52)、[53](#L53)、[57](#L57) 行"
    assert statutory.lines_link(list(range(40, 60)) + [62]) == "第 [40](#L40)–[59](#L59)、[62](#L62) 行"
    scattered = list(range(61, 214, 8))  # 20 lines, none next to another (one cell per line)
    full = statutory.lines_link(scattered)
    assert all(f"[{n}](#L{n})" in full for n in scattered)  # a failed check lists every line
    assert statutory.lines_link(scattered, summarize=True) == "第 [61](#L61)–[213](#L213) 行中的 20 行"
    assert statutory.lines_link([3, 16, 35, 61, 66, 69], summarize=True).count("](#L") == 6


def test_year_links_downloads_and_source(page_md: str) -> None:
    assert "[← 2018 年](2018.md)" in page_md and "[悦来镇历年报告](index.md)" in page_md
    assert (
        '<a href="../2020.yaml">结构化数据（YAML）</a> · <a href="../2020.source.txt">原始文件</a>' in page_md
    )
    assert "og_type: article" in page_md.split("---")[1]


def test_report_text_never_becomes_markup(page_md: str) -> None:
    assert "<script>" not in page_md and "](http://evil.example)" not in page_md
    assert "&lt;script&gt;" in page_md


def test_town_page_shows_every_year_gaps_charts_and_checks_by_year() -> None:
    entries = [brief(entry(2017)), brief(entry(2020, applications_received=None))]
    md = index.town_page("places/" + "/".join(SLUGS) + "/index.md", entries)
    assert "缺少 2018、2019 年的报告" in md
    assert "[2017 年](2017.md) · 2018 年（缺） · 2019 年（缺） · [2020 年](2020.md)" in md
    assert "| 2018 年（未收录） |" in md
    assert md.count('class="vega-chart"') == len(chart.town_series([e.figures for e in entries])) == 2
    assert "[✗ 1 项未通过](2020.md#数据核验)" in md
    spec = chart.town_chart([e.figures for e in entries])
    assert len(spec["vconcat"]) == 2 and {v["年度"] for v in spec["data"]["values"]} == {"2017", "2020"}


def many_entries(n: int) -> list[Brief]:
    """n reports of one year in distinct towns (names and figures vary)."""
    out = []
    for i in range(n):
        place = ("河北省", f"市{i % 11}", f"县{i % 97}", f"镇{i:05d}")
        e = Entry(report(2021, proactive_total=i * 7 % 900), f"r/{i}.txt", place, 2021)
        e.slugs = ("hebei", f"shi{i % 11}", f"xian{i % 97}", f"zhen{i:05d}")
        out.append(brief(e))
    return out


def test_year_page_with_5000_reports_stays_small_and_fast() -> None:
    entries = many_entries(5000)
    started = time.perf_counter()
    md = index.year_page("years/2021.md", 2021, entries)
    spec = chart.year_chart([e.figures for e in entries])
    assert time.perf_counter() - started < 10
    rows = [line for line in md.splitlines() if line.startswith("| 河北省 |")]
    assert len(rows) == 5000
    assert max(len(r.encode()) for r in rows) < 300  # one link per row, no per-row HTML
    assert 'data-filter-columns="0,1,2"' in md
    assert len(spec["vconcat"]) == 1  # the histogram only: 5000 bars would be unreadable
    assert "乡镇超过 30 个，不逐一画出" in md


def test_home_page_explains_searches_and_lists_latest() -> None:
    md = index.home_page(Listing([brief(entry(2018)), brief(entry(2020))]))
    assert '<form class="home-search" role="search"' in md and 'name="q"' in md
    assert "本站目前收录 **2** 份报告" in md
    assert md.index("[悦来镇 2020 年]") < md.index("[悦来镇 2018 年]")
    assert "glossary.md" in md


# ---- the built seeds site -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("pages"))
    build(root)
    return root / "site"


def html(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


REPORT = "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/2020"


def test_every_page_is_zh_cn(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert '<html lang="zh-CN"' in path.read_text(encoding="utf-8"), path


def test_open_graph_tags(site: Path) -> None:
    page = html(site, REPORT)
    assert '<meta property="og:type" content="article">' in page
    assert re.search(r'<meta property="og:title" content="悦来镇 2020 年政府信息公开工作年度报告">', page)
    assert re.search(r'<meta property="og:description" content="黑龙江省佳木斯市桦川县悦来镇 2020 年', page)
    assert re.search(rf'<meta property="og:url" content="http://127\.0\.0\.1:\d+/{REPORT}/">', page)
    assert '<meta property="og:type" content="website">' in html(site, "years/2018")


def test_404_page_and_sitemap(site: Path) -> None:
    assert "找不到这个页面" in (site / "404.html").read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{REPORT}/</loc>" in sitemap and "/glossary/</loc>" in sitemap


def test_anchors_that_pages_link_to_exist(site: Path) -> None:
    glossary = html(site, "glossary")
    for term in GLOSSARY_TERMS:
        assert f'id="{term}"' in glossary, term
    report_page = html(site, REPORT)
    assert 'id="数据核验"' in report_page and 'id="主要数据"' in report_page
