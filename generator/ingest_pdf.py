"""PDF reports: text lines reflowed into paragraphs, tables as ' | ' rows in their place.

A table that runs onto the next page is joined back into one table, and a row (or a
row-spanning label) cut by the page break is glued together again. Page numbers are
dropped. A PDF without a text layer (a scan) cannot be read without OCR: IngestError.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

from generator.errors import IngestError
from generator.ingest import join_wrapped, row_line
from generator.records import Document, Problem

Cell = str | None  # None: covered by a merged cell
PAGE_NUMBER_RXS = (
    re.compile(r"^[-－—–_]+\s*\d{1,4}\s*[-－—–_]+$"),
    re.compile(r"^第\s*\d{1,4}\s*页(\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?$"),
    re.compile(r"^(共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$"),
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),
    re.compile(r"^[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?$"),
)
LABEL_START_RX = re.compile(
    r"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第)"
)
NUMBER_RX = re.compile(r"^[+\-]?\d[\d,]*(\.\d+)?%?$")
CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef"
NUM = r"[+\-]?\d[\d.,]*%?"
TIGHTEN_RXS = (  # the gaps a PDF leaves around digits and Latin words in Chinese text
    re.compile(rf"(?<=[{CJK}]) +(?=[{CJK}])"),
    re.compile(rf"(?<=[{CJK}]) +(?={NUM} *[{CJK}])"),  # '共 12 件' (not '数量 3 0 0': table cells)
    re.compile(rf"(?<=[\d%]) +(?=[{CJK}])"),
    re.compile(rf"(?<=[{CJK}]) +(?=[A-Za-z])|(?<=[A-Za-z]) +(?=[{CJK}])"),
)
RUNNING_MIN_PAGES = 3  # a line heading or footing this many pages (digits aside) is a running title
MIN_FULL_LINES = 3
SENTENCE_END = "。！？；：!?;:"


@dataclass
class TextLine:
    text: str
    page: int
    top: float
    x0: float
    x1: float
    height: float


@dataclass
class TableBlock:
    rows: list[list[Cell]]
    page: int
    top: float
    bottom: float


@dataclass
class Page:
    number: int
    height: float
    items: list[TextLine | TableBlock] = field(default_factory=list)


def read_pdf(path: Path, data: bytes) -> Document:
    """A PDF report as lines; IngestError for a broken PDF or one with no text layer (a scan)."""
    where = str(path)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font quirks are not the maintainer's concern
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [read_page(page, i) for i, page in enumerate(pdf.pages, 1)]
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        if "password" in type(exc).__name__.lower():
            raise IngestError("the PDF is password-protected; ask for an open copy", where) from exc
        raise IngestError(f"not a readable PDF ({type(exc).__name__}: {exc})", where) from exc
    if not pages:
        raise IngestError("the PDF has no pages", where)
    drop_running_lines(pages)
    blank = [p.number for p in pages if not p.items]
    if len(blank) == len(pages):
        raise IngestError(
            "the PDF has no text layer (a scanned image?): it needs OCR, "
            "or ask for a text version (.docx, .html, a text PDF)",
            where,
        )
    doc = Document(path=where, lines=layout_lines(pages), encoding=None, format="pdf")
    if blank:
        doc.problems.append(
            Problem(
                where,
                f"page(s) {', '.join(map(str, blank))} have no text "
                "(scanned images?); their content is missing",
                level="warning",
            )
        )
    return doc


def read_page(page: Any, number: int) -> Page:
    """Tables (two or more filled columns) and the text lines outside them, top to bottom."""
    out = Page(number, float(page.height))
    tables = [t for t in page.find_tables() if is_real_table(t.extract())]
    boxes = [t.bbox for t in tables]
    for t in tables:
        out.items.append(TableBlock(t.extract(), number, t.bbox[1], t.bbox[3]))
    rest = page.filter(lambda obj: not any(inside(obj, box) for box in boxes)) if boxes else page
    for line in rest.extract_text_lines(strip=True, return_chars=False):
        text = tighten(line["text"])
        if text:
            out.items.append(
                TextLine(text, number, line["top"], line["x0"], line["x1"], line["bottom"] - line["top"])
            )
    out.items.sort(key=lambda item: item.top)
    drop_page_numbers(out)
    return out


def is_real_table(rows: list[list[Cell]]) -> bool:
    """A ruled box around a paragraph is not a table: a table has a row with two filled cells."""
    return any(sum(1 for c in row if c and c.strip()) >= 2 for row in rows)


def inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """True when the object's centre lies in the box (x0, top, x1, bottom)."""
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def tighten(text: str) -> str:
    """Drop the gaps a PDF puts between CJK characters and digits ('2024 年' -> '2024年'),
    keeping those between figures of a table drawn without lines ('数量 3 0 0')."""
    text = text.strip()
    for rx in TIGHTEN_RXS:
        text = rx.sub("", text)
    return text


def is_page_number(text: str) -> bool:
    return any(rx.match(text) for rx in PAGE_NUMBER_RXS)


def drop_page_numbers(page: Page) -> None:
    """Remove '- 3 -', '第3页', '3/6' lines, and a bare number as the first or last line."""
    items = [i for i in page.items if not (isinstance(i, TextLine) and is_page_number(i.text))]
    for pos in (-1, 0):
        if (
            items
            and isinstance(items[pos], TextLine)
            and items[pos].text.isdigit()
            and len(items[pos].text) <= 4
        ):
            items.pop(pos)
    page.items = items


