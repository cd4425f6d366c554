"""Labelled rows in a table's token stream: find each row's label by its key words in template
order, then read the cells printed between that label and the next one.

The label text of the whole table is joined without whitespace, so labels broken by spaces or
line breaks still match ("5. 属于 三类 内部 事务 信息"). A label cut in two by its own cells
("7.\\t0\\t0…\\n属于 行政 执法 案卷") starts at its numbering ("7."), found between the previous
row's key words and its own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from generator.extract.table_cells import Fit, Token, fit_cells, numbering_of, table_width
from generator.extract.table_vocab import RowSpec


@dataclass
class Found:
    """A row whose label was found: where its key words are and where its span starts."""

    spec: RowSpec
    start: int  # token index where the row's span starts (its label or numbering)
    label_end: int  # token index of the last token of its key words
    text_end: int  # position in the joined label text just after its key words


class LabelText:
    """The label text of a token stream without whitespace, mapped back to tokens."""

    def __init__(self, tokens: list[Token]):
        parts: list[str] = []
        self.starts: list[int] = []  # position in `text` where each text token begins
        self.owners: list[int] = []  # that token's index
        pos = 0
        for i, tok in enumerate(tokens):
            if tok.kind == "text":
                piece = tok.text if " " not in tok.text else "".join(tok.text.split())
                if piece:
                    parts.append(piece)
                    self.starts.append(pos)
                    self.owners.append(i)
                    pos += len(piece)
        self.text = "".join(parts)

    def token_at(self, pos: int) -> int:
        """The index of the token holding character `pos` of the label text."""
        if not self.owners:
            return 0
        return self.owners[max(bisect_right(self.starts, pos) - 1, 0)]


def find_rows(
    tokens: list[Token], specs: tuple[RowSpec, ...], begin: int = 0, labels: LabelText | None = None
) -> list[Found]:
    """Rows of `specs` whose key words occur in order in the label text, from position `begin`."""
    labels = labels or LabelText(tokens)
    found: list[Found] = []
    pos = begin
    prev_token = -1
    for spec in specs:
        m = spec.pattern.search(labels.text, pos)
        if not m:
            continue
        first = labels.token_at(m.start())
        last = labels.token_at(m.end() - 1)
        start = _numbered_start(tokens, spec, prev_token + 1, first)
        found.append(Found(spec, start, last, m.end()))
        pos = m.end()
        prev_token = last
    return found


def _numbered_start(tokens: list[Token], spec: RowSpec, lo: int, first: int) -> int:
    """The token that opens a row: its numbering ("7.", "(六)") if printed before its key
    words but after the previous row's, else the token holding the first key word."""
    if not spec.number:
        return first
    for i in range(lo, first + 1):
        tok = tokens[i]
        if tok.kind == "text" and numbering_of(tok.text) == spec.number:
            return i
    return first


def row_items(tokens: list[Token], lo: int, hi: int, label_line: int, last: bool) -> list[Token]:
    """The cells of one row: values and markers between tokens lo and hi, and the empty cells
    that share a line with the row's label or values (empty cells before the next row's
    label on its own line are label columns). The last row of a table ends at the first
    label text printed after its values."""
    seen = False
    kept: list[Token] = []
    value_lines = {label_line}
    for tok in tokens[lo:hi]:
        kind = tok.kind
        if kind == "text":
            if seen and last:
                break
            continue
        if kind == "value" or kind == "mark":
            seen = True
            value_lines.add(tok.line)
        kept.append(tok)
    return [t for t in kept if t.kind != "blank" or t.text != "" or t.line in value_lines]


def read_rows(
    tokens: list[Token], found: list[Found], columns: int, end: int, table: str
) -> dict[str, tuple[Fit, int | None]]:
    """Each found row's cells (fitted to its column count) and the line of its label."""
    out: dict[str, tuple[Fit, int | None]] = {}
    width = table_width(tokens)
    for k, row in enumerate(found):
        last = k + 1 == len(found)
        hi = end if last else found[k + 1].start
        label_line = tokens[row.start].line
        items = row_items(tokens, row.start, hi, label_line, last)
        n = len(row.spec.columns) or columns
        out[row.spec.key] = (
            fit_cells(items, n, f"Table {table} row {row.spec.key} (line {label_line})", width, not last),
            label_line,
        )
    return out
