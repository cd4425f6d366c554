"""Issue 7: bad input never breaks the site or loses a report.

One site is built from the seeds plus every bad, odd and hostile input of tests/badcorpus.py.
Every file under reports/ is then either on the site (a report page serving its original bytes)
or on the problems page with its reason; report text is inert everywhere it appears; nothing is
written outside the output folders; a second build is byte-identical; `check` exits non-zero.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import time
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
import yaml

from generator.catalog import IGNORED_NAMES, display_path
from generator.cli import main
from generator.extract import extract
from generator.pipeline import read_report
from generator.publish import BuildResult, build
from tests.badcorpus import BASE, OUTSIDE_SECRET, Case, big_report, long_line, make_reports
from tests.test_build import make_project, tree_digest

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc")
TOP_LEVEL = {"mkdocs.yml", "docs", "reports", "overrides", "hooks", "data", "site", ".cache", "secret.txt"}


def build_bad(root: Path, big: bool = False, site_url: str | None = None) -> tuple[list[Case], BuildResult]:
    make_project(root)
    cases = make_reports(root, with_seeds=False, big=big)
    with pytest.MonkeyPatch.context() as mp:
        if site_url:  # instant navigation and search need the address the site is served from
            mp.setenv("SITE_URL", site_url)
        return cases, build(root)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory, port: int) -> tuple[Path, list[Case], BuildResult]:
    root = tmp_path_factory.mktemp("bad-site")
    cases, result = build_bad(root, site_url=f"http://127.0.0.1:{port}/")
    return root, cases, result


# ---- reading the built site -----------------------------------------------------------------------


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def problems_listed(site: Path) -> dict[str, str]:
    """The problems page's table: file (as shown) -> reason."""
    tree = lxml.html.parse(str(site / "problems" / "index.html"))
    rows = {}
    for tr in tree.iterfind(".//article//table//tr"):
        cells = [td.text_content().strip() for td in tr.iterfind("td")]
        if len(cells) >= 2:
            rows[cells[0]] = cells[1]
    return rows


def report_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "places").rglob("index.html") if re.fullmatch(r"\d{4}", p.parent.name))


def original_of(page: Path) -> bytes:
    """The bytes a report page offers as its original file (the 原始文件 download)."""
    tree = lxml.html.parse(str(page))
    link = next(a for a in tree.iterfind(".//a") if a.text_content().strip() == "原始文件")
    return (page.parent / link.get("href")).resolve().read_bytes()


def figure(page: Path, label: str) -> str:
    """The value shown for a key figure in a report page's 主要数据 table."""
    tree = lxml.html.parse(str(page))
    for tr in tree.iterfind(".//article//tr"):
        cells = [td.text_content().strip() for td in tr.iterfind("td")]
        if len(cells) >= 2 and cells[0] == label:
            return cells[1]
    raise AssertionError(f"{page}: no figure {label}")


def files_under_reports(root: Path) -> list[Path]:
    reports = root / "reports"
    return sorted(
        p for p in reports.rglob("*") if (p.is_file() or p.is_symlink()) and p.name not in IGNORED_NAMES
    )


def shown(root: Path, path: Path) -> str:
    return display_path(str(path.relative_to(root)))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---- every file is on the site or listed -------------------------------------------------------------


def test_every_file_is_on_the_site_or_listed_with_a_reason(bad: tuple[Path, list[Case], BuildResult]) -> None:
    root, cases, result = bad
    site = root / "site"
    listed = problems_listed(site)
    pages = report_pages(site)
    on_site = sorted(digest(original_of(p)) for p in pages)
    unlisted_reports, unaccounted = [], []
    for path in files_under_reports(root):
        name = shown(root, path)
        if name in listed:
            continue
        if path.suffix.lower() in REPORT_SUFFIXES:
            unlisted_reports.append(digest(path.read_bytes()))
        elif not any(path.with_suffix(s).exists() for s in REPORT_SUFFIXES):
            unaccounted.append(name)  # a sidecar counts with its report
    assert not unaccounted
    assert sorted(unlisted_reports) == on_site  # each unlisted report has exactly one page
    assert len(listed) == result.rejected and len(pages) == result.reports
    seeds = len(list((make_project.__globals__["ROOT"] / "reports").rglob("*.txt")))
    assert result.reports == seeds + sum(c.on_site and c.rel.endswith(REPORT_SUFFIXES) for c in cases)
    assert result.rejected == sum(not c.on_site for c in cases)


