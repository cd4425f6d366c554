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
Printed values are never corrected: a failure names the cells and lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.extract.table_vocab import A_MONEY, A_SIGNED, B_COLUMNS, B_RESULT_KEYS
from generator.numerals import normalize
from generator.records import Check, Number, Report, Table

STATUTORY_SECTIONS = (
    ("总体情况", re.compile(r"总体情况|概述|概况|基本情况")),
    ("主动公开政府信息情况", re.compile(r"主动公开")),
    ("收到和处理政府信息公开申请情况", re.compile(r"申请")),
    ("政府信息公开行政复议、行政诉讼情况", re.compile(r"复议|诉讼")),
    ("存在的主要问题及改进情况", re.compile(r"问题|改进")),
    ("其他需要报告的事项", re.compile(r"其他需要报告|其他事项|需要报告")),
)
STATS_YEAR = re.compile(r"统计(?:期限|时限|期间|时间|周期|区间)[^0-9。]{0,12}((?:19|20)\d{2})\s*年")
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
TOTAL = len(B_COLUMNS) - 1


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


# ---------------------------------------------------------------- cells


class Cells:
    """A table's cells by row key, as the checks read them."""

    def __init__(self, table: Table):
        self.rows = {row.key: row for row in table.rows}

    def addend(self, key: str, col: int) -> Number | None:
        """A cell to add up: its value, 0 for a printed blank or marker, None when not read."""
        row = self.rows.get(key)
        if row is None or col >= len(row.cells):
            return None
        value = row.cells[col]
        if value is not None:
            return value
        return 0 if col < len(row.marks) and row.marks[col] is not None else None

    def total(self, key: str, col: int, total_col: int) -> Number | None:
        """A cell that states a total: a blank 总计 cell is not a zero."""
        if col != total_col:
            return self.addend(key, col)
        row = self.rows.get(key)
        return row.cells[col] if row is not None and col < len(row.cells) else None


def row_line(table: Table, key: str) -> int | None:
    row = table.row(key)
    return row.line if row else None


def _lines(table: Table, keys: Iterable[str]) -> list[int]:
    return sorted({line for k in keys if (line := row_line(table, k)) is not None})


def _verdict(
    cid: str,
    name: str,
    failures: list[str],
    passed: int,
    missing: list[str],
    lines: list[int],
    level: str = "error",
) -> Check:
    """One check from its per-column (or per-row) outcomes."""
    if failures:
        return Check(cid, name, False, "; ".join(failures), lines, level)
    listed = ", ".join(missing[:7]) + (f" and {len(missing) - 7} more" if len(missing) > 7 else "")
    if not passed:
        return Check(cid, name, None, f"not evaluated: cells missing ({listed})", lines, level)
    tail = f"; not evaluated: {listed}" if missing else ""
    return Check(cid, name, True, f"holds in {passed} of {passed + len(missing)}{tail}", lines, level)


# ---------------------------------------------------------------- Table B


def check_b1(b: Table) -> Check:
    """B-1 收办平衡: 一 + 二 = （七）总计 + 四, in each column."""
    cells = Cells(b)
    failures, missing, passed = [], [], 0
    for col, name in enumerate(B_COLUMNS):
        vals = [cells.total(k, col, TOTAL) for k in ("new", "carried_over", "total", "carry_forward")]
        if any(v is None for v in vals):
            missing.append(name)
            continue
        new, carried, done, forward = vals
        if new + carried == done + forward:  # type: ignore[operator]
            passed += 1
        else:
            failures.append(f"{name}: 一 {new} + 二 {carried} ≠ （七）总计 {done} + 四 {forward}")
    lines = _lines(b, ("new", "carried_over", "total", "carry_forward"))
    return _verdict("B-1", "收办平衡", failures, passed, missing, lines)


def check_b2(b: Table) -> Check:
    """B-2 明细合计: （七）总计 = the sum of the result rows, in each column."""
    keys = B_RESULT_KEYS.get(b.format, B_RESULT_KEYS["2019"])
    cells = Cells(b)
    failures, missing, passed = [], [], 0
    for col, name in enumerate(B_COLUMNS):
        stated = cells.total("total", col, TOTAL)
        parts = [cells.addend(k, col) for k in keys]
        if stated is None or any(v is None for v in parts):
            missing.append(name)
            continue
        added = sum(parts)  # type: ignore[arg-type]
        if stated == added:
            passed += 1
        else:
            failures.append(f"{name}: （七）总计 {stated} ≠ {added}, the sum of rows （一）…（六）")
    return _verdict("B-2", "明细合计", failures, passed, missing, _lines(b, ["total", *keys]))


