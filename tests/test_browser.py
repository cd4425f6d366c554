"""The seeds site in a real browser (Debian's chromium driven by Playwright), as a citizen uses it.

One site is built into a tmp copy of the project and served on 127.0.0.1; one browser serves the
whole module. Every test records every request (none may leave 127.0.0.1) and every console error
(there must be none). Screenshots go to test-artifacts/ for people to look at.

The search helpers (open_search, search_result) are the only code that knows the search UI: the
header search is Pagefind's panel or Material's search, whichever the site is built with.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.publish import build, run_mkdocs_build
from tests.test_build import ROOT, make_project

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
TOWN = "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/"
REPORT = TOWN + "2020/"
YEAR = "years/2018/"
WIDTHS = (1280, 375)

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(site: Path, port: int) -> Iterator[None]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


BUILT: dict[str, Path] = {}  # the project the module's site was built in


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds site, built with site_url = the server's own origin (instant navigation needs it)."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}/"
    root = make_project(tmp_path_factory.mktemp("browser-site"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", origin)
        build(root)
    BUILT["root"] = root
    with serving(root / "site", port):
        yield origin


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Visit:
    """A browser tab and what it did: every request URL and every console error."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        foreign = sorted({u for u in self.requests if urlsplit(u).hostname not in ("127.0.0.1", None)})
        assert not [u for u in foreign if not u.startswith(("data:", "blob:", "about:"))], foreign
        assert not self.errors, self.errors


def new_visit(browser: object, width: int = 1280, javascript: bool = True) -> Visit:
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    visit = Visit(page)
    page.on("request", lambda r: visit.requests.append(r.url))
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    return visit


@pytest.fixture
def visit(browser: object) -> Iterator[Visit]:
    v = new_visit(browser)
    yield v
    v.page.context.close()


def h1(page: object) -> str:
    return page.locator("article h1").first.inner_text()


def click_link(page: object, link: object) -> None:
    """Click a link to another page and wait until that page is shown: instant navigation swaps the
    content after the click returns, so wait for a new heading (the old one is marked)."""
    page.evaluate("() => document.querySelector('article h1')?.setAttribute('data-old', '1')")
    link.click()
    page.wait_for_function(
        "() => { const h = document.querySelector('article h1'); return h && !h.dataset.old; }"
    )


def click_in_article(page: object, name: str) -> None:
    """Click the first link in the page's content whose text is exactly `name`, as a reader would."""
    click_link(page, page.locator("article").get_by_role("link", name=name, exact=True).first)


def wait_for_charts(page: object) -> int:
    """Wait until every chart slot holds an SVG with drawn marks; return how many charts there are."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.vega-chart')].every(el =>
             el.querySelectorAll('svg g.role-mark path, svg g.role-mark rect, svg g.role-mark text').length > 0)""",
        timeout=15000,
    )
    return page.locator(".vega-chart").count()


# ---- search: the only place that knows the search UI ---------------------------------------------


def open_search(page: object, words: str) -> None:
    """Type words into the header search, as a citizen does."""
    if page.locator(".pf-search__open").count():  # Pagefind panel
        page.locator(".pf-search__open").click()
        field = page.locator(".pf-search__panel input").first
    else:  # Material's search
        page.locator("label.md-search__icon[for='__search'], label[for='__search']").first.click()
        field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.fill(words)


def search_result(page: object, title_has: str = "", text_has: str = "") -> object:
    """The link of the first result whose title (or, failing that, text) has the words: a citizen
    scans the list for the town or the sentence they typed and clicks it."""
    items = page.locator(".pf-search__result, .md-search-result__item")
    items.first.wait_for(state="visible", timeout=15000)
    if page.locator(".pf-search__status").count():  # Pagefind panel: wait until the list is complete
        page.wait_for_selector(".pf-search__status[data-results]", timeout=15000)
    else:
        page.wait_for_timeout(300)  # results arrive in batches; let the first ones settle
    title = ".pf-search__link, .md-search-result__article h1"
    for item in items.all():
        if title_has and title_has in item.locator(title).first.inner_text():
            return item.locator("a").first
        if text_has and text_has in item.inner_text().replace("\u200b", ""):
            return item.locator("a").first
    raise AssertionError(f"no result for {title_has or text_has!r}: {items.all_inner_texts()[:5]}")


# ---- tests -----------------------------------------------------------------------------------------


