"""Word (.docx) reports: body paragraphs and tables in document order, tables as ' | ' rows.

The body XML is walked child by child (content controls opened), so a table stands where
it stands in the document. A cell merged across columns (gridSpan) is written once, and a
cell merged down rows (vMerge) only in its first row. Automatic list numbering (一、 （一）
1.) is rendered into the text, since Word keeps it out of the paragraph's characters.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from generator.errors import IngestError
from generator.ingest import join_wrapped, row_line
from generator.records import Document

CN_DIGITS = "零一二三四五六七八九"
TIANGAN = "甲乙丙丁戊己庚辛壬癸"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
TEXT_XPATH = "(.//w:t | .//w:tab | .//w:br | .//w:cr)[not(ancestor::w:txbxContent)]"


def read_docx(path: Path, data: bytes) -> Document:
    """A .docx report as lines; IngestError when the file is not a readable Word document."""
    where = str(path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(
            f"not a readable .docx file ({type(exc).__name__}: {exc}); "
            "an old .doc must be saved as .docx first",
            where,
        ) from exc
    numbering = Numbering.load(document)
    lines: list[str] = []
    for element in body_elements(document.element.body):
        if element.tag == qn("w:p"):
            lines.extend(paragraph_lines(element, numbering))
        else:
            lines.extend(table_lines(element))
    if not any(line.strip() for line in lines):
        raise IngestError("the document is empty (no text at all)", where)
    return Document(path=where, lines=lines, encoding=None, format="docx")


def body_elements(parent: Any) -> list[Any]:
    """Paragraphs and tables in document order; content controls (w:sdt) opened."""
    out = []
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            out.append(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                out.extend(body_elements(content))
    return out


def paragraph_text(p: Any) -> str:
    """A paragraph's characters, inserted text included, deleted text and text boxes left out;
    a soft line break (Shift+Enter) becomes a newline."""
    parts = []
    for node in p.xpath(TEXT_XPATH):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append(" ")
        elif node.get(qn("w:type")) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def paragraph_lines(p: Any, numbering: Numbering) -> list[str]:
    """One body paragraph as lines (more than one only where it has soft line breaks)."""
    text = paragraph_text(p)
    lines = [line.strip().replace("\u3000", " ").strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    label = numbering.label(p) if lines else ""
    if label:
        lines[0] = label + lines[0]
    return lines


def table_lines(tbl: Any) -> list[str]:
    """Each row of a table as one ' | ' line; merged cells written once."""
    out = []
    for tr in tbl.iterchildren(qn("w:tr")):
        cells = []
        for tc in row_cells(tr):
            if vmerge(tc) == "continue":
                continue  # the row-spanning cell already appeared in its first row
            cells.append(cell_text(tc))
        line = row_line(cells)
        if line:
            out.append(line)
    return out


def row_cells(tr: Any) -> list[Any]:
    """The w:tc cells of a row, also those wrapped in a content control."""
    cells = []
    for child in tr.iterchildren():
        if child.tag == qn("w:tc"):
            cells.append(child)
        elif child.tag == qn("w:sdt"):
            cells.extend(child.iter(qn("w:tc")))
    return cells


def vmerge(tc: Any) -> str | None:
    """'restart', 'continue' or None for a cell's vertical merge."""
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if merge is None:
        return None
    return merge.get(qn("w:val")) or "continue"


def cell_text(tc: Any) -> str:
    """A cell's paragraphs (and nested tables' text) on one line."""
    return join_wrapped([line for p in tc.iter(qn("w:p")) for line in paragraph_text(p).split("\n")])


@dataclass
class Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Word's automatic list numbering, rendered as printed: '%1、' -> '一、'."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def load(cls, document: Any) -> Numbering:
        found = cls()
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return found
        abstract = {a.get(qn("w:abstractNumId")): read_levels(a) for a in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.iter(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, old.text, int(start.get(qn("w:val"), "1")))
            found.levels[num.get(qn("w:numId"))] = levels
        for style in document.styles.element.iter(qn("w:style")):
            ref = num_ref(style)
            if ref:
                found.style_num[style.get(qn("w:styleId"))] = ref
        return found

    def label(self, p: Any) -> str:
        """The list label of a paragraph ('一、', '（二）', '3.'), counting on; '' when none."""
        ref = num_ref(p)
        if ref is None:
            style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            ref = self.style_num.get(style.get(qn("w:val"))) if style is not None else None
        if ref is None or ref[0] not in self.levels or ref[1] not in self.levels[ref[0]]:
            return ""
        num_id, ilvl = ref
        levels = self.levels[num_id]
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if levels[ilvl].fmt in ("bullet", "none"):
            return ""
        text = levels[ilvl].text
        for k, level in levels.items():
            if f"%{k + 1}" in text:
                text = text.replace(f"%{k + 1}", format_number(counts.get(k, level.start), level.fmt))
        return text


def read_levels(abstract: Any) -> dict[int, Level]:
    """The levels of one w:abstractNum: number format, label text, start value."""
    levels = {}
    for lvl in abstract.iter(qn("w:lvl")):
        fmt, text, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:lvlText")), lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
            fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            int(start.get(qn("w:val"), "1")) if start is not None else 1,
        )
    return levels


def num_ref(element: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from an element's w:pPr/w:numPr; None when it has none (or numId 0)."""
    numpr = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if numpr is None:
        return None
    num_id, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
        return None
    return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0


def format_number(n: int, fmt: str) -> str:
    """A list counter in Word's number format: chineseCounting 12 -> '十二', decimal -> '12'."""
    if fmt.startswith(("chineseCounting", "japaneseCounting", "taiwaneseCounting", "ideographDigital")):
        return chinese_number(n)
    if fmt == "ideographTraditional" and 1 <= n <= len(TIANGAN):
        return TIANGAN[n - 1]
    if fmt == "decimalEnclosedCircle" or fmt.startswith("decimalEnclosedCircle"):
        return CIRCLED[n - 1] if 1 <= n <= len(CIRCLED) else str(n)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = to_roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (up to 999)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = f"{CN_DIGITS[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (CN_DIGITS[ones] if ones else "")


def to_roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out