def test_each_input_gets_what_the_issue_says(bad: tuple[Path, list[Case], BuildResult]) -> None:
    root, cases, _ = bad
    listed = problems_listed(root / "site")
    for case in cases:
        name = display_path(case.rel)
        if case.on_site:
            assert name not in listed, (case.what, listed.get(name))
        else:
            assert name in listed, case.what
            assert case.reason.lower() in listed[name].lower(), (case.what, listed[name])


def test_reasons_say_what_to_do(bad: tuple[Path, list[Case], BuildResult]) -> None:
    listed = problems_listed(bad[0] / "site")
    reasons = {name.split("/")[-2]: reason for name, reason in listed.items() if name.count("/") >= 5}
    assert "line 3" in reasons["坏格式镇"]  # broken YAML: the sidecar's name and line
    assert "2018.yaml" in reasons["坏格式镇"]
    assert "2018-13-45" not in reasons["错日期镇"] and "2021-01-29" in reasons["错日期镇"]
    assert "outside 2008" in reasons["未来镇"] and "name the file" in reasons["未来镇"]
    assert "某某县教育局" in reasons["部门镇"] and "title:" in reasons["部门镇"]
    assert "某某县" in reasons["县级镇"] and "move the file" in reasons["县级镇"]
    assert "编码镇" in listed[display_path(next(c.rel for c in bad[1] if "UTF-8" in c.reason))]


def test_odd_encodings_and_traditional_text_read_like_the_original(
    bad: tuple[Path, list[Case], BuildResult],
) -> None:
    root = bad[0]
    pages = {p.parent.parent.name: p for p in report_pages(root / "site")}
    for town in ("guobiaozhen", "guobiaokuozhanzhen", "tongyimazhen", "wubiaojizhen", "jieduanzhen"):
        html = pages[town].read_text(encoding="utf-8")
        assert "特向社会公布2018年" in html, town  # decoded text, not mojibake
        assert figure(pages[town], "主动公开政府信息") == "98 条", town
    trad = pages["fantizhen"].read_text(encoding="utf-8")
    assert "特向社會公佈2018年" in trad  # shown as published
    assert figure(pages["fantizhen"], "主动公开政府信息") == "98 条"  # read through t2s
    assert "0454-3833110" in trad


def test_truncated_report_warns_where_the_bytes_break(tmp_path: Path) -> None:
    from tests.badcorpus import seed_text, truncated

    path = tmp_path / "2018.txt"
    path.write_bytes(truncated(seed_text()))
    report = read_report(path)
    assert not report.errors
    warning = next(p for p in report.problems if "\ufffd" in p.message)
    assert warning.level == "warning" and warning.line == 11 == len(report.lines)
    assert report.summary["proactive_total"] == 98


# ---- report text is data, never markup ------------------------------------------------------------


def inline_scripts(tree: lxml.html.HtmlElement) -> list[str]:
    """Executable inline scripts, their path strings made uniform (theme scripts repeat them)."""
    out = []
    for script in tree.iter("script"):
        if script.get("type") == "application/json":  # data, never run: it must only parse
            json.loads(script.text or "null")
        elif script.get("src") is None:
            out.append(re.sub(r'"[./][^"]*"', '"PATH"', script.text or ""))
    return out


def own_file(site: Path, page: Path, src: str) -> bool:
    """True when src (relative, or absolute from the site root as on 404.html) is a site file."""
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|//", src):
        return False
    target = site / src.lstrip("/") if src.startswith("/") else page.parent / src
    return target.resolve().is_file() and target.resolve().is_relative_to(site.resolve())


def test_no_executable_markup_in_any_built_page(bad: tuple[Path, list[Case], BuildResult]) -> None:
    site = bad[0] / "site"
    theme_scripts = set(inline_scripts(lxml.html.parse(str(site / "about" / "index.html")).getroot()))
    offences = []
    for path in html_files(site):
        tree = lxml.html.parse(str(path)).getroot()
        rel = str(path.relative_to(site))
        for script in tree.iter("script"):
            src = script.get("src")
            if src is not None and not own_file(site, path, src):
                offences.append((rel, "script src", src))
        offences += [(rel, "inline script", s[:60]) for s in inline_scripts(tree) if s not in theme_scripts]
        for el in tree.iter():
            if not isinstance(el.tag, str):
                continue
            if el.tag in ("iframe", "object", "embed", "frame", "base"):
                offences.append((rel, "element", el.tag))
            for attr, value in el.attrib.items():
                if attr.lower().startswith("on"):
                    offences.append((rel, "handler", f"<{el.tag} {attr}>"))
                if attr in URL_ATTRS and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(
                    ("javascript:", "vbscript:", "data:text/html")
                ):
                    offences.append((rel, "url", value))
    assert not offences