def test_click_from_home_to_region_town_report_and_year(base_url: str, visit: Visit) -> None:
    page = visit.page
    page.goto(base_url)
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.evaluate("window.__stayed = true")  # survives only if instant navigation keeps the page
    click_in_article(page, "黑龙江省")
    assert h1(page) == "黑龙江省"
    click_in_article(page, "佳木斯市")
    click_in_article(page, "桦川县")
    assert h1(page) == "桦川县"
    click_in_article(page, "悦来镇")
    assert h1(page) == "悦来镇" and page.url.endswith(TOWN)
    assert "2019 年（缺）" in page.locator("article").inner_text()
    click_in_article(page, "2020 年")
    assert page.url.endswith(REPORT) and "悦来镇 2020 年" in h1(page)
    first_section = page.locator("article h2").first.inner_text()
    assert first_section == "主要数据"  # the facts card comes first
    line_link = page.locator("article table").first.locator("a[href*='#L']").first
    target = line_link.get_attribute("href").split("#")[1]
    line_link.click()
    assert page.url.endswith("#" + target)
    assert page.locator(f"#{target}").is_visible()
    click_link(page, page.locator("nav.md-tabs").get_by_role("link", name="年度"))
    click_in_article(page, "2018 年")
    assert h1(page) == "2018 年度报告"
    click_in_article(page, "曙光镇")
    assert "曙光镇 2018 年" in h1(page)
    assert page.evaluate("window.__stayed === true"), "a click reloaded the page: instant navigation is off"
    visit.assert_clean()


@pytest.mark.parametrize(
    ("words", "lands_on", "where"),
    [
        ("曙光镇", "/places/jilinsheng/tonghuashi/meihekoushi/shuguangzhen/", "title"),
        ("政府公报发放情况", "/bayantuohaizhen/2018/", "text"),
    ],
)
def test_search_finds_town_and_phrase(
    base_url: str, visit: Visit, words: str, lands_on: str, where: str
) -> None:
    page = visit.page
    page.goto(base_url)
    open_search(page, words)
    link = search_result(page, title_has=words) if where == "title" else search_result(page, text_has=words)
    click_link(page, link)
    assert lands_on in page.evaluate("decodeURI(location.pathname)")
    assert words in page.locator("article").inner_text()
    visit.assert_clean()


def test_search_by_keyboard_alone(base_url: str, visit: Visit) -> None:
    """'/' opens the search, the arrow keys move to a result, Enter opens it, Escape closes."""
    page = visit.page
    page.goto(base_url)
    page.keyboard.press("/")
    field = page.locator(".pf-search__input")
    field.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('pf-search__input')")
    page.keyboard.type("曙光镇")
    page.wait_for_selector(".pf-search__status[data-results]", timeout=15000)
    status = page.locator(".pf-search__status")
    assert status.get_attribute("role") == "status" and "找到" in status.inner_text()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "曙光镇", focused  # the town's own page first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.textContent") == "曙光镇"
    page.evaluate("document.querySelector('article h1').setAttribute('data-old', '1')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => { const h = document.querySelector('article h1'); return h && !h.dataset.old; }"
    )
    assert "shuguangzhen" in page.evaluate("location.pathname")
    assert page.locator(".pf-search__panel").is_hidden()  # closed on the new page
    page.keyboard.press("/")
    field.wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator(".pf-search__panel").is_hidden()
    visit.assert_clean()


def test_search_panel_fits_a_phone(base_url: str, browser: object) -> None:
    visit = new_visit(browser, width=375)
    page = visit.page
    page.goto(base_url)
    open_search(page, "曙光镇")
    search_result(page, title_has="曙光镇")
    box = page.locator(".pf-search__panel").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 + 0.5, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-375.png"))
    visit.assert_clean()
    page.context.close()


def test_home_search_box_hands_words_to_the_header_search(base_url: str, visit: Visit) -> None:
    page = visit.page
    page.goto(base_url)
    page.locator("form.home-search input").fill("曙光镇")
    page.locator("form.home-search button").click()
    click_link(page, search_result(page, title_has="曙光镇"))
    assert "shuguangzhen" in page.evaluate("location.pathname")
    visit.assert_clean()


@pytest.mark.parametrize("path", [TOWN, YEAR])
def test_every_chart_draws_marks(base_url: str, visit: Visit, path: str) -> None:
    page = visit.page
    page.goto(base_url + path)
    assert wait_for_charts(page) >= 1
    visit.assert_clean()


def test_year_table_filters_and_sorts(base_url: str, visit: Visit) -> None:
    page = visit.page
    page.goto(base_url + YEAR)
    tools = page.locator(".table-tools")
    table = page.locator(".table-tools + .md-typeset__scrollwrap table, .table-tools + table").first
    rows = table.locator("tbody tr:visible")
    tools.locator("select").first.select_option("吉林省")
    assert rows.count() == 1 and "曙光镇" in rows.first.inner_text()
    assert "显示 1 / 4 行" in tools.inner_text()
    tools.locator("select").first.select_option("")
    assert rows.count() == 4
    tools.locator("input[type=search]").fill("宜就")
    assert rows.count() == 1
    tools.locator("input[type=search]").fill("")
    header = table.locator("thead th").nth(4)
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = [
        int(v) for v in table.locator("tbody tr td:nth-child(5)").all_inner_texts() if v.strip().isdigit()
    ]
    assert values == sorted(values) and len(values) >= 2
    header.locator("button").click()
    values = [
        int(v) for v in table.locator("tbody tr td:nth-child(5)").all_inner_texts() if v.strip().isdigit()
    ]
    assert values == sorted(values, reverse=True)
    visit.assert_clean()


