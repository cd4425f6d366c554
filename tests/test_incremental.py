"""generator/incremental.py: a rebuild makes only the towns whose inputs changed, and its data/
and docs/ are byte for byte what a build from scratch of the same inputs makes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import catalog, incremental
from generator.publish import build
from generator.synth import synth
from tests.test_build import make_project, tree_digest


def fresh_towns(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Build root (generator only); the town folders this build made again."""
    made: list[str] = []
    plan = incremental.plan

    def recording(root_: Path, catalog: object, *rest: object) -> incremental.Plan:
        done = plan(root_, catalog, *rest)  # type: ignore[arg-type]
        made.extend(entries[0].town_dir for entries in done.fresh)
        return done

    monkeypatch.setattr(incremental, "plan", recording)
    build(root, run_mkdocs=False)
    monkeypatch.setattr(incremental, "plan", plan)
    return made


def from_scratch(root: Path, tmp: Path) -> tuple[str, str]:
    """data/ and docs/ digests of a clean build of root's reports/ in another folder."""
    tmp.mkdir()
    clean = make_project(tmp, root / "reports")
    build(clean, run_mkdocs=False)
    return tree_digest(clean / "data"), tree_digest(clean / "docs")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    synth(40, tmp_path / "corpus", seed=11)
    (tmp_path / "site").mkdir()
    return make_project(tmp_path / "site", tmp_path / "corpus" / "reports")


def test_unchanged_inputs_make_no_town_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_towns(project, monkeypatch)
    assert len(first) >= 5
    assert fresh_towns(project, monkeypatch) == []


def test_one_changed_report_remakes_its_town_only_and_matches_a_clean_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh_towns(project, monkeypatch)
    path = sorted((project / "reports").rglob("*.txt"))[3]
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"主动公开政府信息(\d+)条", "主动公开政府信息9876条", text, count=1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    made = fresh_towns(project, monkeypatch)
    assert len(made) == 1
    assert "9876" in (project / "docs" / made[0] / f"{path.stem}.md").read_text(encoding="utf-8")
    assert (tree_digest(project / "data"), tree_digest(project / "docs")) == from_scratch(
        project, tmp_path / "c"
    )


def test_a_sidecar_a_removed_report_and_a_lost_page_remake_their_towns(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first = fresh_towns(project, monkeypatch)
    reports = sorted((project / "reports").rglob("*.txt"))
    reports[0].with_suffix(".yaml").write_text("notes: 由维护者补充的说明\n", encoding="utf-8")
    reports[-1].unlink()
    lost = sorted((project / "docs" / first[len(first) // 2]).glob("*.md"))[0]
    lost.unlink()
    made = fresh_towns(project, monkeypatch)
    assert len(made) == 3 and first[len(first) // 2] in made
    assert lost.exists()
    assert (tree_digest(project / "data"), tree_digest(project / "docs")) == from_scratch(
        project, tmp_path / "c"
    )


def test_changed_code_remakes_every_town(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_towns(project, monkeypatch)
    monkeypatch.setattr(incremental, "code_version", lambda: "another version of the generator")
    assert fresh_towns(project, monkeypatch) == first


def test_a_damaged_state_file_means_a_full_build(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_towns(project, monkeypatch)
    (project / incremental.STATE).write_bytes(b"not a pickle")
    assert fresh_towns(project, monkeypatch) == first
    shutil.rmtree(project / ".cache")
    assert fresh_towns(project, monkeypatch) == first


def test_a_rebuild_reads_only_the_changed_towns_reports(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_towns(project, monkeypatch)
    path = sorted((project / "reports").rglob("*.txt"))[5]
    path.write_text(path.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    loaded: list[str] = []
    load = catalog.load_report

    def recording(root: Path, file: Path, key: str) -> object:
        loaded.append(str(file.relative_to(root)))
        return load(root, file, key)

    monkeypatch.setattr(catalog, "load_report", recording)
    made = fresh_towns(project, monkeypatch)
    assert len(made) == 1
    town = str(path.parent.relative_to(project))
    assert loaded and all(p.startswith(town + "/") for p in loaded)  # the Briefs serve every other page


def test_a_sidecar_that_rejects_a_report_matches_a_clean_build(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fresh_towns(project, monkeypatch)
    report = sorted((project / "reports").rglob("*.txt"))[7]
    sidecar = report.with_suffix(".yaml")
    sidecar.write_text("published: 2021-13-45\n", encoding="utf-8")  # an error: the report is listed
    build(project, run_mkdocs=False)
    problems = (project / "docs" / "problems.md").read_text(encoding="utf-8")
    assert "sidecar cannot be read" in problems
    assert (tree_digest(project / "data"), tree_digest(project / "docs")) == from_scratch(
        project, tmp_path / "c"
    )
    sidecar.unlink()  # the placement is made again from the cached extraction
    build(project, run_mkdocs=False)
    assert "sidecar cannot be read" not in (project / "docs" / "problems.md").read_text(encoding="utf-8")
    assert (tree_digest(project / "data"), tree_digest(project / "docs")) == from_scratch(
        project, tmp_path / "d"
    )


def test_bulk_json_recompresses_only_the_changed_province(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh_towns(project, monkeypatch)
    before = incremental.load(project).members
    assert len(before) >= 2
    path = sorted((project / "reports").rglob("*.txt"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    fresh_towns(project, monkeypatch)
    after = incremental.load(project).members
    province = path.relative_to(project / "reports").parts[0]
    assert after[province] != before[province]
    assert {k: v for k, v in after.items() if k != province} == {
        k: v for k, v in before.items() if k != province
    }
    packed = (project / "docs" / "downloads" / "reports.json.gz").read_bytes()
    assert all(member in packed for _, member in after.values())
