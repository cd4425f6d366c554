"""Table text as a stream of tokens (the row's cells are fitted in table_cells).

Renderings seen in published text, all reduced to one token stream:
  pipes        "规章 | 0 | 0 | 0 |"  (also the HTML/DOCX/PDF ingesters' " | " rows)
  tabs         "规章\\t0\\t0\\t0"      (PDF text; empty cells kept by position)
  spaces       "规章 0 0 0"
  lines        one cell per line, with or without blank lines between cells
  run together "规章000"  (split into digits only when that is the only reading)
Page numbers ("- 3 -", "第3页") and lines of bare pipes are dropped. Cells print markers
("/", "—", "无", blank) that are kept as None with the marker in a parallel list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.records import Number

PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
BARE_PIPES = re.compile(r"^[\s|]*\|[\s|]*$")
MARK = re.compile(r"^(?:[/\\\-—–―~～]+|无|空)$")
TOKEN = re.compile(
    r"(?P<num>\d{1,2}[.、．](?![\d.]))"  # label numbering: 1. 2、
    r"|(?P<val>[+\-]?\d++(?:,\d{3})*+(?:\.\d+)?(?:\s*(?:万元|元|件|条|个|项|次|宗|%))?"
    r"(?:\s*\([^()]{0,40}\))?)(?![\d年月日号时])"  # 12, +3, 96171.6, 251000元, 22(其中修订16件)
    r"|(?P<mark>(?<!\S)[/\\\-—–―~～]+(?!\S))"  # a stand-alone marker
    r"|(?P<paren>\([^()]*\))"  # (一), (区分处理的...)
    r"|(?P<text>[^\s\d()]+|\d+|[()])"
)
HAS_DIGIT = re.compile(r"\d")
EMPTY_CELL = re.compile(r"\|\s*\||^\s*\||\|\s*$")
MARK_FIRST = frozenset("/\\-—–―~～无空")
NUMBERED_LABEL = re.compile(r"(\d{1,2}[.、．])\s*([^\d/\\\-—–―~～]+)$")
DASHES = re.compile(r"^[/\\\-—–―~～]+$")
NUMBER = re.compile(r"[+\-]?\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(slots=True)
class Token:
    """One piece of table text: a label fragment, a cell value, a marker or an empty cell."""

    kind: str  # "text" | "value" | "mark" | "blank" (empty cell) | "blankline"
    text: str
    line: int
    value: Number | None = None
    glued: bool = False  # a run of digits printed straight after a label ("规章000")
    alone: bool = False  # a bare integer alone on its line where rows share lines (a page number?)
    width: int = 0  # cells on its line, where cells are separated (pipes, tabs)

    @property
    def is_cell(self) -> bool:
        """A printed cell: a value or a marker."""
        return self.kind == "value" or self.kind == "mark"


def split_cells(line: str, closing: bool = True) -> list[str] | None:
    """A line's cells when it has explicit separators (pipes or tabs), else None.
    A pipe at the start of the line makes no cell; one at the end closes the row when the
    table's rows are written that way (`closing`), and otherwise ends with an empty last cell
    (the ingesters join cells with " | " and strip the line: "… | 0 | 0 |" has a blank 总计)."""
    if "|" in line:
        cells = line.split("|")
        if cells and not cells[0].strip():
            cells = cells[1:]
        if closing and cells and not cells[-1].strip():
            cells = cells[:-1]
        return cells
    if "\t" in line:
        return line.split("\t")
    return None


def closing_pipes(lines: list[str]) -> bool:
    """True when the table's rows end with a pipe that only closes them ("规章 | 0 | 0 | 0 |").
    Header lines tell best (their last cell is never empty): do they end with a pipe? Without
    them, nearly every row of several cells must end with one."""
    heads = head_ends = rows = row_ends = 0
    for line in lines:
        if "|" not in line:
            continue
        line = line.strip()
        ends = line.endswith("|")
        inner = line.strip("|")
        if "|" in inner and HAS_DIGIT.search(line) is None and EMPTY_CELL.search(inner) is None:
            heads += 1
            head_ends += ends
        elif line.count("|") >= 2:
            rows += 1
            row_ends += ends
    if heads:
        return head_ends >= 0.5 * heads
    return rows == 0 or row_ends >= 0.9 * rows


def parse_value(text: str) -> Number | None:
    """'12' -> 12, '+3' -> 3, '-2' -> -2, '96171.6' -> 96171.6, '251000元' -> 251000,
    '22(其中修订16件)' -> 22."""
    m = NUMBER.match(text.replace(" ", ""))
    if not m:
        return None
    raw = m.group(0).replace(",", "")
    return float(raw) if "." in raw else int(raw)


def tokenize_cell(cell: str, line: int, out: list[Token]) -> None:
    """Append the tokens of one cell (or of a whole line without separators) to `out`."""
    stripped = cell.strip()
    if not stripped:
        out.append(Token("blank", "", line))
    elif stripped.isdigit():
        out.append(Token("value", stripped, line, int(stripped)))
    elif stripped[0] in MARK_FIRST and MARK.match(stripped):
        out.append(Token("mark", stripped, line))
    elif (digit := HAS_DIGIT.search(stripped)) is None:  # label text, maybe with stand-alone markers
        _words(stripped.split(), line, out)
    elif digit.start() == 0 and (numbered := NUMBERED_LABEL.match(stripped)):  # "4.保护第三方合法权益"
        out.append(Token("text", numbered.group(1), line))
        for piece in numbered.group(2).split():
            out.append(Token("text", piece, line))
    else:
        _scan(stripped, line, out)


def _words(pieces: list[str], line: int, out: list[Token]) -> None:
    """Label words and stand-alone markers ("规章 / / /"); a slash between two words is part
    of the label ("本年增 / 减")."""
    last = len(pieces) - 1
    for i, piece in enumerate(pieces):
        mark = piece[0] in MARK_FIRST and DASHES.match(piece) is not None
        if mark and 0 < i < last and not DASHES.match(pieces[i - 1]) and not DASHES.match(pieces[i + 1]):
            mark = False
        out.append(Token("mark" if mark else "text", piece, line))


def _scan(text: str, line: int, out: list[Token]) -> None:
    """Label fragments, values and markers mixed in one cell: "规章000", "3. 危及 0 /"."""
    first = len(out)
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "text"
        piece = m.group(0)
        if kind == "val":
            start = m.start()
            glued = (
                len(out) > first and out[-1].kind == "text" and start > 0 and not text[start - 1].isspace()
            )
            out.append(Token("value", piece, line, parse_value(piece), glued))
        else:
            out.append(Token("mark" if kind == "mark" else "text", piece, line))


def _cells(cells: list[str], line: int, out: list[Token]) -> None:
    """The tokens of a line of separated cells, each knowing how many cells the line has."""
    start = len(out)
    for cell in cells:
        tokenize_cell(cell, line, out)
    for tok in out[start:]:
        tok.width = len(cells)


def tokenize(lines: list[str], first: int) -> list[Token]:
    """Tokens of normalised table lines; `first` is the 1-based number of lines[0]."""
    out: list[Token] = []
    closing = closing_pipes(lines) if any("|" in line for line in lines) else True
    for number, line in enumerate(lines, start=first):
        stripped = line.strip()
        if not stripped:
            out.append(Token("blankline", "", number))
            continue
        if "|" in stripped:
            core = stripped.strip("|").strip()
            if not core:  # a line of bare pipes
                continue
            if "|" in core or "\t" in core or not closing:
                _cells(split_cells(line, closing) or [], number, out)
                continue
            stripped = core  # one cell closed by a pipe: "0 |"
        elif "\t" in line:
            _cells(line.split("\t"), number, out)
            continue
        elif len(stripped) < 24 and PAGE_NUMBER.match(stripped):
            continue
        if stripped.isdigit():
            out.append(Token("value", stripped, number, int(stripped), alone=True))
        else:
            tokenize_cell(stripped, number, out)
    return out


def one_cell_per_line(tokens: list[Token]) -> bool:
    """True when most lines that hold cells hold just one: the 'lines' rendering, where blank
    lines may stand for empty cells."""
    per_line: dict[int, int] = {}
    for tok in tokens:
        if tok.kind != "text" and tok.kind != "blankline":
            per_line[tok.line] = per_line.get(tok.line, 0) + 1
    if not per_line:
        return False
    single = sum(1 for count in per_line.values() if count == 1)
    return single >= 0.8 * len(per_line)


def mark_separators(tokens: list[Token]) -> list[Token]:
    """In the 'lines' rendering, drop blank lines that only separate cells (one after each
    non-blank line, when most lines are followed by one); the rest are empty cells. In every
    other rendering blank lines are layout, not cells, and are dropped."""
    if not one_cell_per_line(tokens):
        return [t for t in tokens if t.kind != "blankline"]
    for tok in tokens:
        tok.alone = False  # every cell is alone on its line here
    lines: list[tuple[int, bool]] = []  # (line, blank) in order
    for tok in tokens:
        if not lines or lines[-1][0] != tok.line:
            lines.append((tok.line, tok.kind == "blankline"))
    followed = sum(1 for a, b in zip(lines, lines[1:], strict=False) if not a[1] and b[1])
    nonblank = sum(1 for _, blank in lines if not blank) or 1
    separated = followed >= 0.6 * nonblank
    out: list[Token] = []
    previous_blank = True
    for tok in tokens:
        if tok.kind == "blankline":
            if not (separated and not previous_blank):
                out.append(Token("blank", "blank line", tok.line))
            previous_blank = True
        else:
            previous_blank = False
            out.append(tok)
    return out
