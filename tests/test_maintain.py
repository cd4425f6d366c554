"""Maintainer commands: add places a report and its sidecar; check reports problems; corrections."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.errors import MaintainError
from generator.gazetteer import propose_place
from generator.layout import apply_layout
from generator.maintain import add_report, check_reports
from generator.pipeline import read_report
from generator.records import Check, Report, Section
from generator.serialize import report_data

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HTML = FIXTURES / "qingshan-2021.html"
PLACE = {
    "province": "云南省",
    "prefecture": "楚雄彝族自治州",
    "county": "永仁县",
    "town": "青山镇",
    "year": 2021,
}
REPORT_TEXT = (
    "悦来镇2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我镇主动公开政府信息98条。\n"
    "二、主动公开政府信息情况\n略。\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n"
    "四、政府信息公开行政复议、行政诉讼情况\n无。\n五、存在的主要问题及改进情况\n略。\n"
    "六、其他需要报告的事项\n无。\n"
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    return tmp_path


def txt_source(tmp_path: Path, text: str = REPORT_TEXT, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- add ---


def test_add_places_file_and_sidecar(root: Path) -> None:
    result = add_report(HTML, **PLACE, url="https://example.gov.cn/2022/0120/1.html", root=root)
    dest = root / "reports/云南省/楚雄彝族自治州/永仁县/青山镇/2021.html"
    assert result.path == dest.resolve()
    assert dest.read_bytes() == HTML.read_bytes()
    sidecar = yaml.safe_load(dest.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert sidecar == {
        "title": "青山镇2021年政府信息公开工作年度报告",
        "source_url": "https://example.gov.cn/2022/0120/1.html",
    }
    assert check_reports([root / "reports"], out=io.StringIO()) == 0


def test_add_refuses_to_overwrite_and_replace_works(root: Path, tmp_path: Path) -> None:
    add_report(HTML, **PLACE, root=root)
    folder = root / "reports/云南省/楚雄彝族自治州/永仁县/青山镇"
    sidecar = folder / "2021.yaml"
    sidecar.write_text(
        sidecar.read_text(encoding="utf-8") + "corrections:\n  summary.proactive_total:\n"
        "    value: 130\n    reason: 手工核对\n",
        encoding="utf-8",
    )
    other = txt_source(tmp_path, "青山镇2021年政府信息公开工作年度报告\n主动公开信息130条。\n")
    with pytest.raises(MaintainError, match="report for 2021 is already there.*--replace"):
        add_report(other, **PLACE, root=root)
    assert (folder / "2021.html").read_bytes() == HTML.read_bytes()
    result = add_report(other, **PLACE, replace=True, root=root, notes="网页改版后的文本")
    assert sorted(p.name for p in folder.iterdir()) == ["2021.txt", "2021.yaml"]
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    assert (
        data["notes"] == "网页改版后的文本" and data["corrections"]["summary.proactive_total"]["value"] == 130
    )
    assert any("kept the corrections" in m for m in result.messages)


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("town", "../evil"),
        ("town", ".."),
        ("county", "a/b"),
        ("county", "a\\b"),
        ("prefecture", ".hidden"),
        ("province", "~"),
        ("town", "C:镇"),
        ("town", "镇<script>"),
        ("town", "  "),
    ],
)
def test_add_rejects_path_tricks(root: Path, key: str, bad: str) -> None:
    with pytest.raises(MaintainError):
        add_report(HTML, **{**PLACE, key: bad}, root=root)
    assert not any(p.is_file() for p in root.rglob("*"))


@pytest.mark.parametrize("year", ["20x1", 1999, 2999])
def test_add_rejects_bad_years(root: Path, year: object) -> None:
    with pytest.raises(MaintainError, match="year"):
        add_report(HTML, **{**PLACE, "year": year}, root=root)


def test_add_rejects_bad_url_and_source(root: Path, tmp_path: Path) -> None:
    with pytest.raises(MaintainError, match="http"):
        add_report(HTML, **PLACE, url="javascript:alert(1)", root=root)
    with pytest.raises(MaintainError, match="no such file"):
        add_report(tmp_path / "absent.pdf", **PLACE, root=root)
    with pytest.raises(MaintainError, match="not a report format"):
        add_report(txt_source(tmp_path, name="r.xls"), **PLACE, root=root)


def test_add_without_terminal_lists_the_missing_options(root: Path) -> None:
    with pytest.raises(MaintainError) as err:
        add_report(HTML, county="永仁县", root=root)
    message = err.value.message
    for option in ("--town", "--year"):
        assert option in message
    assert "--province 云南省" in message and "--prefecture 楚雄彝族自治州" in message  # from the gazetteer
    assert "--yes" in message
    assert not any(p.is_file() for p in root.rglob("*"))


def test_add_interactive_confirms_proposals(root: Path, tmp_path: Path) -> None:
    asked: dict[str, str | None] = {}
    answers = {"town": "悦来镇", "year": "2020"}

    def ask(key: str, proposal: str | None) -> str:
        asked[key] = proposal
        return answers.get(key, "")  # Enter: take the proposal

    result = add_report(txt_source(tmp_path), county="桦川县", root=root, ask=ask)
    assert asked["province"] == "黑龙江省" and asked["prefecture"] == "佳木斯市"
    assert result.path == (root / "reports/黑龙江省/佳木斯市/桦川县/悦来镇/2020.txt").resolve()


def test_add_yes_accepts_proposals(root: Path, tmp_path: Path) -> None:
    result = add_report(
        txt_source(tmp_path), county="桦川县", town="悦来镇", year=2020, accept=True, root=root
    )
    assert result.values["county"] == "桦川县" and result.values["province"] == "黑龙江省"


def test_gazetteer_namesakes_need_a_hint() -> None:
    place, candidates = propose_place("鼓楼区")
    assert place is None and len(candidates) >= 3
    place, _ = propose_place("鼓楼区", "福建省福州市")
    assert place is not None and place.prefecture == "福州市"


def test_cli_add_exit_codes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", str(HTML), "--root", str(root)]) == 2
    assert "missing" in capsys.readouterr().err
    args = [
        "add",
        str(HTML),
        "--root",
        str(root),
        "--province",
        "云南省",
        "--prefecture",
        "楚雄彝族自治州",
        "--county",
        "永仁县",
        "--town",
        "青山镇",
        "--year",
        "2021",
    ]
    assert main(args) == 0
    assert "added" in capsys.readouterr().out
    assert main(args) == 2
    assert main([*args, "--replace"]) == 0


# --- check ---


def placed(
    root: Path, text: str, sidecar: str | None = None, rel: str = "黑龙江省/佳木斯市/桦川县/悦来镇/2020"
) -> Path:
    path = root / "reports" / f"{rel}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if sidecar is not None:
        path.with_suffix(".yaml").write_text(sidecar, encoding="utf-8")
    return path


def test_check_exit_codes(root: Path) -> None:
    good = placed(root, REPORT_TEXT)
    out = io.StringIO()
    assert check_reports([good], out=out) == 0
    assert "0 error(s)" in out.getvalue()
    warned = placed(root, REPORT_TEXT, "color: red\n")  # unknown sidecar key: a warning
    out = io.StringIO()
    assert check_reports([warned], out=out) == 0
    assert check_reports([warned], strict=True, out=io.StringIO()) == 1
    assert "unknown key 'color'" in out.getvalue()


def test_check_errors_name_file_and_line(root: Path) -> None:
    misplaced = root / "reports" / "2020.txt"
    misplaced.write_text(REPORT_TEXT, encoding="utf-8")
    empty = placed(root, "", rel="黑龙江省/佳木斯市/桦川县/悦来镇/2019")
    placed(root, REPORT_TEXT, "title: [unclosed\n")
    out = io.StringIO()
    assert check_reports([root / "reports"], out=out) == 1
    text = out.getvalue()
    assert f"{misplaced}: error: misplaced" in text
    assert f"{empty}: error:" in text and "empty" in text
    assert "2020.yaml:1: error: sidecar is not valid YAML" in text or "2020.yaml:2: error" in text
    assert check_reports([root / "nothing-here"], out=io.StringIO()) == 1


def test_check_orphan_sidecar_is_a_warning(root: Path) -> None:
    orphan = root / "reports/黑龙江省/佳木斯市/桦川县/悦来镇/2017.yaml"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("title: x\n", encoding="utf-8")
    out = io.StringIO()
    assert check_reports([root / "reports"], strict=True, out=out) == 1
    assert "sidecar without a report" in out.getvalue()


def test_check_reports_failed_checks_and_missing_sections(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.review as review

    def fake(path: Path) -> Report:
        report = read_report(path)
        report.template = "2019"
        report.sections = [Section("总体情况", 2, "一")]
        report.checks = [
            Check("B-1", "勾稽关系", False, "一+二 = 9, 三+四 = 8", [7, 9]),
            Check("C-1", "复议总计", None, "cells missing"),
            Check("C-2", "诉讼总计", True, "ok"),
        ]
        return report

    monkeypatch.setattr(review, "read_report", fake)
    path = placed(root, REPORT_TEXT)
    out = io.StringIO()
    assert check_reports([path], out=out) == 0
    assert check_reports([path], strict=True, out=io.StringIO()) == 1
    text = out.getvalue()
    assert f"{path}:7: warning: check B-1 勾稽关系 failed: 一+二 = 9, 三+四 = 8" in text
    assert "C-1" not in text and "C-2" not in text
    assert "section 二、主动公开政府信息情况 not found" in text and "section 一" not in text
    assert "0 error(s), 6 warning(s)" in text


def test_cli_check(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    placed(root, REPORT_TEXT, "color: red\n")
    assert main(["check", "--root", str(root)]) == 0
    assert main(["check", "--root", str(root), "--strict"]) == 1
    assert "checked 1 report(s)" in capsys.readouterr().out


# --- corrections ---


def read(path: Path) -> Report:
    return apply_layout(read_report(path), path)


def test_summary_correction_replaces_value_and_keeps_original(root: Path) -> None:
    bare = placed(root, REPORT_TEXT)
    original = read(bare).summary["proactive_total"]
    path = placed(
        root,
        REPORT_TEXT,
        "corrections:\n  summary.proactive_total:\n    value: 120\n    reason: 表格图片，手工录入\n",
    )
    report = read(path)
    assert report.summary["proactive_total"] == 120
    [fix] = report.corrections
    assert fix["key"] == "summary.proactive_total" and fix["original"] == original
    assert fix["reason"] == "表格图片，手工录入" and fix["sidecar"].endswith("2020.yaml")
    assert report_data(report)["corrections"][0]["value"] == 120
    assert not report.errors


def test_fact_correction_keeps_the_reading_in_the_note(root: Path) -> None:
    path = placed(
        root, REPORT_TEXT, "corrections:\n  facts.proactive_total: {value: 120, reason: 原文笔误}\n"
    )
    report = read(path)
    fig = report.facts["proactive_total"]
    assert fig.value == 120 and "原文笔误" in fig.note and "2020.yaml" in fig.note
    assert report.summary["proactive_total"] == 120
    assert report.corrections[0]["key"] == "facts.proactive_total"


def test_correction_without_reason_is_an_error_naming_the_sidecar(root: Path) -> None:
    sidecar = "title: 悦来镇报告\ncorrections:\n  summary.proactive_total:\n    value: 120\n"
    path = placed(root, REPORT_TEXT, sidecar)
    report = read(path)
    [problem] = report.errors
    assert problem.file == str(path.with_suffix(".yaml")) and problem.line == 3
    assert "no reason" in problem.message
    assert report.summary["proactive_total"] != 120 and not report.corrections
    assert check_reports([path], out=io.StringIO()) == 1


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("summary.nonsense: {value: 1, reason: x}", "no such summary field"),
        ("meta.town: {value: 镇, reason: x}", "must start with summary. or facts."),
        ("summary.proactive_total: 120", "mapping with value"),
        ("summary.proactive_total: {value: 1, reason: x, by: me}", "unknown field"),
    ],
)
def test_bad_corrections_are_errors(root: Path, entry: str, message: str) -> None:
    report = read(placed(root, REPORT_TEXT, f"corrections:\n  {entry}\n"))
    assert any(message in p.message for p in report.errors)


def test_add_then_correct_the_sample_pdf(root: Path) -> None:
    sample = Path(__file__).resolve().parents[2] / "shared" / "samples" / "huaian-2024-report.pdf"
    if not sample.exists():
        pytest.skip("shared samples absent")
    source = root / "huaian.pdf"
    shutil.copyfile(sample, source)
    result = add_report(source, county="清江浦区", town="示例镇", year=2024, accept=True, root=root)
    assert result.path.parts[-6:-1] == ("reports", "江苏省", "淮安市", "清江浦区", "示例镇")
    assert read(result.path).format == "pdf"


def test_add_interactive_county_typed_in_drives_the_gazetteer(root: Path, tmp_path: Path) -> None:
    answers = iter(["", "桦川县", "悦来镇", "2020"])  # an empty county is asked again
    asked: list[tuple[str, str | None]] = []

    def ask(key: str, proposal: str | None) -> str:
        asked.append((key, proposal))
        return next(answers, "")

    text = "本镇2020年政府信息公开工作年度报告\n一、总体情况\n略。\n"
    result = add_report(txt_source(tmp_path, text), root=root, ask=ask)
    assert [k for k, _ in asked[:4]] == ["county", "county", "town", "year"]
    assert ("prefecture", "佳木斯市") in asked and ("province", "黑龙江省") in asked
    assert result.values["province"] == "黑龙江省"