def check_b3(b: Table) -> Check:
    """B-3 横向总计: 总计 = the six applicant cells, in every row."""
    cells = Cells(b)
    failures, missing, passed, bad = [], [], 0, []
    for row in b.rows:
        stated = cells.total(row.key, TOTAL, TOTAL)
        added = 0
        for col in range(TOTAL):
            part = cells.addend(row.key, col)
            if part is None:
                added = None
                break
            added += part
        if stated is None or added is None:
            missing.append(row.key)
        elif stated == added:
            passed += 1
        else:
            failures.append(
                f"row {row.key} (line {row.line}): 总计 {stated} ≠ {added}, the sum of its six cells"
            )
            bad.append(row.line)
    lines = sorted({x for x in bad if x is not None}) or _lines(b, [r.key for r in b.rows])
    return _verdict("B-3", "横向总计", failures, passed, missing, lines)


# ---------------------------------------------------------------- Table C


def check_c(c: Table) -> list[Check]:
    """C-1..C-3: each group's 总计 = its four result columns."""
    out = []
    names = {
        "review": ("C-1", "复议总计", 1),
        "suit_direct": ("C-2", "直接起诉总计", 6),
        "suit_after_review": ("C-3", "复议后起诉总计", 11),
    }
    cells = Cells(c)
    for key, (cid, name, first) in names.items():
        stated = cells.total(key, 4, 4)
        parts = [cells.addend(key, col) for col in range(4)]
        lines = _lines(c, [key])
        if stated is None or any(v is None for v in parts):
            out.append(
                Check(cid, name, None, f"not evaluated: columns {first}–{first + 4} not all read", lines)
            )
            continue
        added = sum(parts)  # type: ignore[arg-type]
        ok = stated == added
        message = (
            f"columns {first}–{first + 3} add up to column {first + 4} ({stated})"
            if ok
            else f"column {first + 4} 总计 {stated} ≠ {added}, the sum of columns {first}–{first + 3} {parts}"
        )
        out.append(Check(cid, name, ok, message, lines))
    return out


# ---------------------------------------------------------------- N


def _is_count(table: Table, key: str, col: int) -> bool:
    if table.name != "A":
        return True
    return (table.format, key, col) not in A_MONEY | A_SIGNED


def check_n(tables: dict[str, Table]) -> Check:
    """N: every count cell is a non-negative integer (Table A money and 增/减 cells excepted)."""
    failures, lines, read = [], set(), 0
    for name in sorted(tables):
        table = tables[name]
        for row in table.rows:
            for col, value in enumerate(row.cells):
                if value is None or not _is_count(table, row.key, col):
                    continue
                read += 1
                if isinstance(value, float) or value < 0:
                    columns = row.columns or table.columns
                    head = columns[col] if col < len(columns) else str(col + 1)
                    failures.append(f"Table {name} {row.key}/{head} (line {row.line}): {value}")
                    if row.line is not None:
                        lines.add(row.line)
    if failures:
        return Check("N", "非负整数", False, "; ".join(failures), sorted(lines))
    if not read:
        return Check("N", "非负整数", None, "no count cells read")
    return Check("N", "非负整数", True, f"{read} count cells are non-negative integers")


# ---------------------------------------------------------------- prose vs table


def prose_candidates(report: Report) -> dict[str, list[tuple[str, Number, int | None]]]:
    """For each prose fact, the table figures it may quote: (name, value, line)."""
    f = report.facts

    def fig(key: str) -> tuple[Number, int | None] | None:
        got = f.get(key)
        return (got.value, got.line) if got is not None and got.value is not None else None

    new, carried, done = (
        fig("table_b.new.total"),
        fig("table_b.carried_over.total"),
        fig("table_b.total.total"),
    )
    forward = fig("table_b.carry_forward.total")
    received = [("一", *new)] if new else []
    if new and carried:
        received.append(("一+二", new[0] + carried[0], new[1]))
    if done:
        received.append(("（七）总计", *done))
    out = {"applications_received": received}
    for prose, key, name in (
        ("applications_carried_over", "table_b.carried_over.total", "二"),
        ("applications_carried_forward", "table_b.carry_forward.total", "四"),
        ("reviews_total", "table_c.review.total", "复议总计"),
        ("litigations_total", "table_c.litigation.total", "诉讼 列10+列15"),
    ):
        got = fig(key)
        out[prose] = [(name, *got)] if got else []
    if forward:
        out["applications_received"].append(("四", *forward))
    return out


