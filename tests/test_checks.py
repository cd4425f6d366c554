"""Consistency checks: statutory identities of Tables B and C, N, prose vs table, years,
statutory parts, and 结转连续 across years."""

from __future__ import annotations

from pathlib import Path

from generator.check import cross_year_checks, run_checks
from generator.extract import extract
from generator.extract.tables import read_tables
from generator.extract.text import Text
from generator.records import Check, Document, Figure, Meta, Report, Section, Table

FIXTURES = Path(__file__).parent / "fixtures" / "tables"


def tables_of(name: str) -> dict[str, Table]:
    return read_tables(Text((FIXTURES / name).read_text(encoding="utf-8").split("\n")))


def report_with(
    tables: dict[str, Table],
    facts: dict[str, Figure] | None = None,
    *,
    template: str = "2019",
    sections: list[Section] | None = None,
    meta: Meta | None = None,
    path: str = "r.txt",
    lines: list[str] | None = None,
) -> Report:
    from generator.extract.tables import table_facts

    all_facts = {**(facts or {}), **table_facts(tables)}
    return Report(
        path=path,
        meta=meta or Meta(),
        template=template,
        summary={},
        facts=all_facts,
        sections=sections or [],
        tables=tables,
        lines=lines or [],
    )


def by_id(checks: list[Check]) -> dict[str, list[Check]]:
    out: dict[str, list[Check]] = {}
    for c in checks:
        out.setdefault(c.id, []).append(c)
    return out


def test_consistent_tables_pass_every_identity() -> None:
    for name in (
        "b2021_pipes.txt",
        "b2019_tabs.txt",
        "b2021_lines_sep.txt",
        "b2019_lines_dense.txt",
        "page_break_split_row.txt",
    ):
        checks = by_id(run_checks(report_with(tables_of(name))))
        for cid in ("B-1", "B-2", "B-3", "C-1", "C-2", "C-3", "N"):
            assert [c.ok for c in checks[cid]] == [True] * len(checks[cid]), (name, cid, checks[cid])


def test_printed_totals_kept_and_flagged() -> None:
    """洪泽区 2023: 复议 10/1/0/0 with 总计 0; 复议后起诉 维持 5 with 总计 0 (kept, flagged)."""
    tables = tables_of("b2021_old_other_row.txt")
    assert tables["C"].row("review").cells == [10, 1, 0, 0, 0]
    checks = by_id(run_checks(report_with(tables)))
    c1, c3 = checks["C-1"][0], checks["C-3"][0]
    assert c1.ok is False and "总计 0 ≠ 11" in c1.message and c1.lines == [46]
    assert c3.ok is False and checks["C-2"][0].ok is True
    assert checks["B-1"][0].ok is True  # 6 + 0 = 5 + 1
    total = tables["B"].row("total")
    assert total is not None
    total.cells[0] = 6
    b2 = by_id(run_checks(report_with(tables)))["B-2"][0]
    assert b2.ok is False and b2.message == "自然人: （七）总计 6 ≠ 5, the sum of rows （一）…（六）"


def test_b2_counts_the_2019_other_row() -> None:
    tables = tables_of("b2021_old_other_row.txt")
    assert tables["B"].format == "2019"
    b2 = by_id(run_checks(report_with(tables)))["B-2"][0]
    assert b2.ok is True, b2.message


def test_missing_cells_give_none_not_failure() -> None:
    checks = by_id(run_checks(report_with(tables_of("cut_mid_row.txt"))))
    assert checks["B-1"][0].ok is None
    assert checks["B-2"][0].ok is None
    b3 = checks["B-3"][0]
    assert b3.ok is True and "not evaluated" in b3.message


def test_blank_total_is_not_zero_but_blank_parts_are() -> None:
    checks = by_id(run_checks(report_with(tables_of("markers_pipes.txt"))))
    b3 = checks["B-3"][0]
    assert b3.ok is True and "partial" in b3.message  # partial unread: not evaluated
    assert [c.ok for c in checks["C-1"] + checks["C-2"] + checks["C-3"]] == [True, True, True]
    blank = by_id(run_checks(report_with(tables_of("blank_total_tabs.txt"))))["B-3"][0]
    assert "new" in blank.message and blank.ok is True  # new's 总计 is blank: not evaluated


def test_b3_failure_names_row_and_line() -> None:
    tables = tables_of("b2019_tabs.txt")
    row = tables["B"].row("public")
    assert row is not None
    row.cells[6] = 9
    b3 = by_id(run_checks(report_with(tables)))["B-3"][0]
    assert b3.ok is False and "row public (line 7): 总计 9 ≠ 7" in b3.message and b3.lines == [7]


