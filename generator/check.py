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

import re
from collections.abc import Iterable

from generator import check_words as w
from generator.extract.table_vocab import A_MONEY, A_SIGNED, B_COLUMNS, B_RESULT_KEYS, C_COLUMNS
from generator.numerals import normalize
from generator.records import Check, Number, Report, Table, TableRow

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

    def why(self, key: str, col: int) -> str:
        """Why a cell cannot be used: printed without a number, or not read at all."""
        row = self.rows.get(key)
        marked = row is not None and col < len(row.marks) and row.marks[col] is not None
        return w.NOT_FILLED if marked else w.NOT_READ


def row_line(table: Table, key: str) -> int | None:
    """The line a row was read from."""
    row = table.row(key)
    return row.line if row else None


def _lines(table: Table, keys: Iterable[str]) -> list[int]:
    """The lines of several rows, sorted."""
    return sorted({line for k in keys if (line := row_line(table, k)) is not None})


def _verdict(
    cid: str,
    name: str,
    failures: list[str],
    passed: int,
    gaps: w.Gaps,
    missing: int,
    lines: list[int],
    level: str = "error",
    unit: str = "列",
) -> Check:
    """One check from its per-column (or per-row) outcomes: failures, passes, cells missing."""
    if failures:
        return Check(cid, name, False, w.some(failures), lines, level)
    message = w.tally(passed, missing, unit, gaps.phrases())
    return Check(cid, name, True if passed else None, message, lines, level)


def _b_gap(gaps: w.Gaps, cells: Cells, key: str, col: int, total: bool) -> None:
    """Note one Table B cell that is missing (a stated total, or a part to add up)."""
    value = cells.total(key, col, TOTAL) if total else cells.addend(key, col)
    if value is None:
        gaps.add(f"“{w.b_row(key)}”", B_COLUMNS[col], cells.why(key, col))


# ---------------------------------------------------------------- Table B


def check_b1(b: Table) -> Check:
    """B-1 收办平衡: 一 + 二 = （七）总计 + 四, in each column."""
    cells = Cells(b)
    keys = ("new", "carried_over", "total", "carry_forward")
    failures, gaps, missing, passed = [], w.Gaps(B_COLUMNS), 0, 0
    for col, name in enumerate(B_COLUMNS):
        vals = [cells.total(k, col, TOTAL) for k in keys]
        if any(v is None for v in vals):
            missing += 1
            for k in keys:
                _b_gap(gaps, cells, k, col, True)
            continue
        new, carried, done, forward = vals
        if new + carried == done + forward:  # type: ignore[operator]
            passed += 1
        else:
            failures.append(b1_failure(name, new, carried, done, forward))  # type: ignore[arg-type]
    return _verdict("B-1", "收办平衡", failures, passed, gaps, missing, _lines(b, keys))


def b1_failure(column: str, new: Number, carried: Number, done: Number, forward: Number) -> str:
    """'自然人列：一（4）+ 二（0）= 4，但（七）总计（3）+ 四（0）= 3，相差 1'."""
    came, went = new + carried, done + forward
    return (
        f"{column}列：一（{w.num(new)}）+ 二（{w.num(carried)}）= {w.num(came)}，"
        f"但（七）总计（{w.num(done)}）+ 四（{w.num(forward)}）= {w.num(went)}，{w.diff(came, went)}"
    )


def check_b2(b: Table) -> Check:
    """B-2 明细合计: （七）总计 = the sum of the result rows, in each column."""
    keys = B_RESULT_KEYS.get(b.format, B_RESULT_KEYS["2019"])
    cells = Cells(b)
    failures, gaps, missing, passed = [], w.Gaps(B_COLUMNS), 0, 0
    for col, name in enumerate(B_COLUMNS):
        stated = cells.total("total", col, TOTAL)
        parts = [cells.addend(k, col) for k in keys]
        if stated is None or any(v is None for v in parts):
            missing += 1
            _b_gap(gaps, cells, "total", col, True)
            for k in keys:
                _b_gap(gaps, cells, k, col, False)
            continue
        added = sum(parts)  # type: ignore[arg-type]
        if stated == added:
            passed += 1
        else:
            failures.append(
                f"{name}列：（七）总计为 {w.num(stated)}，但（一）至（六）各项之和为 {w.num(added)}，"
                f"{w.diff(stated, added)}"
            )
    return _verdict("B-2", "明细合计", failures, passed, gaps, missing, _lines(b, ["total", *keys]))


