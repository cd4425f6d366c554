"""How the consistency checks (generator/check.py) read table cells and give verdicts."""

from __future__ import annotations

from collections.abc import Iterable

from generator import check_words as w
from generator.extract.table_vocab import B_COLUMNS
from generator.records import Check, Number, Table

TOTAL = len(B_COLUMNS) - 1


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