def drop_running_lines(pages: list[Page]) -> None:
    """Remove running headers and footers: the same first or last line on many pages."""
    counts: dict[str, int] = {}
    for page in pages:
        for key in {running_key(page.items[0]), running_key(page.items[-1])} if page.items else ():
            if key:
                counts[key] = counts.get(key, 0) + 1
    needed = max(RUNNING_MIN_PAGES, len([p for p in pages if p.items]) // 2)
    running = {key for key, n in counts.items() if n >= needed}
    for page in pages:
        while page.items and running_key(page.items[0]) in running:
            page.items.pop(0)
        while page.items and running_key(page.items[-1]) in running:
            page.items.pop()


def running_key(item: TextLine | TableBlock) -> str | None:
    """A text line with its digits masked (running footers carry page numbers)."""
    return re.sub(r"\d+", "#", item.text) if isinstance(item, TextLine) else None


def layout_lines(pages: list[Page]) -> list[str]:
    """Every page's items in order: continued tables joined, paragraphs reflowed, tables as rows."""
    items = join_tables([item for page in pages for item in page.items], pages)
    texts = [i for i in items if isinstance(i, TextLine)]
    margins = Margins.measure(texts)
    lines: list[str] = []
    previous: TextLine | None = None
    for item in items:
        if isinstance(item, TableBlock):
            lines.extend(table_lines(item.rows))
            previous = None
        elif previous is not None and margins.continues(previous, item):
            lines[-1] = join_wrapped([lines[-1], item.text])
            previous = item
        else:
            lines.append(item.text)
            previous = item
    return lines


@dataclass
class Margins:
    """The body text's left and right edges and character size, to tell wrapped lines."""

    left: float
    right: float
    char: float
    indented: bool  # paragraphs start with an indent (so a flush line continues one)

    @classmethod
    def measure(cls, lines: list[TextLine]) -> Margins:
        if not lines:
            return cls(0, 0, 10, True)
        char = statistics.median(t.height for t in lines) or 10
        left = statistics.mode(round(t.x0) for t in lines)
        wide = sorted(t.x1 for t in lines if len(t.text) >= 10) or [max(t.x1 for t in lines)]
        right = wide[int(len(wide) * 0.9) - 1 if len(wide) > 1 else 0]
        if sum(1 for x1 in wide if x1 >= right - 1.5 * char) < MIN_FULL_LINES:
            right = float("inf")  # too few full lines to know the text width: no reflow
        indented = sum(1 for t in lines if t.x0 > left + 1.5 * char) >= len(lines) * 0.05
        return cls(left, right, char, indented)

    def continues(self, before: TextLine, after: TextLine) -> bool:
        """True when `after` carries on the paragraph `before` wrapped out of."""
        full = before.x1 >= self.right - 1.5 * self.char
        flush = abs(after.x0 - self.left) <= 0.6 * self.char
        if not (full and flush) or is_page_number(after.text):
            return False
        return self.indented or before.text[-1] not in SENTENCE_END


def join_tables(items: list[TextLine | TableBlock], pages: list[Page]) -> list[TextLine | TableBlock]:
    """A table ending its page followed by a table opening the next page is one table."""
    ends = {id(p.items[-1]): p.number for p in pages if p.items}  # last item -> its page
    opens = {id(p.items[0]) for p in pages if p.items}
    out: list[TextLine | TableBlock] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, TableBlock)
            and isinstance(prev, TableBlock)
            and id(item) in opens
            and ends.get(id(prev)) == item.page - 1
        ):
            prev.rows = continue_rows(prev.rows, item.rows)
            ends.pop(id(prev))
            if id(item) in ends:  # the table fills this page too: it may go on
                ends[id(prev)] = ends.pop(id(item))
        else:
            out.append(item)
    return out


def continue_rows(before: list[list[Cell]], after: list[list[Cell]]) -> list[list[Cell]]:
    """Rows of a table's next-page part appended; a repeated header dropped; a cut row glued."""
    after = [list(r) for r in after]
    while after and len(after) < len(before) and after[0] in before[:3]:
        after.pop(0)  # header row repeated on the new page
    if not before or not after or len(before[-1]) != len(after[0]):
        return before + after
    last, first = before[-1], after[0]
    fragments = [j for j, c in enumerate(first) if is_fragment(c)]
    if not fragments:
        return before + after
    if not has_number(last) or not has_number(first):
        merged = [glue(a, b) for a, b in zip(last, first, strict=True)]
        return before[:-1] + [merged] + after[1:]
    for j in fragments:  # both halves hold figures: only a row-spanning label was cut
        origin = origin_row(before, j)
        if origin is not None and LABEL_START_RX.match(before[origin][j] or ""):
            before[origin][j] = glue(before[origin][j], first[j])
            first[j] = None
    return before + after


def is_fragment(cell: Cell) -> bool:
    """Label text that does not start a label of its own: the tail of a cut cell."""
    return bool(cell and re.search(r"[\u3400-\u9fff]", cell) and not LABEL_START_RX.match(cell))


def has_number(row: list[Cell]) -> bool:
    return any(c and NUMBER_RX.match(c.strip()) for c in row)


def origin_row(rows: list[list[Cell]], column: int) -> int | None:
    """Index of the row whose cell in `column` spans down to the last row (walking up over None)."""
    for i in range(len(rows) - 1, -1, -1):
        if rows[i][column]:
            return i
        if rows[i][column] is not None:
            return None
    return None


def glue(a: Cell, b: Cell) -> Cell:
    """Two halves of one cell, joined like wrapped text."""
    if not a:
        return b if b is not None else a
    if not b:
        return a
    return a + "\n" + b


def table_lines(rows: list[list[Cell]]) -> list[str]:
    """Each row as one ' | ' line: merged-away cells left out, wrapped cell text joined."""
    out = []
    for row in rows:
        cells = [tighten(join_wrapped(c.split("\n"))) for c in row if c is not None]
        line = row_line(cells)
        if line:
            out.append(line)
    return out