def check_b3(b: Table) -> Check:
    """B-3 横向总计: 总计 = the six applicant cells, in every row."""
    cells = Cells(b)
    failures, gaps, missing, passed, bad = [], w.Gaps(B_COLUMNS), 0, 0, []
    for row in b.rows:
        stated = cells.total(row.key, TOTAL, TOTAL)
        parts = [cells.addend(row.key, col) for col in range(TOTAL)]
        if stated is None or any(v is None for v in parts):
            missing += 1
            for col in range(len(B_COLUMNS)):
                _b_gap(gaps, cells, row.key, col, col == TOTAL)
            continue
        added = sum(parts)  # type: ignore[arg-type]
        if stated == added:
            passed += 1
        else:
            failures.append(
                f"表二“{w.b_row(row.key, row.label)}”行：总计 {w.num(stated)} ≠ "
                f"各类申请人之和 {w.num(added)}{w.line(row.line)}"
            )
            bad.append(row.line)
    lines = sorted({x for x in bad if x is not None}) or _lines(b, [r.key for r in b.rows])
    return _verdict("B-3", "横向总计", failures, passed, gaps, missing, lines, unit="行")


# ---------------------------------------------------------------- Table C


def check_c(c: Table) -> list[Check]:
    """C-1..C-3: each group's 总计 = its four result columns."""
    names = {
        "review": ("C-1", "复议总计"),
        "suit_direct": ("C-2", "直接起诉总计"),
        "suit_after_review": ("C-3", "复议后起诉总计"),
    }
    cells = Cells(c)
    return [c_group(cells, key, cid, name, _lines(c, [key])) for key, (cid, name) in names.items()]


