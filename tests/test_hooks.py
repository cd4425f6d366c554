"""The MkDocs hooks change how fast the site is built, never what is built.

hooks/prerender.py converts Markdown in forked workers (and cuts raw HTML blocks out of the
conversion); hooks/parallel_pages.py has forked children render and write pages. Built with and
without them, every file of the site must be the same bytes; a warning logged in a child must
still fail `--strict`."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.publish import build
from tests.test_build import make_project

SPEED_HOOKS = ("hooks/prerender.py", "hooks/parallel_pages.py")


def mkdocs(root: Path, config: str, site: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": "1700000000",
        "NO_MKDOCS_2_WARNING": "1",
        "PORTAL_FORK_MIN_PAGES": "2",
    }
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(root / config),
        "-d",
        str(root / site),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=root)


def without_speed_hooks(root: Path) -> str:
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for hook in SPEED_HOOKS:
        assert hook in text
        text = re.sub(rf"^\s*- {re.escape(hook)}.*\n", "", text, flags=re.M)
    if not re.search(r"^\s*- hooks/", text, flags=re.M):  # none left
        text = re.sub(r"^hooks:[ \t]*$", "hooks: []", text, flags=re.M)
    (root / "plain.yml").write_text(text, encoding="utf-8")
    return "plain.yml"


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("hooks"))
    build(root, run_mkdocs=False)
    return root


def test_site_is_the_same_with_and_without_the_speed_hooks(project: Path) -> None:
    fast = mkdocs(project, "mkdocs.yml", "site-fast")
    assert fast.returncode == 0, fast.stderr
    plain = mkdocs(project, without_speed_hooks(project), "site-plain")
    assert plain.returncode == 0, plain.stderr
    built_fast, built_plain = files(project / "site-fast"), files(project / "site-plain")
    assert len(built_fast) > 100
    assert built_fast.keys() == built_plain.keys()
    differing = [name for name in built_fast if built_fast[name] != built_plain[name]]
    assert differing == []
    report = next(n for n in built_fast if re.search(r"places/.*/20\d\d/index\.html$", n))
    assert b'id="L3"' in built_fast[report]  # the full text's raw HTML came through the fast path


def test_a_warning_on_a_page_written_by_a_child_still_fails_strict(project: Path) -> None:
    last = max((project / "docs").rglob("*.md"))  # MkDocs' last page: in the child's share
    assert last.parent.name == "years"
    original = last.read_text(encoding="utf-8")
    try:
        last.write_text(original + "\n[broken](no-such-page.md)\n", encoding="utf-8")
        run = mkdocs(project, "mkdocs.yml", "site-broken")
    finally:
        last.write_text(original, encoding="utf-8")
    assert run.returncode != 0
    assert "no-such-page.md" in run.stderr


def test_the_full_text_and_the_statutory_tables_take_the_raw_html_fast_path(project: Path) -> None:
    spec = importlib.util.spec_from_file_location("prerender", project / "hooks" / "prerender.py")
    assert spec and spec.loader
    prerender = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(prerender)
    legacy = next((project / "docs" / "places").rglob("2018.md")).read_text(encoding="utf-8")
    blocks = [m.group() for m in prerender.RAW_BLOCK_RX.finditer(legacy)]
    text = [b for b in blocks if 'class="report-text"' in b]
    assert len(text) == 1 and 'id="L3"' in text[0]
    statutory = next((project / "docs" / "places").rglob("2020.md")).read_text(encoding="utf-8")
    blocks = [m.group() for m in prerender.RAW_BLOCK_RX.finditer(statutory)]
    tables = [b for b in blocks if b.startswith("<table>")]
    assert len(tables) >= 3 and any("本年新收" in t for t in tables)  # Tables A (blocks), B, C
    assert "|---|" not in statutory.split("## 表一")[1].split("## 问责指标")[0]  # no Markdown table left