def test_hostile_text_is_shown_as_text(bad: tuple[Path, list[Case], BuildResult]) -> None:
    root = bad[0]
    page = root / "site/places/ceshisheng/ceshishi/ceshixian/huayuanzhen/2018/index.html"
    tree = lxml.html.parse(str(page)).getroot()
    text = tree.text_content()
    for shown_text in (
        '<script>alert("xss-script")</script>',
        "<img src=x onerror=\"alert('xss-img')\">",
        "[点这里](javascript:alert('xss-md'))",
        '{{ config.site_name }} {% include "main.html" %}',
        "template: overrides/evil.html",
    ):
        assert shown_text in text, shown_text  # nothing dropped, nothing evaluated
    assert tree.findtext(".//title").startswith("花园镇 2018 年")  # front matter in the text set nothing
    assert "被注入的标题" not in tree.findtext(".//title")
    sidecar_page = root / "site/places/ceshisheng/ceshishi/ceshixian/zhuruzhen/2018/index.html"
    tree = lxml.html.parse(str(sidecar_page)).getroot()
    assert "<script>alert('xss-title')</script>../../../etc/passwd" in tree.text_content()
    link = next(a for a in tree.iter("a") if "example.org" in (a.get("href") or ""))
    assert link.get("href").startswith("https://example.org/a%22%3E%3Cscript%3E")