def c_group(cells: Cells, key: str, cid: str, name: str, lines: list[int]) -> Check:
    """One group of Table C: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    group = w.c_row(key)
    stated = cells.total(key, 4, 4)
    parts = [cells.addend(key, col) for col in range(4)]
    if stated is None or any(v is None for v in parts):
        gaps = w.Gaps(C_COLUMNS, "", "")
        for col, value in enumerate([*parts, stated]):
            if value is None:
                gaps.add(group, C_COLUMNS[col], cells.why(key, col))
        return Check(cid, name, None, f"无法核验：{w.some(gaps.phrases())}", lines)
    added = sum(parts)  # type: ignore[arg-type]
    terms = " + ".join(f"{C_COLUMNS[i]} {w.num(v)}" for i, v in enumerate(parts))
    if stated == added:
        return Check(cid, name, True, f"{group}：{terms} = {w.num(added)}，与总计相符", lines)
    message = f"{group}：{terms} = {w.num(added)}，但总计为 {w.num(stated)}，{w.diff(stated, added)}"
    return Check(cid, name, False, message, lines)


# ---------------------------------------------------------------- N


def _is_count(table: Table, key: str, col: int) -> bool:
    """Whether a cell holds a count (not Table A's money or signed 增/减)."""
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
                    failures.append(n_failure(table, row, col, value))
                    if row.line is not None:
                        lines.add(row.line)
    if failures:
        return Check("N", "非负整数", False, w.some(failures), sorted(lines))
    if not read:
        return Check("N", "非负整数", None, "无法核验：没有读出任何计数格")
    return Check("N", "非负整数", True, f"读出的 {read} 个计数格都是非负整数")


def n_failure(table: Table, row: TableRow, col: int, value: Number) -> str:
    """'表二“一、本年新收”行商业企业列为负数 -1（第 5 行）'."""
    columns = row.columns or table.columns
    head = columns[col] if col < len(columns) else f"第 {col + 1} "
    kind = "负数" if value < 0 else "小数"
    return f"{w.cell(table.name, row.key, head, row.label)}为{kind} {value}{w.line(row.line)}"


# ---------------------------------------------------------------- prose vs table


def prose_candidates(report: Report) -> dict[str, list[tuple[str, Number, int | None]]]:
    """For each prose fact, the table figures it may quote: (name in words, value, line)."""
    f = report.facts

    def fig(key: str) -> tuple[Number, int | None] | None:
        got = f.get(key)
        return (got.value, got.line) if got is not None and got.value is not None else None

    def total(key: str) -> str:
        return f"表二“{w.b_row(key)}”总计"

    new, carried, done = (
        fig("table_b.new.total"),
        fig("table_b.carried_over.total"),
        fig("table_b.total.total"),
    )
    forward = fig("table_b.carry_forward.total")
    received = [(total("new"), *new)] if new else []
    if new and carried:
        both = f"表二“{w.b_row('new')}”与“{w.b_row('carried_over')}”总计之和"
        received.append((both, new[0] + carried[0], new[1]))
    if done:
        received.append((f"表二“{w.b_row('total')}”", *done))
    out = {"applications_received": received}
    for prose, key, name in (
        ("applications_carried_over", "table_b.carried_over.total", total("carried_over")),
        ("applications_carried_forward", "table_b.carry_forward.total", total("carry_forward")),
        ("reviews_total", "table_c.review.total", "表三行政复议总计"),
        ("litigations_total", "table_c.litigation.total", "表三行政诉讼总计（直接起诉与复议后起诉之和）"),
    ):
        got = fig(key)
        out[prose] = [(name, *got)] if got else []
    if forward:
        out["applications_received"].append((total("carry_forward"), *forward))
    return out


def check_prose(report: Report) -> list[Check]:
    """T-1: every prose figure about applications, reviews and lawsuits = a matching table cell."""
    out = []
    for key, candidates in prose_candidates(report).items():
        prose = report.facts.get(key)
        if prose is None or prose.value is None or not candidates:
            continue
        lines = sorted({x for x in [prose.line, *(c[2] for c in candidates)] if x is not None})
        said = f"正文{f'第 {prose.line} 行' if prose.line else ''}说{w.PROSE_NAMES.get(key, key)} {w.num(prose.value)} 件"
        match = next((c for c in candidates if c[1] == prose.value), None)
        if match is not None:
            message = f"{said}，与{match[0]} {w.num(match[1])} 相符"
        else:
            quoted = [f"{name} {w.num(value)}" for name, value, _ in candidates]
            if len(quoted) == 1:
                message = f"{said}，与{quoted[0]} 不符"
            else:
                message = f"{said}，与表中可能对应的数都不符：{w.some(quoted, '，', '个')}"
        out.append(Check("T-1", "文表一致", match is not None, message, lines, "warning"))
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
        return Check("Y-1", "年度一致", True, f"标题与统计期限都是 {year} 年", lines, "warning")
    return Check(
        "Y-1",
        "年度一致",
        False,
        f"标题写 {year} 年，但统计期限{w.line(stats[1])}是 {stats[0]} 年",
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
        sections_message(missing),
        [s.line for s in report.sections],
        "warning",
    )
    absent = [n for n in "ABC" if n not in report.tables]
    unread = [
        n
        for n in "ABC"
        if n in report.tables and all(v is None for r in report.tables[n].rows for v in r.cells)
    ]
    problems = ([f"未找到{_tables(absent)}"] if absent else []) + (
        [f"{_tables(unread)}没有读出任何数字"] if unread else []
    )
    tables = Check(
        "S-2",
        "法定表格",
        not problems,
        "；".join(problems) or "表一、表二、表三都已读出",
        [t.line for t in report.tables.values() if t.line is not None],
        "warning",
    )
    return [sections, tables]


def sections_message(missing: list[str]) -> str:
    """'六个法定章节齐全' or '未找到法定章节：“…”“…”等 N 个'."""
    if not missing:
        return "六个法定章节齐全"
    return "未找到法定章节：" + w.some([f"“{m}”" for m in missing], "", "个")


def _tables(names: list[str]) -> str:
    """'表一、表三' for ['A', 'C']."""
    return "、".join(w.TABLE_NAMES.get(n, n) for n in names)


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