def test_pages_fit_phones_and_screenshots(base_url: str, browser: object) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        v = new_visit(browser, width)
        for name, path in (("home", ""), ("town", TOWN), ("year", YEAR), ("report", REPORT)):
            v.page.goto(base_url + path)
            if path in (TOWN, YEAR):
                wait_for_charts(v.page)
            overflow = v.page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= width, f"{name} is {overflow}px wide at {width}px"
            v.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        v.assert_clean()
        v.page.context.close()


def test_readable_without_javascript(base_url: str, browser: object) -> None:
    v = new_visit(browser, javascript=False)
    page = v.page
    page.goto(base_url + YEAR)
    text = page.locator("article").inner_text()
    for town in ("悦来镇", "曙光镇", "宜就镇", "巴彦托海镇"):
        assert town in text
    assert "乡镇数" in text  # the histogram's numbers as a table
    page.goto(base_url + TOWN)
    assert "2020 年" in page.locator("article table").last.inner_text()
    page.goto(base_url + REPORT)
    assert page.locator("article table").first.locator("a[href*='#L']").count() >= 1
    v.assert_clean()
    page.context.close()


def test_dropping_theme_indentation_changes_no_pixel(base_url: str, browser: object, tmp_path: Path) -> None:
    """hooks/compact_html.py: the same pages built without it look exactly the same, with and
    without JavaScript (full-page screenshots compared pixel for pixel)."""
    root = BUILT["root"]
    plain = tmp_path / "plain"
    plain.mkdir()
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(root / name, plain / name, ignore=shutil.ignore_patterns("__pycache__"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - hooks/compact_html.py\n" in config
    (plain / "mkdocs.yml").write_text(config.replace("  - hooks/compact_html.py\n", ""), encoding="utf-8")
    port = free_port()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", f"http://127.0.0.1:{port}/")
        run_mkdocs_build(plain, "1609459200")
    compacted = (root / "site" / REPORT / "index.html").stat().st_size
    assert (plain / "site" / REPORT / "index.html").stat().st_size > compacted  # the hook did something
    with serving(plain / "site", port):
        for javascript in (False, True):
            pages = ("", REPORT, TOWN, YEAR) if not javascript else (REPORT,)  # no charts: drawn async
            for path in pages:
                shots = []
                for origin in (base_url, f"http://127.0.0.1:{port}/"):
                    v = new_visit(browser, 1280, javascript=javascript)
                    v.page.goto(origin + path)
                    v.page.wait_for_load_state("networkidle")
                    shots.append(v.page.screenshot(full_page=True))
                    v.assert_clean()
                    v.page.context.close()
                assert shots[0] == shots[1], f"{path or 'home'} renders differently (javascript={javascript})"


def test_numeric_columns_are_right_aligned_with_and_without_javascript(
    base_url: str, browser: object
) -> None:
    for javascript in (False, True):
        v = new_visit(browser, 1280, javascript=javascript)
        v.page.goto(base_url + REPORT)
        table_b = v.page.locator("h2:has-text('表二') ~ * table, h2:has-text('表二') ~ table").first
        align = table_b.evaluate(
            "t => [...t.tBodies[0].rows[0].cells].map(c => getComputedStyle(c).textAlign)"
        )
        assert align[0] in ("left", "start") and align[-1] in ("left", "start"), align  # label, line
        assert set(align[1:-1]) == {"right"}, align  # the seven counts
        head = table_b.evaluate("t => [...t.tHead.rows[0].cells].map(c => getComputedStyle(c).textAlign)")
        assert set(head[1:-1]) == {"right"}, head
        v.page.goto(base_url + YEAR)  # the year table: its filter box carries the class
        table = v.page.locator(".table-tools + .md-typeset__scrollwrap table, .table-tools + table").first
        align = table.evaluate("t => [...t.tBodies[0].rows[0].cells].map(c => getComputedStyle(c).textAlign)")
        assert set(align[:4]) <= {"left", "start"} and set(align[4:]) == {"right"}, align
        v.assert_clean()
        v.page.context.close()


def test_full_text_line_numbers_show_and_link_their_line(base_url: str, browser: object) -> None:
    v = new_visit(browser, 1280, javascript=False)
    page = v.page
    page.goto(base_url + REPORT)
    lines = page.locator(".report-text > p, .report-text > h3")
    assert lines.count() > 50
    for i in (0, lines.count() // 2, lines.count() - 1):
        line = lines.nth(i)
        number = line.get_attribute("id")[1:]
        link = line.locator("a").first
        assert link.inner_text() == number and link.is_visible()
        assert line.inner_text().startswith(number)
    line = lines.nth(lines.count() // 2)
    line.locator("a").first.click()
    assert page.url.endswith("#" + line.get_attribute("id"))
    assert (
        line.evaluate("p => p.matches(':target') && getComputedStyle(p).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )
    v.assert_clean()
    page.context.close()
