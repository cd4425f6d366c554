"""Consistency checks on an extracted report (statutory identities, prose vs table, years).

| id  | check                | what                                                                      |
|-----|----------------------|---------------------------------------------------------------------------|
| B-1 | 收办平衡              | 一[c] + 二[c] = （七）总计[c] + 四[c], each of the 7 columns of Table B       |
| B-2 | 明细合计              | （七）总计[c] = the sum of the result rows (（一）…（六）), each column        |
| B-3 | 横向总计              | 总计[r] = the six applicant cells of row r, every row of Table B              |
| C-1 | 复议总计              | Table C columns 1–4 → 5                                                   |
| C-2 | 直接起诉总计           | Table C columns 6–9 → 10                                                  |
| C-3 | 复议后起诉总计         | Table C columns 11–14 → 15                                                |
| N   | 非负整数              | every count cell of Tables A, B, C is a non-negative integer                |
| T-1 | 文表一致              | prose figures = table cells (any of the cells the prose may quote)          |
| Y-1 | 年度一致              | the title's year = the statistics period's year (warning)                  |
| S-1 | 法定章节              | the six statutory headings of a 2019-format report (warning)               |
| S-2 | 法定表格              | Tables A, B and C of a 2019-format report (warning)                        |
| X-1 | 结转连续              | 四[c] of year Y−1 = 二[c] of year Y, same town (cross_year_checks)          |

A check that cannot be evaluated (cells missing) has ok=None. Empty or marker cells ("", "/",
"—", "无") count as 0 when added up, but a blank 总计 cannot be checked against its parts.
Printed values are never corrected: a failure names the cells and lines. Messages are plain
Chinese for citizens, worded by generator/check_words.py with the tables' official labels.
"""

from __future__ import annotations

from generator import check_words as w
from generator.check_cells import TOTAL, Cells, _verdict, row_line
from generator.check_tables import check_b1, check_b2, check_b3, check_c, check_n
from generator.check_text import check_parts, check_prose, check_year
from generator.extract.table_vocab import B_COLUMNS
from generator.records import Check, Report


def run_checks(report: Report) -> list[Check]:
    """Every check that applies to one report; failures name the cells and lines involved."""
    checks: list[Check] = []
    b, c = report.tables.get("B"), report.tables.get("C")
    if b is not None:
        checks += [check_b1(b), check_b2(b), check_b3(b)]
    if c is not None:
        checks += check_c(c)
    if report.tables:
        checks.append(check_n(report.tables))
    checks += check_prose(report)
    year = check_year(report)
    if year is not None:
        checks.append(year)
    checks += check_parts(report)
    return checks


# ---------------------------------------------------------------- across years


def town_key(report: Report) -> tuple[str | None, ...] | None:
    """Province, prefecture, county and town of a report (None without a town)."""
    m = report.meta
    return (m.province, m.prefecture, m.county, m.town) if m.town else None


def cross_year_checks(reports: list[Report]) -> dict[str, list[Check]]:
    """X-1 结转连续 across years of one town (same province/prefecture/county/town):
    四[c] of year Y−1 = 二[c] of year Y, per column. Returns extra checks keyed by the path of
    the year-Y report."""
    by_town: dict[tuple, dict[int, Report]] = {}
    for r in reports:
        key = town_key(r)
        if key is not None and r.meta.year is not None and "B" in r.tables:
            by_town.setdefault(key, {})[r.meta.year] = r
    out: dict[str, list[Check]] = {}
    for years in by_town.values():
        for year, report in sorted(years.items()):
            before = years.get(year - 1)
            if before is not None:
                out.setdefault(report.path, []).append(carry_check(before, report))
    return out


def carry_check(before: Report, after: Report) -> Check:
    """X-1 for one pair of consecutive years."""
    prev, cur = before.tables["B"], after.tables["B"]
    prev_cells, cur_cells = Cells(prev), Cells(cur)
    y0, y1 = before.meta.year, after.meta.year
    last = f"{y0} 年报告“{w.b_row('carry_forward')}”"
    this = f"本年“{w.b_row('carried_over')}”"
    failures, gaps, missing, passed = [], w.Gaps(B_COLUMNS), 0, 0
    for col, name in enumerate(B_COLUMNS):
        forward = prev_cells.total("carry_forward", col, TOTAL)
        carried = cur_cells.total("carried_over", col, TOTAL)
        if forward is None or carried is None:
            missing += 1
            if forward is None:
                gaps.add(last, name, prev_cells.why("carry_forward", col))
            if carried is None:
                gaps.add(this, name, cur_cells.why("carried_over", col))
        elif forward == carried:
            passed += 1
        else:
            failures.append(
                f"{name}列：{y0} 年报告“{w.b_row('carry_forward')}”为 {w.num(forward)}"
                f"（该报告第 {row_line(prev, 'carry_forward')} 行），但 {y1} 年“{w.b_row('carried_over')}”"
                f"为 {w.num(carried)}，{w.diff(forward, carried)}"
            )
    lines = [x for x in (row_line(cur, "carried_over"),) if x is not None]
    return _verdict("X-1", "结转连续", failures, passed, gaps, missing, lines, "warning")