def check_prose(report: Report) -> list[Check]:
    """T-1: every prose figure about applications, reviews and lawsuits = a matching table cell."""
    out = []
    for key, candidates in prose_candidates(report).items():
        prose = report.facts.get(key)
        if prose is None or prose.value is None or not candidates:
            continue
        lines = sorted({x for x in [prose.line, *(c[2] for c in candidates)] if x is not None})
        quoted = ", ".join(f"{name} {value}" for name, value, _ in candidates)
        ok = any(prose.value == value for _, value, _ in candidates)
        verb = "matches one of" if ok else "≠ any of"
        message = f"{key} {prose.value} (line {prose.line}) {verb} {quoted}"
        out.append(Check("T-1", "文表一致", ok, message, lines, "warning"))
    return out


# ---------------------------------------------------------------- years and parts


def statistics_year(report: Report) -> tuple[int, int] | None:
    """The year of the statistics period ('统计期限自2020年1月1日…') and its line."""
    for key, fig in report.facts.items():
        if ("period" in key or "statistics" in key) and isinstance(fig.value, int):
            return fig.value, fig.line or 0
    for i, raw in enumerate(report.lines, start=1):
        if "统计" in raw:
            m = STATS_YEAR.search(normalize(raw))
            if m:
                return int(m.group(1)), i
    return None


def check_year(report: Report) -> Check | None:
    """Y-1: the year in the title = the year of the statistics period (when both are printed)."""
    title = report.meta.title
    m = TITLE_YEAR.search(normalize(title)) if title else None
    stats = statistics_year(report)
    if not m or stats is None:
        return None
    year = int(m.group(1))
    where = report.meta.origin.get("title", "")
    title_line = int(where[5:]) if where.startswith("text:") and where[5:].isdigit() else None
    lines = sorted({x for x in (title_line, stats[1]) if x})
    if year == stats[0]:
        return Check("Y-1", "年度一致", True, f"title and statistics period both {year}", lines, "warning")
    return Check(
        "Y-1",
        "年度一致",
        False,
        f"title says {year}, statistics period (line {stats[1]}) says {stats[0]}",
        lines,
        "warning",
    )


def check_parts(report: Report) -> list[Check]:
    """S-1, S-2: a 2019-format report should carry the six statutory sections and Tables A–C."""
    if report.template != "2019":
        return []
    titles = [re.sub(r"\s", "", s.title) for s in report.sections]
    missing = [name for name, rx in STATUTORY_SECTIONS if not any(rx.search(t) for t in titles)]
    sections = Check(
        "S-1",
        "法定章节",
        not missing,
        "missing sections: " + "、".join(missing) if missing else "all six statutory sections found",
        [s.line for s in report.sections],
        "warning",
    )
    absent = [n for n in "ABC" if n not in report.tables]
    unread = [
        n
        for n in "ABC"
        if n in report.tables and all(v is None for r in report.tables[n].rows for v in r.cells)
    ]
    problems = ([f"Table {', '.join(absent)} not found"] if absent else []) + (
        [f"Table {', '.join(unread)} has no cells read"] if unread else []
    )
    tables = Check(
        "S-2",
        "法定表格",
        not problems,
        "; ".join(problems) or "Tables A, B and C read",
        [t.line for t in report.tables.values() if t.line is not None],
        "warning",
    )
    return [sections, tables]


# ---------------------------------------------------------------- across years


def town_key(report: Report) -> tuple[str | None, ...] | None:
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
    failures, missing, passed = [], [], 0
    for col, name in enumerate(B_COLUMNS):
        forward = prev_cells.total("carry_forward", col, TOTAL)
        carried = cur_cells.total("carried_over", col, TOTAL)
        if forward is None or carried is None:
            missing.append(name)
        elif forward == carried:
            passed += 1
        else:
            failures.append(
                f"{name}: 四 {forward} in {before.meta.year} ({before.path}:{row_line(prev, 'carry_forward')})"
                f" ≠ 二 {carried} in {after.meta.year} (line {row_line(cur, 'carried_over')})"
            )
    lines = [x for x in (row_line(cur, "carried_over"),) if x is not None]
    return _verdict("X-1", "结转连续", failures, passed, missing, lines, "warning")
