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
    assert c1.ok is False and "= 11，但总计为 0，相差 11" in c1.message and c1.lines == [46]
    assert c3.ok is False and checks["C-2"][0].ok is True
    assert checks["B-1"][0].ok is True  # 6 + 0 = 5 + 1
    assert checks["B-1"][0].message == "7 列全部相符"
    forward = tables["B"].row("carry_forward")
    assert forward is not None
    forward.cells[0] = 0
    b1 = by_id(run_checks(report_with(tables)))["B-1"][0]
    assert b1.ok is False and b1.message.startswith(
        "自然人列：一（6）+ 二（0）= 6，但（七）总计（5）+ 四（0）= 5，相差 1"
    )
    forward.cells[0] = 1
    total = tables["B"].row("total")
    assert total is not None
    total.cells[0] = 6
    b2 = by_id(run_checks(report_with(tables)))["B-2"][0]
    assert b2.ok is False and b2.message == "自然人列：（七）总计为 6，但（一）至（六）各项之和为 5，相差 1"


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
    assert b3.ok is True and b3.message == (
        "23 行中 1 行相符，22 行无法核验（“二、上年结转”“（一）予以公开”“（二）部分公开”等 22 行未读出）"
    )


def test_blank_total_is_not_zero_but_blank_parts_are() -> None:
    checks = by_id(run_checks(report_with(tables_of("markers_pipes.txt"))))
    b3 = checks["B-3"][0]
    assert b3.ok is True and "“（二）部分公开”行的总计列未填数字" in b3.message
    assert [c.ok for c in checks["C-1"] + checks["C-2"] + checks["C-3"]] == [True, True, True]
    blank = by_id(run_checks(report_with(tables_of("blank_total_tabs.txt"))))["B-3"][0]
    assert blank.ok is True  # 一 and 二 have a blank 总计: not evaluated
    assert "（“一、本年新收”“二、上年结转”行的总计列未填数字；" in blank.message


def test_b3_failure_names_row_and_line() -> None:
    tables = tables_of("b2019_tabs.txt")
    row = tables["B"].row("public")
    assert row is not None
    row.cells[6] = 9
    b3 = by_id(run_checks(report_with(tables)))["B-3"][0]
    assert (
        b3.ok is False
        and b3.message == "表二“（一）予以公开”行：总计 9 ≠ 各类申请人之和 7（第 7 行）"
        and b3.lines == [7]
    )


def test_n_flags_negative_and_fractional_counts_but_not_money() -> None:
    tables = tables_of("a2019_glued_signed.txt")  # 本年增/减 -1 and 251000元 are allowed
    assert by_id(run_checks(report_with(tables)))["N"][0].ok is True
    tables = tables_of("b2019_tabs.txt")
    tables["B"].rows[0].cells[1] = -1
    tables["B"].rows[1].cells[0] = 2.5
    n = by_id(run_checks(report_with(tables)))["N"][0]
    assert (
        n.ok is False
        and "表二“一、本年新收”行商业企业列为负数 -1（第 5 行）" in n.message
        and "表二“二、上年结转”行自然人列为小数 2.5（第 6 行）" in n.message
    )


def test_prose_matches_any_candidate() -> None:
    tables = tables_of("b2021_pipes.txt")  # 一 3119, 二 34, （七）总计 3050, 四 103
    for quoted, ok in ((3119, True), (3153, True), (3050, True), (103, True), (3000, False)):
        facts = {"applications_received": Figure(quoted, 2)}
        t1 = [c for c in run_checks(report_with(tables, facts)) if c.id == "T-1"]
        assert [c.ok for c in t1] == [ok], (quoted, t1)
        assert 2 in t1[0].lines and 5 in t1[0].lines
    t1 = [
        c
        for c in run_checks(report_with(tables, {"applications_received": Figure(3153, 2)}))
        if c.id == "T-1"
    ]
    assert t1[0].message == (
        "正文第 2 行说收到申请 3153 件，与表二“一、本年新收”与“二、上年结转”总计之和 3153 相符"
    )
    t1 = [
        c
        for c in run_checks(report_with(tables, {"applications_received": Figure(3000, 2)}))
        if c.id == "T-1"
    ]
    assert t1[0].message == (
        "正文第 2 行说收到申请 3000 件，与表中可能对应的数都不符：表二“一、本年新收”总计 3119，"
        "表二“一、本年新收”与“二、上年结转”总计之和 3153，表二“（七）总计” 3050，"
        "表二“四、结转下年度继续办理”总计 103"
    )
    facts = {"reviews_total": Figure(351, 3), "litigations_total": Figure(40, 3)}
    t1 = [c for c in run_checks(report_with(tables, facts)) if c.id == "T-1"]
    assert [c.ok for c in t1] == [True, False] and t1[1].message.endswith(
        "说行政诉讼 40 件，与表三行政诉讼总计（直接起诉与复议后起诉之和） 46 不符"
    )


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
    assert s2.ok is False and s2.message == "未找到表一"
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
        and x1.message.startswith("自然人列：2020 年报告“四、结转下年度继续办理”为 1（该报告第 27 行），")
        and "2021 年“二、上年结转”为 2，相差 1" in x1.message
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
