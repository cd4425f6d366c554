"""No broken internal link or anchor: the seeds site, the bad-input site, and the checker itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.linkcheck import check_site
from generator.publish import build
from tests.badcorpus import make_reports
from tests.test_build import make_project


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("links-seeds"))
    build(root)
    return root / "site"


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("links-bad"))
    make_reports(root, with_seeds=False, big=False)
    build(root)
    return root / "site"


def test_seeds_site_has_no_broken_link(seeds_site: Path) -> None:
    assert [str(b) for b in check_site(seeds_site)] == []


def test_bad_input_site_has_no_broken_link(bad_site: Path) -> None:
    assert [str(b) for b in check_site(bad_site)] == []
    assert (bad_site / "problems" / "index.html").is_file()


def test_report_pages_link_their_line_anchors(seeds_site: Path) -> None:
    page = seeds_site / "places/heilongjiangsheng/jiamusishi/huachuanxian/yuelaizhen/2018/index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="#L' in html  # provenance links exist, so the anchor check is not vacuous


def write(site: Path, rel: str, html: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")


def test_checker_finds_every_kind_of_broken_link(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, "index.html", '<a href="a/">a</a><a href="a/#x">x</a><a href="https://example.org/">e</a>')
    write(
        site,
        "a/index.html",
        '<p id="x">x</p><a href="../nope/">1</a><a href="../#gone">2</a><a href="#L9">3</a>'
        '<img src="pic.png"><a href="javascript:alert(1)">4</a><a href="../../../etc/passwd">5</a>'
        '<a href="/b/">6</a><a href="%E6%B2%A1/">7</a><a href="#x">ok</a><a href="">ok</a>',
    )
    broken = check_site(site)
    reasons = {(b.page, b.url): b.reason for b in broken}
    assert reasons == {
        ("a/index.html", "../nope/"): "no such file: nope/index.html",
        ("a/index.html", "../#gone"): "no anchor #gone on index.html",
        ("a/index.html", "#L9"): "no anchor #L9 on a/index.html",
        ("a/index.html", "pic.png"): "no such file: a/pic.png",
        ("a/index.html", "javascript:alert(1)"): "executable URL",
        ("a/index.html", "../../../etc/passwd"): "leads outside the site",
        ("a/index.html", "/b/"): "no such file: b/index.html",
        ("a/index.html", "%E6%B2%A1/"): "no such file: a/没/index.html",
    }
    assert all(b.line == 1 for b in broken)
    assert check_site(site, base="/prefix/")  # absolute links outside the base path are broken too


def test_linkcheck_command_exit_codes(
    tmp_path: Path, seeds_site: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["linkcheck", str(seeds_site)]) == 0
    write(tmp_path / "site", "index.html", '<a href="gone.html">x</a>')
    assert main(["linkcheck", str(tmp_path / "site")]) == 1
    assert "gone.html: no such file" in capsys.readouterr().err
    assert main(["linkcheck", str(tmp_path / "nothing")]) == 2
