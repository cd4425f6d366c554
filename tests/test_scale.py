"""Scale machinery: the synthetic corpus, the extraction cache, and Pagefind search in a browser."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator import extract_cache
from generator.layout import apply_layout
from generator.pipeline import read_report
from generator.publish import build
from generator.search import page_rank, shadow_page, shards, unigram
from generator.synth import synth, truth_of
from tests.test_browser import ARGS, CHROMIUM
from tests.test_build import make_project, tree_digest


def test_synth_same_seed_same_bytes(tmp_path: Path) -> None:
    assert synth(40, tmp_path / "a", seed=42) == 40
    synth(40, tmp_path / "b", seed=42)
    synth(40, tmp_path / "c", seed=7)
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a" / "reports") != tree_digest(tmp_path / "c" / "reports")
    sizes = [p.stat().st_size for p in (tmp_path / "a" / "reports").rglob("*.txt")]
    assert min(sizes) > 2500 and max(sizes) < 8192
    provinces = {p.name for p in (tmp_path / "a" / "reports").iterdir()}
    assert len(provinces) >= 3


def test_synthetic_summary_figures_are_extracted(tmp_path: Path) -> None:
    synth(120, tmp_path, seed=3)
    files = sorted((tmp_path / "reports").rglob("*.txt"))
    templates = set()
    for path in files[::2]:  # 60 reports
        truth = truth_of(tmp_path, path)
        report = apply_layout(read_report(path), path, tmp_path / "reports")
        got = dict(report.summary)
        if isinstance(got["published"], dt.date):
            got["published"] = got["published"].isoformat()
        templates.add(truth["template"])
        for key, want in truth.items():
            assert got[key] == want, f"{path}: {key} extracted {got[key]!r}, truth {want!r}"
    assert templates == {"legacy", "2019"}


def changed_files(base: Path, since: int) -> set[str]:
    return {str(p.relative_to(base)) for p in base.rglob("*") if p.is_file() and p.stat().st_mtime_ns > since}


def test_cache_reextracts_only_the_changed_report(tmp_path: Path) -> None:
    synth(30, tmp_path / "corpus", seed=5)
    (tmp_path / "site").mkdir()
    root = make_project(tmp_path / "site", tmp_path / "corpus" / "reports")
    build(root, run_mkdocs=False)
    assert extract_cache.LAST.hits == 0 and len(extract_cache.LAST.extracted) == 30
    before = max(p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file())
    build(root, run_mkdocs=False)
    assert extract_cache.LAST.hits == 30 and extract_cache.LAST.extracted == []
    assert changed_files(root / "docs", before) == set() and changed_files(root / "data", before) == set()

    path = sorted((root / "reports").rglob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"主动公开政府信息(\d+)条", "主动公开政府信息9876条", text, count=1), encoding="utf-8"
    )
    since = path.stat().st_mtime_ns - 1
    build(root, run_mkdocs=False)
    rel = str(path.relative_to(root))
    assert extract_cache.LAST.extracted == [rel] and extract_cache.LAST.hits == 29
    docs = changed_files(root / "docs", since)
    total = sum(1 for p in (root / "docs").rglob("*") if p.is_file())
    town = rel.split("/")[1:5]
    data = changed_files(root / "data", since)
    assert data == {"/".join(town) + f"/{path.stem}.yaml"}
    assert any(d.endswith(f"/{path.stem}.md") for d in docs) and len(docs) < total / 5
    for d in docs:  # only the town's files, its year and the site-wide lists and downloads
        assert d.startswith(("places/", "years/", "downloads/", "coverage/", "index.md")), d
    assert len(list((root / ".cache" / "extract").iterdir())) == 30  # stale entry pruned


def test_unigram_shadow_keeps_title_and_splits_han() -> None:
    assert unigram("<p>营商环境 2018年</p>") == "<p>营\u200b商\u200b环\u200b境 2018\u200b年</p>"
    page = (
        '<html><article class="md-content__inner md-typeset"><h1 id="x">关于本站'
        '<a class="headerlink" href="#x">¶</a></h1><p id="L3"><a class="ln" href="#L3">3</a>桦川县</p>'
        "</article></html>"
    )
    shadow = shadow_page(page, "about/index.html")
    assert shadow and 'data-pagefind-meta="title:关于本站"' in shadow
    assert "¶" not in shadow and ">3<" not in shadow and "桦\u200b川\u200b县" in shadow


REPORT_PAGE = (
    '<html><article class="md-content__inner md-typeset"><h1 id="t">悦来镇 2018 年政府信息公开工作年度报告</h1>'
    '<p><a href="../../../../../">地区</a> › <a href="../../../../">黑龙江省</a> › <a href="../../../">佳木斯市</a>'
    ' › <a href="../../">桦川县</a> › <a href="../">悦来镇</a> › 2018 年</p>'
    '<h2 id="主要数据">主要数据</h2><table><tr><td>主动公开政府信息</td><td>98 条</td></tr></table>'
    "<h2>数据核验</h2><p>✓ B-1 收办平衡：7 列全部相符</p>"
    '<div class="report-text" lang="zh-CN"><p id="L1"><a class="ln" href="#L1" aria-label="第 1 行">1</a>'
    '一、总体情况</p><p id="L2"><a class="ln" href="#L2">2</a>便民服务中心电子显示屏滚动播放</p></div>'
    "</article></html>"
)


def test_report_shadow_holds_title_place_and_full_text_only() -> None:
    shadow = shadow_page(REPORT_PAGE, "places/hlj/jms/hcx/ylz/2018/index.html")
    assert shadow is not None
    text = shadow.replace("\u200b", "")
    assert "<p>黑龙江省佳木斯市桦川县悦来镇</p>" in text  # county + town is one phrase
    assert "便民服务中心电子显示屏滚动播放" in text and "一、总体情况" in text
    assert "数据核验" not in text and "98 条" not in text and "收办平衡" not in text  # facts, checks
    assert ' id="' not in text and ">1<" not in text and ">2<" not in text  # no anchors, line numbers
    assert 'data-pagefind-sort="rank:17982"' in shadow  # reports after everything else, newest first


def test_town_region_and_year_pages_are_indexed_by_name() -> None:
    town = REPORT_PAGE.replace("悦来镇 2018 年政府信息公开工作年度报告", "悦来镇").replace(" › 2018 年", "")
    town = re.sub(r'<div class="report-text".*?</div>', "<p>2018 年报告：便民服务</p>", town)
    shadow = shadow_page(town, "places/hlj/jms/hcx/ylz/index.html")
    assert shadow and "<h1>悦\u200b来\u200b镇</h1><p>黑\u200b龙" in shadow  # title and place
    assert "便" not in shadow and "主" not in shadow and 'data-pagefind-sort="rank:3"' in shadow
    county = shadow_page(town, "places/hlj/jms/hcx/index.html")
    assert county and 'data-pagefind-sort="rank:2"' in county
    year = REPORT_PAGE.replace("悦来镇 2018 年政府信息公开工作年度报告", "2018 年度报告")
    shadow = shadow_page(year, "years/2018/index.html")
    assert shadow and "悦" not in shadow and "便" not in shadow and "2018 年\u200b度" in shadow
    assert page_rank("index.html", report=False) == 4 and page_rank("glossary/index.html", report=False) == 5


def test_shards_split_by_bytes_in_order() -> None:
    pages = [(f"p{i:02}.html", 10) for i in range(10)]
    parts = shards(pages, 35)
    assert [len(p) for p in parts] == [3, 3, 4] or [len(p) for p in parts] == [4, 3, 3]
    assert sum(parts, []) == [r for r, _ in pages]
    assert shards([], 35) == [[]] and shards(pages, 10_000) == [[r for r, _ in pages]]


# --- search in a real browser -------------------------------------------------------------------


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str, list[str]]:
    """Serve site/ on a free loopback port; also return the list of requested paths."""
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args: object) -> None:
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/", requested


def header_search(page, query: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Search with the header UI; (title, place, excerpt) of the results shown, best first."""
    if page.locator(".pf-search__panel").is_hidden():
        page.click(".pf-search__open")
    page.fill(".pf-search__input", query)
    page.wait_for_selector(".pf-search__status[data-results]", timeout=20000)
    page.wait_for_load_state("networkidle")
    out = []
    for item in page.locator(".pf-search__result").all():
        place = item.locator(".pf-search__place")
        out.append(
            (
                item.locator(".pf-search__link").inner_text(),
                place.inner_text() if place.count() else "",
                item.locator(".pf-search__excerpt").inner_text(),
            )
        )
    return out


