"""Plain Chinese wording of the consistency checks (generator/check.py) for citizens.

Cells are named by the official labels of the statutory tables (generator/extract/table_vocab.py),
shortened where the template adds a fixed tail ("一、本年新收政府信息公开申请数量" is shown as
"一、本年新收"). Lists are cut after a few items ("… 等 N 处") so that a message stays short.
"""

from __future__ import annotations

import re
from functools import cache

from generator.extract.table_vocab import A_ROWS_2019, A_ROWS_2021, B_ROWS_2019, B_ROWS_2021, C_ROWS
from generator.markup import fmt_number
from generator.records import Number

TABLE_NAMES = {"A": "表一", "B": "表二", "C": "表三"}
# Group rows of Table B that the template prints without figures (as on the report page).
B_GROUPS = (
    ("withheld_", "（三）不予公开"),
    ("unavailable_", "（四）无法提供"),
    ("rejected_", "（五）不予处理"),
    ("other_", "（六）其他处理"),
)
# What the prose figures of check T-1 are called.
PROSE_NAMES = {
    "applications_received": "收到申请",
    "applications_carried_over": "上年结转",
    "applications_carried_forward": "结转下年度",
    "reviews_total": "行政复议",
    "litigations_total": "行政诉讼",
}
NOT_READ = "未读出"
NOT_FILLED = "未填数字"  # printed blank or with a mark ("/", "—", "无") instead of a number
LIMIT = 3  # items listed before "等 N 处"

_TAIL = re.compile(r"政府信息公开申请数量$|（[^）]*）$")


def num(value: Number | None) -> str:
    """A figure as printed in a message (3.0 shows as 3, None as —)."""
    return fmt_number(value)


def some(items: list[str], sep: str = "；", unit: str = "处") -> str:
    """The first few items joined; a longer list ends in '等 N 处' (N counts all of them)."""
    if len(items) <= LIMIT + 1:  # hiding a single item behind '等' saves nothing
        return sep.join(items)
    shown = sep.join(items[:LIMIT])
    space = " " if shown[-1:].isascii() else ""
    return f"{shown}{space}等 {len(items)} {unit}"


def _short(label: str) -> str:
    """An official Table B label without its fixed tail or bracketed note."""
    return _TAIL.sub("", label)


@cache  # a few dozen keys, asked for once per missing cell
def b_row(key: str, fallback: str = "") -> str:
    """A Table B row by its official label: "一、本年新收", "（三）不予公开 1.属于国家秘密"."""
    spec = next((r for r in (*B_ROWS_2021, *B_ROWS_2019) if r.key == key), None)
    if spec is None:
        return fallback or key
    group = next((g for prefix, g in B_GROUPS if key.startswith(prefix)), "")
    return f"{group} {_short(spec.label)}" if group else _short(spec.label)


def c_row(key: str) -> str:
    """A Table C group by its official label: "行政复议", "行政诉讼·复议后起诉"."""
    return dict(C_ROWS).get(key, key)


def a_row(key: str, fallback: str = "") -> str:
    """A Table A row by its official label: "行政许可"."""
    spec = next((r for r in (*A_ROWS_2021, *A_ROWS_2019) if r.key == key), None)
    return spec.label if spec is not None else fallback or key


def cell(table: str, key: str, column: str, fallback: str = "") -> str:
    """One cell of Tables A–C in words: 表二“一、本年新收”行商业企业列, 表三行政复议的结果维持."""
    if table == "C":
        return f"表三{c_row(key)}的{column}"
    label = b_row(key, fallback) if table == "B" else a_row(key, fallback)
    return f"{TABLE_NAMES.get(table, '表' + table)}“{label}”行{column}列"


def line(n: int | None) -> str:
    """'（第 N 行）' when the line is known."""
    return f"（第 {n} 行）" if n else ""


class Gaps:
    """Cells that kept a check from running, gathered by row and reason for one message."""

    def __init__(self, columns: list[str], row_word: str = "行", col_word: str = "列"):
        self.columns = columns
        self.row_word = row_word
        self.col_word = col_word
        self.found: dict[tuple[str, str], list[str]] = {}

    def add(self, row: str, column: str, reason: str) -> None:
        """One cell: its row (e.g. "“二、上年结转”"), its column and why it cannot be used."""
        cols = self.found.setdefault((row, reason), [])
        if column not in cols:
            cols.append(column)

    def phrases(self) -> list[str]:
        """'“一、本年新收”“二、上年结转”行未读出', '“（七）总计”行的总计列未填数字': rows that
        miss the same cells for the same reason make one phrase, in the order first seen."""
        rows: dict[tuple[tuple[str, ...], str], list[str]] = {}
        for (row, reason), cols in self.found.items():
            whole = len(cols) == len(self.columns) > 1
            rows.setdefault((() if whole else tuple(cols), reason), []).append(row)
        return [self._phrase(names, list(cols), reason) for (cols, reason), names in rows.items()]

    def _phrase(self, rows: list[str], cols: list[str], reason: str) -> str:
        """'“一、本年新收”“二、上年结转”行未读出', '行政复议的结果纠正、总计未读出'."""
        unit = self.row_word or "项"
        if len(rows) > LIMIT + 1:
            named = f"{''.join(rows[:LIMIT])}等 {len(rows)} {unit}"
        else:
            named = "".join(rows) + self.row_word
        if not cols:
            return f"{named}{reason}"
        if len(cols) > LIMIT + 1:
            return f"{named}的{some(cols, '、', self.col_word or '项')}{reason}"
        return f"{named}的{'、'.join(cols)}{self.col_word}{reason}"


def tally(passed: int, missing: int, unit: str, gaps: list[str]) -> str:
    """'7 列全部相符' or '7 列中 6 列相符，1 列无法核验（…）' or '无法核验：…'."""
    why = some(gaps) or "数据不全"
    if not passed:
        return f"无法核验：{why}"
    if not missing:
        return f"{passed} {unit}全部相符"
    return f"{passed + missing} {unit}中 {passed} {unit}相符，{missing} {unit}无法核验（{why}）"


def diff(a: Number, b: Number) -> str:
    """'相差 N' between two figures."""
    return f"相差 {num(abs(a - b))}"