def test_report_text_is_inert_in_data_charts_and_search(bad: tuple[Path, list[Case], BuildResult]) -> None:
    root = bad[0]
    for path in (root / "data").rglob("*.yaml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(record, dict) and "summary" in record, path
        assert "template" not in record or record["template"] in ("2019", "legacy")
    for path in [*(root / "site/places").rglob("chart.json"), *(root / "site/years").glob("*.json")]:
        spec = json.loads(path.read_text(encoding="utf-8"))  # labels are folder names: never markup
        assert not re.search(r"[<>]", json.dumps(spec["data"], ensure_ascii=False)), path
    for path in (root / "site").rglob("*.xml"):  # the feed and the sitemap: well-formed, no markup
        tree = lxml.etree.parse(str(path))
        assert not [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.endswith("script")], path
        assert "<script" not in path.read_text(encoding="utf-8").lower(), path
    for path in (root / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            front = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
            assert isinstance(front.get("title", ""), str) and "template" not in front, (path, front)


# ---- paths ----------------------------------------------------------------------------------------


def test_nothing_is_written_outside_the_output_folders(bad: tuple[Path, list[Case], BuildResult]) -> None:
    root = bad[0]
    assert {p.name for p in root.iterdir()} <= TOP_LEVEL
    assert not list(root.rglob("passwd"))
    for part in ("data", "docs", "site"):
        for path in (root / part).rglob("*"):
            assert path.resolve().is_relative_to((root / part).resolve()), path
            if path.is_file() and path.suffix in (".txt", ".html", ".yaml", ".md"):
                assert OUTSIDE_SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


# ---- determinism ----------------------------------------------------------------------------------


def test_two_builds_of_the_bad_corpus_are_byte_identical(
    bad: tuple[Path, list[Case], BuildResult], tmp_path: Path, port: int
) -> None:
    other = tmp_path / "again"
    other.mkdir()
    build_bad(other, site_url=f"http://127.0.0.1:{port}/")
    for part in ("data", "docs", "site"):
        assert tree_digest(bad[0] / part) == tree_digest(other / part), part


# ---- check ----------------------------------------------------------------------------------------


def test_check_exits_non_zero_on_every_rejected_file(
    bad: tuple[Path, list[Case], BuildResult], capsys
) -> None:
    root, cases, _ = bad
    assert main(["check", str(root / BASE / "国标镇")]) == 0
    for case in cases:
        if (
            not case.on_site
            and (root / case.rel).suffix.lower() in REPORT_SUFFIXES
            and "/重复镇/" not in case.rel
        ):
            assert main(["check", str(root / case.rel)]) != 0, case.what
    assert main(["check", str(root / BASE / "重复镇")]) != 0
    assert main(["check", "--root", str(root)]) != 0
    out = capsys.readouterr().out
    assert "same town and year" in out and "symbolic link" in out and "unknown file type" in out


# ---- size and speed -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("what", "make", "budget"),
    [
        ("5 MB report", lambda: big_report(5 * 1024 * 1024), 30.0),
        ("one 1 MB line", lambda: long_line(1024 * 1024), 10.0),
    ],
)
def test_big_inputs_are_read_fast(tmp_path: Path, what: str, make, budget: float) -> None:
    path = tmp_path / "2018.txt"
    path.write_text(make(), encoding="utf-8")
    start = time.perf_counter()
    report = read_report(path)
    seconds = time.perf_counter() - start
    assert not report.errors, report.errors
    assert report.summary["proactive_total"] == 98
    assert seconds < budget, f"{what}: {seconds:.1f} s"


PATHOLOGICAL = [
    " ",
    "\t",
    "1",
    "1.",
    "0454-",
    "a",
    "镇",
    "县",
    "年",
    "一、",
    " | ",
    "1 ",
    "1,",
    "（一）",
    "主动公开1",
]


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_no_rule_is_quadratic_on_a_long_line(unit: str) -> None:
    """A line of 40,000 characters made of one repeated unit: a regex that backtracks over the
    whole line from every position takes minutes here; a linear one well under a second."""
    line = unit * (40_000 // len(unit))
    small = unit * (10_000 // len(unit))
    from generator.records import Document

    extract(Document("x", [small]))  # warm caches (gazetteer)
    start = time.perf_counter()
    extract(Document("x", [small]))
    t_small = time.perf_counter() - start
    start = time.perf_counter()
    extract(Document("x", [line]))
    t_line = time.perf_counter() - start
    assert t_line < 3.0 and t_line < 10 * t_small + 0.2, (unit, t_small, t_line)


@pytest.mark.slow
def test_site_with_the_5mb_report_and_the_1mb_line(tmp_path: Path) -> None:
    cases, result = build_bad(tmp_path, big=True)
    listed = problems_listed(tmp_path / "site")
    for case in cases:
        assert (display_path(case.rel) in listed) != case.on_site, case.what
    originals = [original_of(p) for p in report_pages(tmp_path / "site")]
    assert any(len(data) > 5 * 1024 * 1024 for data in originals)  # the 5 MB report has its page
    assert any(len(data) > 1024 * 1024 and b"\n" not in data for data in originals)  # the 1 MB line


# ---- a real browser ----------------------------------------------------------------------------


@pytest.mark.browser
def test_no_dialog_fires_in_a_browser(bad: tuple[Path, list[Case], BuildResult], port: int) -> None:
    """Visit every hostile page and search for the hostile words: no alert, confirm or prompt."""
    tb = pytest.importorskip("tests.test_browser")
    if not tb.CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    import functools
    import http.server
    import threading

    site = bad[0] / "site"
    handler = functools.partial(tb.QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dialogs: list[str] = []
    try:
        with tb.playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(tb.CHROMIUM), args=tb.ARGS)
            visit = tb.new_visit(browser)
            visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            base = f"http://127.0.0.1:{port}/places/ceshisheng/ceshishi/ceshixian/"
            for town in ("huayuanzhen", "zhuruzhen"):
                visit.page.goto(base + town + "/2018/")
                visit.page.wait_for_load_state("networkidle")
                assert "xss-script" in visit.page.content() or town == "zhuruzhen"
            visit.page.goto(f"http://127.0.0.1:{port}/")
            tb.open_search(visit.page, "xss")  # results show excerpts of the hostile text
            results = visit.page.locator(".pf-search__result, .md-search-result__item")
            results.first.wait_for(state="visible", timeout=15000)
            visit.page.wait_for_timeout(1000)
            assert "xss" in results.first.inner_text().replace("\u200b", "")
            for query in ("script alert", "<script>", "onerror"):
                visit.page.locator(".pf-search__input, input.md-search__input").first.fill(query)
                visit.page.wait_for_timeout(1500)
                # report text is shown as text: no element in a result but the link, its lines and marks
                tags = visit.page.evaluate(
                    "[...document.querySelectorAll('.pf-search__result *')].map(e => e.tagName)"
                )
                assert set(tags) <= {"A", "P", "MARK"}, tags
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    assert not dialogs


def test_reports_found_in_json_feed_are_strings(bad: tuple[Path, list[Case], BuildResult]) -> None:
    """Any JSON the site publishes parses, and hostile text in it stays a JSON string."""
    for path in (bad[0] / "site").rglob("*.json"):
        if "pagefind" not in path.parts:
            json.loads(path.read_text(encoding="utf-8"))