SHARD_BYTES = 60_000


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian chromium not installed")
    tmp = tmp_path_factory.mktemp("scale")
    synth(24, tmp / "corpus", seed=11)
    (tmp / "site").mkdir()
    root = make_project(tmp / "site", tmp / "corpus" / "reports")
    os.environ["PORTAL_SEARCH_SHARD_BYTES"] = str(SHARD_BYTES)  # several shards, merged in the browser
    try:
        build(root)
    finally:
        del os.environ["PORTAL_SEARCH_SHARD_BYTES"]
    assert len(json.loads((root / "site/pagefind/shards.json").read_text())) >= 1
    return root


@pytest.mark.browser
def test_header_search_finds_towns_and_phrases(synthetic_site: Path) -> None:
    from playwright.sync_api import sync_playwright

    reports = synthetic_site / "reports"
    town_dir = sorted(reports.glob("*/*/*/*"))[1]
    town, county = town_dir.name, town_dir.parent.name
    texts = [p.read_text(encoding="utf-8") for p in town_dir.glob("*.txt")]
    server, url, requested = serve(synthetic_site / "site")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            foreign: list[str] = []
            page.on("request", lambda r: None if r.url.startswith(url) else foreign.append(r.url))
            page.goto(url)
            page.wait_for_load_state("networkidle")
            assert not any("pagefind" in p for p in requested)  # nothing before the search is opened
            hits = header_search(page, town)
            assert hits and all(town in t + e for t, _, e in hits[:5]), hits
            assert hits[0][0].strip() == town, hits  # the town's own page comes first
            assert county in hits[0][1] and town in hits[0][1], hits  # with its place
            assert not any(re.fullmatch(r"\d{4} 年度报告", t.strip()) for t, _, _ in hits), (
                hits
            )  # no year list
            years = sorted((p.stem for p in town_dir.glob("*.txt")), reverse=True)
            assert [t.split()[1] for t, _, _ in hits[1:]] == years[: len(hits) - 1], (
                hits
            )  # reports, newest first
            count = page.locator(".pf-search__status").get_attribute("data-results")
            assert count == str(len(hits)) and f"找到 {len(hits)} 个结果" in page.inner_text(
                ".pf-search__status"
            )
            if any(county + town in t for t in texts):
                page.goto(url + "years/")
                hits = header_search(page, county + town)  # longer than the window: checked
                assert hits and all(county + town in e.replace("\n", "") for _, _, e in hits), hits
                assert hits[0][0].strip() == town, hits
            page.goto(url)
            hits = header_search(page, "便民服务中心电子显示屏")
            assert hits and all("便民服务中心电子显示屏" in e for _, _, e in hits), hits
            assert all("\u200b" not in t + e for t, _, e in hits)
            marked = page.locator(".pf-search__excerpt mark").all_inner_texts()
            assert marked and all(m == "便民服务中心电子显示屏" for m in marked), marked
            shown = len(hits)
            if page.locator(".pf-search__more").is_visible():  # more results: the next ones, checked too
                page.click(".pf-search__more")
                page.wait_for_function(f"document.querySelectorAll('.pf-search__result').length > {shown}")
                page.wait_for_load_state("networkidle")
                texts_now = page.locator(".pf-search__excerpt").all_inner_texts()
                assert all("便民服务中心电子显示屏" in e for e in texts_now), texts_now
            page.click(".pf-search__link")
            page.wait_for_load_state("networkidle")
            assert "/places/" in page.url
            browser.close()
    finally:
        server.shutdown()
    assert not foreign, foreign
    assert any(p.startswith("/pagefind/") for p in requested)
    assert not any("pagefind-ui" in p or "pagefind-worker" in p for p in requested), requested


