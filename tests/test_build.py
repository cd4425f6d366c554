"""The whole pipeline over the seed reports: pages, figures, search index, no foreign hosts, determinism."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from generator.publish import build
from generator.search import shadow_page

ROOT = Path(__file__).resolve().parent.parent
FOREIGN = re.compile(
    r"""(?:src|href|action|content)\s*=\s*["']?(?:https?:)?//(?!127\.0\.0\.1|localhost)([^/"'\s>]+)"""
)


def make_project(tmp: Path, reports: Path | None = None) -> Path:
    """A throwaway copy of the project's site sources and reports."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(
        ROOT / "docs",
        tmp / "docs",
        ignore=shutil.ignore_patterns("places", "years", "downloads", "index.md", "problems.md"),
    )
    shutil.copytree(reports or ROOT / "reports", tmp / "reports")
    if (ROOT / "overrides").is_dir():  # theme overrides (mkdocs.yml custom_dir)
        shutil.copytree(ROOT / "overrides", tmp / "overrides")
    if (ROOT / "hooks").is_dir():  # MkDocs hooks (mkdocs.yml hooks:)
        shutil.copytree(ROOT / "hooks", tmp / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("site"))
    result = build(root)
    assert result.reports == 5 and result.rejected == 0, result.problems
    return root


def page(root: Path, rel: str) -> str:
    return (root / "site" / rel / "index.html").read_text(encoding="utf-8")


def test_report_page_has_meta_figures_and_text(built: Path) -> None:
    html = page(built, "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/2018")
    assert "悦来镇" in html and "桦川县" in html and "佳木斯市" in html and "黑龙江省" in html
    assert re.search(r"主动公开政府信息(?:</a>)?</td>\s*<td[^>]*>98 条", html)
    assert "0454-3833110" in html  # full text is on the page
    assert 'id="L3"' in html  # line anchors for provenance links


def test_town_page_lists_years_with_chart(built: Path) -> None:
    html = page(built, "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen")
    assert "2018 年" in html and "2020 年" in html
    assert 'class="vega-chart"' in html
    spec = json.loads(
        (built / "site/places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/chart.json").read_text()
    )
    years = {v["年度"] for v in spec["data"]["values"]}
    assert years == {"2018", "2020"}


def test_year_page_compares_towns(built: Path) -> None:
    html = page(built, "years/2018")
    for town in ("悦来镇", "曙光镇", "宜就镇", "巴彦托海镇"):
        assert town in html
    spec = json.loads((built / "site/years/2018.json").read_text())
    assert {v["乡镇"]: v["主动公开信息（条）"] for v in spec["data"]["values"]}["曙光镇"] == 184


def test_search_index_covers_every_page(built: Path) -> None:
    """Pagefind (generator/search.py) indexed the pages; browser searches are in test_scale.py."""
    entry = json.loads((built / "site/pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    pages = len(list((built / "site").rglob("index.html")))
    assert entry["languages"]["zh"]["page_count"] == pages
    assert not (built / "site/search/search_index.json").exists()  # Material's search is off


def search_fragments(site: Path) -> dict[str, str]:
    """Pagefind's stored page fragments (gzip, 'pagefind_dcd' + JSON): url -> indexed text."""
    out = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        doc = json.loads(data[data.index(b"{") :])
        out[doc["url"]] = doc["content"].replace("\u200b", "")
    return out


def test_search_index_holds_town_names_and_report_text(built: Path) -> None:
    fragments = search_fragments(built / "site")
    text = " ".join(fragments.values())
    for town in ("悦来镇", "曙光镇", "宜就镇", "巴彦托海镇"):
        assert town in text
    report = "/places/neimengguzizhiqu/hulunbeiershi/ewenkezuzizhiqi/bayantuohaizhen/2018/"
    assert "政府公报发放情况" in fragments[report]  # a phrase from the report body, on its own page
    assert "数据核验" not in fragments[report]  # the checks panel is the site's text, not the report's
    assert "呼伦贝尔市鄂温克族自治旗巴彦托海镇" in fragments[report].replace(" ", "")  # county + town
    for listing in ("/years/2018/", "/"):  # lists of towns are found by their title only
        assert not any(town in fragments[listing] for town in ("悦来镇", "曙光镇", "宜就镇")), listing


def test_search_index_leaves_out_table_lines_and_line_numbers(built: Path) -> None:
    rel = "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/2020/"
    html = (built / "site" / rel / "index.html").read_text(encoding="utf-8")
    assert 'data-table-lines="' in html  # the statutory tables' source lines, marked on the text
    shadow = shadow_page(html, rel + "index.html")
    assert shadow and "href=" not in shadow and not re.search(r">\d+<", shadow)  # no line numbers
    indexed = search_fragments(built / "site")["/" + rel].replace(" ", "")
    assert "充分利用广播、网站、微信" in indexed  # prose is indexed
    assert "属于国家秘密" not in indexed  # a Table B row label (line 54) is not
    assert "属于国家秘密" in html  # though the page shows it


def test_no_page_references_a_foreign_host(built: Path) -> None:
    offenders = {}
    for path in (built / "site").rglob("*.html"):
        hosts = set(FOREIGN.findall(path.read_text(encoding="utf-8")))
        hosts.discard("www.w3.org")  # SVG/XML namespace identifiers, never fetched
        if hosts:
            offenders[str(path.relative_to(built))] = hosts
    assert not offenders


def tree_digest(base: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    other = make_project(tmp_path)
    build(other)
    for part in ("data", "docs", "site"):
        assert tree_digest(built / part) == tree_digest(other / part), part


def test_pages_carry_no_indentation_and_no_per_cell_alignment(built: Path) -> None:
    """hooks/compact_html.py ran on every page (only <pre> & co. may keep indented lines), and
    the generated pages align numeric columns by a class, not by a style attribute on each cell."""
    for path in (built / "site").rglob("*.html"):
        if path.is_relative_to(built / "site" / "pagefind"):
            continue
        html = path.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|script|style|code)\b.*?</\1>|<!--.*?-->", "@", html, flags=re.S)
        assert not re.search(r"\n[ \t]", outside), path
        if path.relative_to(built / "site").parts[0] in ("places", "years", "downloads", "index.html"):
            assert "text-align" not in html, path
    report = page(built, "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/2020")
    assert report.count('<div class="tnum-2 tnum-inner"></div>') >= 3  # facts card, tables A, B, C
