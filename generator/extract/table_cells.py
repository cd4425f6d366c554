"""A row's tokens as its cells (fit_cells), the table's width, and row label numbering.

Tokens come from table_tokens; Token, tokenize, mark_separators and parse_value are re-exported
here for the modules and tests that import them from table_cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.table_tokens import Token, mark_separators, parse_value, tokenize
from generator.records import Number

__all__ = [
    "Fit",
    "Token",
    "fit_cells",
    "mark_separators",
    "numbering_of",
    "parse_value",
    "table_width",
    "tokenize",
]

NUMBERING = re.compile(r"^\(?([一二三四五六七八九十]{1,3}|\d{1,2})\s*(?:\)|[、.．])")


@dataclass
class Fit:
    """A row's cells as read, with printed markers and what went wrong."""

    cells: list[Number | None]
    marks: list[str | None]
    warning: str | None = None


def _from_tokens(slots: list[Token | None]) -> Fit:
    cells: list[Number | None] = []
    marks: list[str | None] = []
    for tok in slots:
        if tok is None or tok.kind == "blank":
            cells.append(None)
            marks.append("" if tok is not None else None)
        elif tok.kind == "mark":
            cells.append(None)
            marks.append(tok.text)
        else:
            cells.append(tok.value)
            marks.append(None if tok.text == str(tok.value) else tok.text)
    return Fit(cells, marks)


def _trim(items: list[Token], n: int, width: int | None) -> list[Token]:
    """Drop empty cells at the left (label columns), then at the right, down to n slots; only
    in a row printed on one line as wide as the table's rows (`width`), so that its cells stand
    in the same columns as theirs. Blank lines are never dropped."""
    slots = list(items)
    if width is None or len({t.line for t in slots}) != 1 or slots[0].width != width:
        return slots
    while len(slots) > n and slots[0].kind == "blank" and slots[0].text == "":
        slots.pop(0)
    while len(slots) > n and slots[-1].kind == "blank" and slots[-1].text == "":
        slots.pop()
    return slots


def table_width(tokens: list[Token]) -> int | None:
    """The number of cells on most lines holding values, when at least three lines agree."""
    widths: dict[int, int] = {}
    for tok in tokens:
        if tok.kind == "value" and tok.width:
            widths[tok.line] = tok.width
    counts: dict[int, int] = {}
    for w in widths.values():
        counts[w] = counts.get(w, 0) + 1
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best is not None and counts[best] >= 3 else None


def _digit_run(values: list[Token], n: int) -> bool:
    """One run of exactly n digits that cannot be one count: printed straight after the
    label ("规章000") or starting with 0 ("0000000")."""
    if len(values) != 1 or n < 2:
        return False
    tok = values[0]
    return tok.text.isdigit() and len(tok.text) == n and (tok.glued or tok.text.startswith("0"))


def _blank_between_values(items: list[Token]) -> bool:
    """An empty cell (or a blank line standing for one) between two of the row's values.
    Empty cells before the first value are label columns; after the last, extra grid columns
    ("规章 | 0 | 0 | 0 | |") or layout."""
    cells = [i for i, t in enumerate(items) if t.kind == "value" or t.kind == "mark"]
    return bool(cells) and any(t.kind == "blank" for t in items[cells[0] : cells[-1]])


def _wider_with_blank(items: list[Token], width: int | None) -> bool:
    """A row with an empty cell on a line wider than the table's rows: one of its cells is
    extra, and which one is not known."""
    if width is None or not items:
        return False
    wider = any(t.width > width for t in items)
    return wider and any(t.kind == "blank" and t.text == "" for t in items)


def _short_zeros(values: list[Token], n: int) -> bool:
    """'本年新收…数量 0 0 0 0 0' in a 7-column table: fewer than n printed cells, at least two,
    all 0; the cells left blank are blank (0), so every cell is 0 whatever the alignment.
    The caller asks for some sign of blank cells (an empty cell, or two cells short), since
    one cell lost in printing could have held a non-zero count."""
    return 2 <= len(values) < n and all(t.kind == "value" and t.value == 0 for t in values)


def fit_cells(items: list[Token], n: int, where: str, width: int | None = None, closed: bool = False) -> Fit:
    """A row's n cells from the tokens between its label and the next row's label.

    In order: n slots by position, counting empty cells (after dropping empty label columns at
    the left, then empty cells at the right, in a row as wide as the table's `width`); exactly
    n printed cells with no empty cell between them (nor any, on a line wider than the
    table's); one run of n digits that cannot be a single count ("规章000"); more than n values that
    are all the same (every alignment gives each cell that value); n + 1 values of which one
    stands alone on its line (a page number); fewer than n values, all 0, in a row `closed` by the
    next row's label (every cell 0, with a warning; a row cut off at the text's end is not). Anything else leaves every cell None with a
    warning: numbers are never shifted into cells they may not belong to."""
    values = [t for t in items if t.kind == "value" or t.kind == "mark"]
    slots = _trim(items, n, width)
    if len(slots) == n and (values or any(t.text == "" for t in slots)):
        return _from_tokens(list(slots))
    interior = _blank_between_values(items)
    if len(values) == n and not interior and not _wider_with_blank(items, width):
        return _from_tokens(list(values))
    if _digit_run(values, n):
        return Fit([int(d) for d in values[0].text], [None] * n)
    numbers = {t.value for t in values}
    if len(values) > n and len(numbers) == 1 and None not in numbers and not interior:
        fit = _from_tokens(values[:n])
        fit.warning = (
            f"{where}: {len(values)} values for {n} columns, all {values[0].value}; read as {n} such cells"
        )
        return fit
    lone = [t for t in values if t.alone]
    if len(values) == n + 1 and len(lone) == 1:
        fit = fit_cells([t for t in items if t is not lone[0]], n, where, width)
        if fit.warning is None:
            fit.warning = (
                f"{where}: number {lone[0].text} alone on line {lone[0].line} left out (a page number?)"
            )
            return fit
    if closed and _short_zeros(values, n) and (n - len(values) >= 2 or any(t.text == "" for t in items)):
        fit = Fit([0] * n, [None] * n)
        fit.warning = f"{where}: {len(values)} values for {n} columns, all 0; blank cells read as 0"
        return fit
    if not values and any(t.text == "" for t in items):  # a row printed with empty cells only
        return Fit([None] * n, [""] * n)
    problem = "no values" if not values else f"{len(values)} values for {n} columns; cells left empty"
    return Fit([None] * n, [None] * n, f"{where}: {problem}")


def numbering_of(text: str) -> str | None:
    """'7.' -> '7', '(六)' -> '(六)', '四、' -> '四'; None when the text is not numbered."""
    m = NUMBERING.match(text)
    if not m:
        return None
    return f"({m.group(1)})" if text.startswith("(") else m.group(1)