@pytest.mark.browser
def test_long_query_is_looked_up_by_its_rarest_characters_and_checked(
    synthetic_site: Path, tmp_path: Path
) -> None:
    """A query longer than the window is looked up by its rarest characters (chars.json), and only
    pages holding the whole query are shown: here a table that calls 子显示屏 the rarest makes every
    report with 电子显示屏 a candidate, and none of them holds 政务公开电子显示屏."""
    from playwright.sync_api import sync_playwright

    site = tmp_path / "site"
    shutil.copytree(synthetic_site / "site", site)
    table = json.loads((site / "pagefind" / "chars.json").read_text(encoding="utf-8"))
    assert table["pages"] > 24 and len(table["levels"]) == 44
    common = "".join(sorted(set("政务公开电中心便民服")))
    (site / "pagefind" / "chars.json").write_text(
        json.dumps({"pages": 100, "step": 0.25, "levels": [common] + [""] * 43}), encoding="utf-8"
    )
    server, url, requested = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page()
            page.goto(url)
            assert header_search(page, "政务公开电子显示屏") == []
            status = page.locator(".pf-search__status")
            assert int(status.get_attribute("data-candidates") or 0) >= 1  # reports with 子显示屏
            assert "没有找到" in status.inner_text()
            hits = header_search(page, "服务中心电子显示屏")  # the same window: all found
            assert hits and all("服务中心电子显示屏" in e for _, _, e in hits), hits
            browser.close()
    finally:
        server.shutdown()


