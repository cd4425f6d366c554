"""Table identity checks B-1..B-3, C-1..C-3 and N (see generator/check.py for the list)."""

from __future__ import annotations

from generator import check_words as w
from generator.check_cells import TOTAL, Cells, _lines, _verdict
from generator.extract.table_vocab import A_MONEY, A_SIGNED, B_COLUMNS, B_RESULT_KEYS, C_COLUMNS
from generator.records import Check, Number, Table, TableRow


def _b_gap(gaps: w.Gaps, cells: Cells, key: str, col: int, total: bool) -> None:
    """Note one Table B cell that is missing (a stated total, or a part to add up)."""
    value = cells.total(key, col, TOTAL) if total else cells.addend(key, col)
    if value is None:
        gaps.add(f"“{w.b_row(key)}”", B_COLUMNS[col], cells.why(key, col))


def _added(stated: Number | None, parts: list[Number | None]) -> Number | None:
    """The parts' sum, to compare with the stated total; None when the total or a part was not read."""
    if stated is None or any(v is None for v in parts):
        return None
    return sum(parts)  # type: ignore[arg-type]


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
        added = _added(stated, [cells.addend(k, col) for k in keys])
        if added is None:
            missing += 1
            _b_gap(gaps, cells, "total", col, True)
            for k in keys:
                _b_gap(gaps, cells, k, col, False)
            continue
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
        added = _added(stated, [cells.addend(row.key, col) for col in range(TOTAL)])
        if added is None:
            missing += 1
            for col in range(len(B_COLUMNS)):
                _b_gap(gaps, cells, row.key, col, col == TOTAL)
            continue
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
    added = _added(stated, parts)
    if added is None:
        gaps = w.Gaps(C_COLUMNS, "", "")
        for col, value in enumerate([*parts, stated]):
            if value is None:
                gaps.add(group, C_COLUMNS[col], cells.why(key, col))
        return Check(cid, name, None, f"无法核验：{w.some(gaps.phrases())}", lines)
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