def test_n_flags_negative_and_fractional_counts_but_not_money() -> None:
    tables = tables_of("a2019_glued_signed.txt")  # 本年增/减 -1 and 251000元 are allowed
    assert by_id(run_checks(report_with(tables)))["N"][0].ok is True
    tables = tables_of("b2019_tabs.txt")
    tables["B"].rows[0].cells[1] = -1
    tables["B"].rows[1].cells[0] = 2.5
    n = by_id(run_checks(report_with(tables)))["N"][0]
    assert (
        n.ok is False
        and "new/商业企业 (line 5): -1" in n.message
        and "carried_over/自然人 (line 6): 2.5" in n.message
    )


def test_prose_matches_any_candidate() -> None:
    tables = tables_of("b2021_pipes.txt")  # 一 3119, 二 34, （七）总计 3050, 四 103
    for quoted, ok in ((3119, True), (3153, True), (3050, True), (103, True), (3000, False)):
        facts = {"applications_received": Figure(quoted, 2)}
        t1 = [c for c in run_checks(report_with(tables, facts)) if c.id == "T-1"]
        assert [c.ok for c in t1] == [ok], (quoted, t1)
        assert 2 in t1[0].lines and 5 in t1[0].lines
    facts = {"reviews_total": Figure(351, 3), "litigations_total": Figure(40, 3)}
    t1 = [c for c in run_checks(report_with(tables, facts)) if c.id == "T-1"]
    assert [c.ok for c in t1] == [True, False] and "≠ any of 诉讼 列10+列15 46" in t1[1].message


def test_prose_without_table_is_not_checked() -> None:
    facts = {"applications_received": Figure(3, 2)}
    assert not [c for c in run_checks(report_with({}, facts)) if c.id == "T-1"]


def test_year_title_vs_statistics_period() -> None:
    meta = Meta(title="某镇2022年政府信息公开工作年度报告", origin={"title": "text:1"})
    lines = ["某镇2022年政府信息公开工作年度报告", "本报告所列数据统计期限为2021年1月1日至2021年12月31日。"]
    y = by_id(run_checks(report_with({}, meta=meta, lines=lines)))["Y-1"][0]
    assert y.ok is False and y.level == "warning" and y.lines == [1, 2] and "2022" in y.message
    lines[1] = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。"
    assert by_id(run_checks(report_with({}, meta=meta, lines=lines)))["Y-1"][0].ok is True
    assert "Y-1" not in by_id(run_checks(report_with({}, meta=meta, lines=lines[:1])))


def test_statutory_sections_and_tables_are_warnings() -> None:
    heads = [
        Section("总体情况", 1),
        Section("主动公开政府信息情况", 5),
        Section("存在的主要问题及改进情况", 9),
    ]
    checks = by_id(run_checks(report_with(tables_of("b2019_tabs.txt"), sections=heads)))
    s1, s2 = checks["S-1"][0], checks["S-2"][0]
    assert s1.ok is False and s1.level == "warning"
    assert "收到和处理政府信息公开申请情况" in s1.message and "其他需要报告的事项" in s1.message
    assert s2.ok is False and "Table A not found" in s2.message
    legacy = by_id(run_checks(report_with({}, template="legacy", sections=heads)))
    assert "S-1" not in legacy and "S-2" not in legacy


def test_cross_year_carry_over() -> None:
    town = Meta(province="江苏省", prefecture="淮安市", county="洪泽区", town="高良涧街道")
    y1 = report_with(
        tables_of("b2019_tabs.txt"), meta=Meta(**{**town.__dict__, "year": 2020}), path="a/2020.txt"
    )
    y2 = report_with(
        tables_of("b2019_tabs.txt"), meta=Meta(**{**town.__dict__, "year": 2021}), path="a/2021.txt"
    )
    other = report_with(tables_of("b2019_tabs.txt"), meta=Meta(town="别的镇", year=2021), path="b/2021.txt")
    out = cross_year_checks([y2, other, y1])
    assert list(out) == ["a/2021.txt"]
    x1 = out["a/2021.txt"][0]
    # 四 of 2020 is (1, 0, …, 1); 二 of 2021 is (2, 0, …, 2): 自然人 and 总计 break
    assert (
        x1.id == "X-1"
        and x1.ok is False
        and "自然人: 四 1 in 2020" in x1.message
        and "二 2 in 2021" in x1.message
    )
    assert x1.lines == [6]
    row = y1.tables["B"].row("carry_forward")
    assert row is not None
    row.cells[:] = [2, 0, 0, 0, 0, 0, 2]
    assert cross_year_checks([y1, y2])["a/2021.txt"][0].ok is True


def test_checks_on_a_whole_report() -> None:
    lines = (FIXTURES / "b2021_pipes.txt").read_text(encoding="utf-8").split("\n")
    report = extract(Document(path="x.txt", lines=["某镇2022年政府信息公开工作年度报告", *lines]))
    report.checks = run_checks(report)
    ids = {c.id for c in report.checks}
    assert {"B-1", "B-2", "B-3", "C-1", "C-2", "C-3", "N"} <= ids
    assert report.summary["applications_received"] == 3119
    assert report.summary["applications_carried_over"] == 34
    assert report.summary["reviews_total"] == 351
    assert report.summary["litigations_total"] == 46