def test_pagefind_output_is_deterministic(synthetic_site: Path, tmp_path: Path) -> None:
    from generator.search import index_site

    copy = tmp_path / "site"
    shutil.copytree(synthetic_site / "site", copy)
    index_site(copy, shard_bytes=SHARD_BYTES)
    for shard in ("pagefind", "pagefind-1"):
        assert tree_digest(copy / shard) == tree_digest(synthetic_site / "site" / shard)


def test_unchanged_shards_come_from_the_cache(
    synthetic_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import search

    runs: list[str] = []
    real = search.run_pagefind
    monkeypatch.setattr(
        search, "run_pagefind", lambda shadow, out: (runs.append(out.name), real(shadow, out))
    )
    copy, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(synthetic_site / "site", copy)
    search.index_site(copy, shard_bytes=SHARD_BYTES, cache=cache)
    shards = len(runs)
    assert shards >= 2
    first = {d.name: tree_digest(d) for d in copy.glob("pagefind*")}
    runs.clear()
    search.index_site(copy, shard_bytes=SHARD_BYTES, cache=cache)  # nothing changed: nothing indexed
    assert runs == [] and {d.name: tree_digest(d) for d in copy.glob("pagefind*")} == first
    page = max((copy / "places").rglob("20*/index.html"))  # the last report: the last shard
    text = re.sub(
        r'(<p id="L\d+"><a href="#L\d+">\d+</a>)',
        r"\1新增的一句话。",
        page.read_text(encoding="utf-8"),
        count=1,
    )
    page.write_text(text, encoding="utf-8")  # a change in the report's text, which is indexed
    search.index_site(copy, shard_bytes=SHARD_BYTES, cache=cache)
    assert len(runs) == 1  # only the changed page's shard
